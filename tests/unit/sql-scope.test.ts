/**
 * The SQL page's scope (db/sql-scope.ts): pure helpers (view statements,
 * ceiling decision, per-year/province sizes), and in Node DuckDB over a
 * partitioned synthetic snapshot: a scoped user query sees exactly the rows of
 * the scope's documents although every row is loaded, the guard still refuses
 * what it refused, and nothing is left behind (data and catalog unchanged).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest, type SnapshotManifest } from '../../src/lib/db/manifest';
import { openNodeConnector, type NodeConnector } from '../../src/lib/db/node';
import {
	formatMb,
	overCeiling,
	scopeNeeds,
	scopeOptions,
	scopeViewStatements,
	SQL_LOAD_CEILING_BYTES
} from '../../src/lib/db/sql-scope';
import { parseText } from '../../src/lib/ingest/parse';
import { writeSnapshot } from '../../src/lib/snapshot';
import { generateCorpus } from '../../src/lib/synth';

describe('sql-scope (pure)', () => {
	it('builds no views without a scope, and quoted, catalog-qualified views with one', () => {
		expect(scopeViewStatements('memory', ['documents', 'projects'], undefined)).toEqual([]);
		expect(scopeViewStatements('memory', ['projects'], { years: [], provinces: [] })).toEqual([]);
		const [docs, projects] = scopeViewStatements('memory', ['documents', 'projects'], {
			years: [2024, 2023],
			provinces: ["O'Brien省"]
		});
		expect(docs).toBe(
			`CREATE TEMP VIEW "documents" AS SELECT * FROM "memory".main."documents" WHERE fiscal_year IN (2024, 2023) AND province IN ('O''Brien省')`
		);
		expect(projects).toContain('FROM "memory".main."projects" WHERE doc_id IN (SELECT doc_id');
	});

	it('decides the ceiling on the total planned bytes', () => {
		const half = SQL_LOAD_CEILING_BYTES / 2;
		expect(overCeiling([])).toBe(false);
		expect(
			overCeiling([
				{ table: 'a', bytes: half },
				{ table: 'b', bytes: half }
			])
		).toBe(false);
		expect(
			overCeiling([
				{ table: 'a', bytes: half },
				{ table: 'b', bytes: half + 1 }
			])
		).toBe(true);
		expect(overCeiling([{ table: 'a', bytes: 10 }], 9)).toBe(true);
		expect(formatMb(118_000_000)).toBe('118.0 MB');
		expect(formatMb(1)).toBe('0.1 MB');
	});

	it('needs carry the scope only when it narrows', () => {
		expect(scopeNeeds(['a'], { years: [] })).toEqual([{ table: 'a' }]);
		expect(scopeNeeds(['a', 'b'], { years: [2024] })).toEqual([
			{ table: 'a', scope: { years: [2024] } },
			{ table: 'b', scope: { years: [2024] } }
		]);
	});
});

let root: string;
let node: NodeConnector;
let manifest: SnapshotManifest;

beforeAll(async () => {
	root = mkdtempSync(path.join(tmpdir(), 'budgetlens-scope-'));
	const docs = [...generateCorpus({ departments: 12, years: 3, seed: 5 })].map((d) =>
		parseText(d.name, d.text)
	);
	const dir = path.join(root, 'snap');
	await writeSnapshot(docs, dir, { layout: 'partitioned' });
	manifest = parseManifest(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
	node = await openNodeConnector({ parquetDir: dir });
}, 240_000);

afterAll(async () => {
	await node?.close();
	if (root) rmSync(root, { recursive: true, force: true });
});

const count = async (sql: string) => Number((await node.query(sql)).rows[0]?.n);

describe('scoped user SQL (Node DuckDB)', () => {
	it('offers the partitions of the snapshot with their sizes', () => {
		const { years, provinces } = scopeOptions(manifest);
		expect(years.length).toBe(3);
		expect(provinces.length).toBeGreaterThan(0);
		expect(years.every((y) => y.bytes > 0)).toBe(true);
		const indicatorsOnly = scopeOptions(manifest, ['indicators']).years;
		expect(indicatorsOnly[0]!.bytes).toBeLessThan(years[0]!.bytes);
	});

	it('each table resolves to the rows of the scope’s documents, then everything is as before', async () => {
		const { years, provinces } = scopeOptions(manifest);
		const year = years[1]!.value;
		const province = provinces[0]!.value;
		const before = await count('SELECT count(*)::INTEGER AS n FROM indicators');
		const expected = (
			await node.query(
				`SELECT i.doc_id, count(*)::INTEGER AS n FROM indicators i JOIN documents d USING (doc_id) WHERE d.fiscal_year = ${year} GROUP BY ALL ORDER BY 1`
			)
		).rows;
		expect(expected.length).toBeGreaterThan(0);
		const sql = 'SELECT doc_id, count(*)::INTEGER AS n FROM indicators GROUP BY ALL ORDER BY 1';
		const scoped = await node.queryUser(sql, { scope: { years: [year] } });
		expect(scoped.rows).toEqual(expected);
		// The join through documents sees only that year too.
		const joined = await node.queryUser(
			'SELECT DISTINCT d.fiscal_year FROM indicators i JOIN documents d USING (doc_id)',
			{ scope: { years: [year] } }
		);
		expect(joined.rows).toEqual([{ fiscal_year: year }]);
		// Years and province intersect.
		const both = await node.queryUser(
			'SELECT count(*)::INTEGER AS n, count(DISTINCT fiscal_year)::INTEGER AS y, min(province) AS p, max(province) AS q FROM documents',
			{ scope: { years: [year], provinces: [province] } }
		);
		const want = await count(
			`SELECT count(*)::INTEGER AS n FROM documents WHERE fiscal_year = ${year} AND province = '${province}'`
		);
		expect(both.rows[0]).toEqual({ n: want, y: want > 0 ? 1 : 0, p: province, q: province });
		// Afterwards: the same data, no temp views, unscoped queries see everything.
		expect(await count('SELECT count(*)::INTEGER AS n FROM indicators')).toBe(before);
		const all = await node.queryUser('SELECT count(*)::INTEGER AS n FROM indicators');
		expect(all.rows[0]!.n).toBe(before);
		// No temp view survives on the user connection (they live only in the rolled-back transaction).
		const views = await node.queryUser(
			'SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE temporary AND NOT internal'
		);
		expect(views.rows).toEqual([{ n: 0 }]);
	});

	it('still refuses what the guard refuses, and reports engine errors with a scope', async () => {
		await expect(
			node.queryUser('CREATE TEMP VIEW x AS SELECT 1', { scope: { years: [2024] } })
		).rejects.toThrow();
		await expect(
			node.queryUser("SELECT * FROM read_csv('x.csv')", { scope: { years: [2024] } })
		).rejects.toThrow();
		await expect(
			node.queryUser('SELECT nope FROM indicators', { scope: { years: [2024] } })
		).rejects.toThrow();
		// The transaction was rolled back each time: the next scoped query works.
		const r = await node.queryUser('SELECT count(*)::INTEGER AS n FROM documents', {
			scope: { years: [2099] }
		});
		expect(r.rows).toEqual([{ n: 0 }]);
	});
});
