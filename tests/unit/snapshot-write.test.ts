/** writeSnapshot: Parquet files + manifest, exact decimals, deterministic bytes. */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLLUPS } from '../../src/lib/schema/rollups';
import { TABLES } from '../../src/lib/schema/tables';
import type { Manifest } from '../../src/lib/schema/manifest';
import { writeSnapshot } from '../../src/lib/snapshot/write';
import { sampleDocument } from './snapshot-fixtures';

const dirs: string[] = [];
async function tmp(): Promise<string> {
	const d = await mkdtemp(path.join(os.tmpdir(), 'bl-snap-'));
	dirs.push(d);
	return d;
}
afterAll(async () => {
	for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function query(sql: string): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

const docA = () => sampleDocument('aaaaaaaaaaaaaaaa', 'a.txt');
const docB = () => sampleDocument('bbbbbbbbbbbbbbbb', 'b.txt');

describe('writeSnapshot', () => {
	it('writes one Parquet file per table with the schema types and exact decimals', async () => {
		const dir = await tmp();
		const manifest = await writeSnapshot([docB(), docA()], dir);
		const files = (await readdir(dir)).sort();
		expect(files).toEqual(
			[
				...TABLES.map((t) => `${t.name}.parquet`),
				...ROLLUPS.map((r) => `${r.name}.parquet`),
				'manifest.json'
			].sort()
		);

		const pq = (t: string) => `read_parquet('${path.join(dir, `${t}.parquet`)}')`;
		for (const table of TABLES) {
			const described = await query(`DESCRIBE SELECT * FROM ${pq(table.name)}`);
			expect(described.map((r) => [r.column_name, r.column_type])).toEqual(
				table.columns.map((c) => [c.name, c.type])
			);
			expect(manifest.tables[table.name].rows).toBe(
				Number((await query(`SELECT count(*) AS n FROM ${pq(table.name)}`))[0]?.n)
			);
		}
		const total = await query(
			`SELECT doc_id, total::VARCHAR AS total FROM ${pq('expenditure_by_function')} WHERE level = 0 ORDER BY doc_id`
		);
		expect(total).toEqual([
			{ doc_id: 'aaaaaaaaaaaaaaaa', total: '6473.0300' },
			{ doc_id: 'bbbbbbbbbbbbbbbb', total: '6473.0300' }
		]);
		// documents.province is derived from the region (河北省 → 河北省).
		expect(await query(`SELECT DISTINCT region, province FROM ${pq('documents')}`)).toEqual([
			{ region: '河北省', province: '河北省' }
		]);
		// DECIMAL arithmetic stays exact: 0.5 + 0.5 reception, 1.25 × 2 meeting.
		const sums = await query(
			`SELECT (SELECT sum(amount)::VARCHAR FROM ${pq('three_public')}) AS tp, (SELECT sum(amount)::VARCHAR FROM ${pq('related_expenses')}) AS re`
		);
		expect(sums).toEqual([{ tp: '1.0000', re: '2.5000' }]);
		// Rows are ordered by doc_id then source line.
		const order = await query(`SELECT doc_id, line_no FROM ${pq('source_lines')}`);
		expect(order.map((r) => `${r.doc_id}:${r.line_no}`)).toEqual([
			...[1, 2, 3, 4, 5, 6].map((n) => `aaaaaaaaaaaaaaaa:${n}`),
			...[1, 2, 3, 4, 5, 6].map((n) => `bbbbbbbbbbbbbbbb:${n}`)
		]);
	});

	it('writes a manifest describing documents, tables and issues', async () => {
		const dir = await tmp();
		const manifest = await writeSnapshot([docB(), docA()], dir);
		const onDisk = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
		expect(onDisk).toEqual(manifest);
		expect(manifest.schema_version).toBe(3);
		expect(manifest).toMatchObject({
			layout: 'flat',
			document_count: 2,
			synthetic: false,
			documents_omitted: false
		});
		expect(manifest.partition_by).toBeUndefined();
		expect(manifest.snapshot_id).toMatch(/^[0-9a-f]{16}$/);
		expect(manifest.created_from).toEqual(['a.txt', 'b.txt']);
		expect(manifest.documents.map((d) => d.doc_id)).toEqual([
			'aaaaaaaaaaaaaaaa',
			'bbbbbbbbbbbbbbbb'
		]);
		expect(manifest.documents[0]).toEqual({
			doc_id: 'aaaaaaaaaaaaaaaa',
			source_name: 'a.txt',
			department_name: '示例局',
			fiscal_year: 2024,
			kind: 'budget',
			rows_seen: 5,
			rows_stored: 4,
			rows_reported: 1,
			tables_found: ['summary', 'expenditure_by_function'],
			issues: { error: 0, warning: 0, info: 1 }
		});
		expect(manifest.issue_counts).toEqual({ unrecognized_row: 2 });
		expect(manifest.tables.summary.rows).toBe(4);
		// snapshot_id is the documented content hash of the Parquet files, rollups last.
		const h = createHash('sha256');
		for (const t of TABLES) {
			const file = `${t.name}.parquet`;
			const bytes = await readFile(path.join(dir, file));
			const sha = createHash('sha256').update(bytes).digest('hex');
			const entry = manifest.tables[t.name];
			expect(entry).toMatchObject({ file, sha256: sha, bytes: bytes.length });
			// Flat: exactly one part, the file itself, covering every partition.
			expect(entry.parts).toHaveLength(1);
			expect(entry.parts[0]).toMatchObject({
				path: file,
				fiscal_year: null,
				province: null,
				rows: entry.rows,
				bytes: bytes.length,
				sha256: sha
			});
			const groups = entry.parts[0]?.row_groups ?? [];
			expect(groups.reduce((s, g) => s + g.rows, 0)).toBe(entry.rows);
			if (entry.rows > 0)
				expect(groups[0]).toMatchObject({
					doc_min: 'aaaaaaaaaaaaaaaa',
					doc_max: 'bbbbbbbbbbbbbbbb'
				});
			h.update(`${t.name}:${sha}\n`);
		}
		for (const r of ROLLUPS) {
			const bytes = await readFile(path.join(dir, `${r.name}.parquet`));
			const sha = createHash('sha256').update(bytes).digest('hex');
			const counted = await query(
				`SELECT count(*)::INTEGER AS n FROM read_parquet('${path.join(dir, `${r.name}.parquet`)}')`
			);
			const n = Number(counted[0]?.n);
			// rollup_per_capita: one row per cost indicator of the sample documents.
			if (r.name === 'rollup_per_capita') expect(n).toBeGreaterThan(0);
			expect(manifest.rollups[r.name]).toEqual({
				file: `${r.name}.parquet`,
				rows: r.name === 'rollup_documents' ? 2 : r.name === 'rollup_overview' ? 1 : n,
				bytes: bytes.length,
				sha256: sha
			});
			h.update(`${r.name}:${sha}\n`);
		}
		expect(manifest.snapshot_id).toBe(h.digest('hex').slice(0, 16));
		expect(JSON.stringify(manifest)).not.toContain(dir);
	});

	it('gives byte-identical output for the same inputs in any order', async () => {
		const one = await tmp();
		const two = await tmp();
		const m1 = await writeSnapshot([docA(), docB()], one);
		const m2 = await writeSnapshot([docB(), docA()], two);
		expect(m2.snapshot_id).toBe(m1.snapshot_id);
		for (const f of await readdir(one))
			expect(
				Buffer.compare(await readFile(path.join(one, f)), await readFile(path.join(two, f))),
				f
			).toBe(0);
		const other = await writeSnapshot([docA()], await tmp());
		expect(other.snapshot_id).not.toBe(m1.snapshot_id);
	});

	it('writes empty tables for no documents and refuses duplicate documents', async () => {
		const manifest = await writeSnapshot([], await tmp());
		expect(Object.values(manifest.tables).every((t) => t.rows === 0)).toBe(true);
		expect(Object.values(manifest.rollups).every((r) => r.rows === 0)).toBe(true);
		expect(manifest.synthetic).toBe(false);
		await expect(writeSnapshot([docA(), docA()], await tmp())).rejects.toThrow(
			/duplicate document: a.txt/
		);
	});
});
