/**
 * The benchmark's scaled snapshots (scripts/lib/scale-replicate.ts) and its
 * static server's Range parsing (scripts/lib/bench-serve.ts): replication
 * reaches the target fact rows by whole departments, gives every copy new
 * doc ids and department keys, and keeps years and exact amounts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange } from '../../scripts/lib/bench-serve';
import { baseFactRows, FACT_TABLES, loadBase, replicate } from '../../scripts/lib/scale-replicate';

const BASE = path.resolve('static/data/default');

async function one(conn: DuckDBConnection, sql: string): Promise<unknown> {
	return (await conn.runAndReadAll(sql)).getRowsJS()[0]?.[0];
}

describe('parseRange', () => {
	it('reads explicit, open and suffix ranges', () => {
		expect(parseRange('bytes=0-9', 100)).toEqual([0, 9]);
		expect(parseRange('bytes=90-', 100)).toEqual([90, 99]);
		expect(parseRange('bytes=-8', 100)).toEqual([92, 99]);
		expect(parseRange('bytes=-500', 100)).toEqual([0, 99]);
		expect(parseRange('bytes=95-200', 100)).toEqual([95, 99]);
	});
	it('rejects unsatisfiable and malformed ranges', () => {
		expect(parseRange('bytes=100-', 100)).toBeNull();
		expect(parseRange('bytes=-0', 100)).toBeNull();
		expect(parseRange('bytes=5-2', 100)).toBeNull();
		expect(parseRange('items=0-1', 100)).toBeNull();
	});
});

describe('replicate', () => {
	let instance: DuckDBInstance;
	let conn: DuckDBConnection;
	let base: number;
	let baseDocs: number;
	let baseDepts: number;
	let baseAmount: string;
	let tmp: string;

	beforeAll(async () => {
		tmp = await mkdtemp(path.join(os.tmpdir(), 'bl-scale-'));
		instance = await DuckDBInstance.create(':memory:', { threads: '1' });
		conn = await instance.connect();
		await loadBase(conn, BASE);
		base = await baseFactRows(conn);
		baseDocs = Number(await one(conn, 'SELECT count(*) FROM base_documents'));
		baseDepts = Number(
			await one(
				conn,
				`SELECT count(DISTINCT coalesce(department_key, department_name, doc_id)) FROM base_documents`
			)
		);
		baseAmount = String(await one(conn, 'SELECT sum(amount)::VARCHAR FROM base_summary'));
	});
	afterAll(async () => {
		conn.closeSync();
		instance.closeSync();
		await rm(tmp, { recursive: true, force: true });
	});

	it('copies whole departments until the fact rows reach the target', async () => {
		expect(FACT_TABLES).not.toContain('source_lines');
		expect(FACT_TABLES).not.toContain('documents');
		const target = Math.round(base * 2.5);
		const r = await replicate(conn, target);
		expect(r.copies).toBe(3);
		expect(r.factRows).toBeGreaterThanOrEqual(target);
		expect(r.factRows).toBeLessThan(base * 3);
		expect(r.documents).toBeGreaterThan(baseDocs * 2);
		expect(r.documents).toBeLessThan(baseDocs * 3);
		const ids = await one(conn, 'SELECT count(DISTINCT doc_id) = count(*) FROM documents');
		expect(ids).toBe(true);
		const depts = Number(
			await one(
				conn,
				`SELECT count(DISTINCT coalesce(department_key, department_name, doc_id)) FROM documents`
			)
		);
		expect(depts).toBeGreaterThan(baseDepts * 2);
		// Every row of a fact table belongs to a document of the snapshot.
		const orphans = await one(
			conn,
			'SELECT count(*) FROM indicators i ANTI JOIN documents d USING (doc_id)'
		);
		expect(Number(orphans)).toBe(0);
	});

	it('keeps exact amounts and years: copy 1 sums to the base exactly', async () => {
		const copy1 = await one(
			conn,
			`SELECT sum(s.amount)::VARCHAR FROM summary s JOIN documents d USING (doc_id)
			WHERE d.source_name LIKE 'c1-%'`
		);
		expect(String(copy1)).toBe(baseAmount);
		const years = await one(
			conn,
			`SELECT count(DISTINCT fiscal_year) FROM documents WHERE source_name LIKE 'c1-%'`
		);
		const baseYears = await one(
			conn,
			`SELECT count(DISTINCT fiscal_year) FROM documents WHERE NOT regexp_matches(source_name, '^c[0-9]+-')`
		);
		expect(Number(years)).toBe(Number(baseYears));
		const flagIds = await one(
			conn,
			`SELECT count(*) FROM flags f JOIN documents d USING (doc_id) WHERE position(f.doc_id IN f.flag_id) = 0 AND f.flag_id LIKE '%:%'`
		);
		expect(Number(flagIds)).toBe(0);
	});
});
