/**
 * Lazy loading against real Parquet: a partitioned snapshot of a small
 * synthetic corpus written by the snapshot writer (and a copy re-written with
 * 2048-row row groups so row-group skipping is exercised too). For several
 * needs (departments, documents, a year/province scope), reading only the
 * planned units (read_parquet … file_row_number ranges, as the browser reads
 * row groups) must give exactly the rows of the needed documents that the
 * whole table has.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docIndexSql, toDocIndex } from '../../src/lib/db/doc-index';
import { neededDocs, planLoad, type DocIndex, type LoadUnit } from '../../src/lib/db/load-plan';
import { parseManifest, type SnapshotManifest } from '../../src/lib/db/manifest';
import { openNodeConnector } from '../../src/lib/db/node';
import { quoteString } from '../../src/lib/db/snapshot-tables';
import type { DataNeed } from '../../src/lib/db/types';
import { parseText } from '../../src/lib/ingest/parse';
import { writeSnapshot } from '../../src/lib/snapshot';
import { generateCorpus } from '../../src/lib/synth';

let root: string;
let duck: DuckDBInstance;
let conn: DuckDBConnection;
const snapshots: { name: string; dir: string; manifest: SnapshotManifest }[] = [];
let docIndex: DocIndex;
/** Rows the Node connector loaded per table, and the manifest's count. */
const nodeCounts = new Map<string, [number, number]>();

const file = (dir: string, rel: string) => path.join(dir, ...rel.split('/'));

/** Copy every part with small row groups and an index read back from the files. */
async function rewriteSmallGroups(from: string, to: string): Promise<void> {
	const json = JSON.parse(readFileSync(path.join(from, 'manifest.json'), 'utf8'));
	for (const t of Object.values(json.tables) as { parts: Record<string, unknown>[] }[]) {
		for (const p of t.parts) {
			const target = file(to, String(p.path));
			mkdirSync(path.dirname(target), { recursive: true });
			await conn.run(
				`COPY (SELECT * FROM read_parquet(${quoteString(file(from, String(p.path)))})) TO ${quoteString(target)} (FORMAT parquet, ROW_GROUP_SIZE 2048)`
			);
			const r = await conn.runAndReadAll(
				`SELECT row_group_num_rows::INTEGER, stats_min_value, stats_max_value FROM parquet_metadata(${quoteString(target)}) WHERE path_in_schema = 'doc_id' ORDER BY row_group_id`
			);
			p.row_groups = r.getRowsJS().map(([rows, lo, hi]) => ({
				rows: Number(rows),
				doc_min: lo === null ? null : String(lo),
				doc_max: hi === null ? null : String(hi)
			}));
		}
	}
	writeFileSync(path.join(to, 'manifest.json'), JSON.stringify(json));
}

beforeAll(async () => {
	root = mkdtempSync(path.join(tmpdir(), 'budgetlens-plan-'));
	const docs = [...generateCorpus({ departments: 30, years: 2, seed: 11 })].map((d) =>
		parseText(d.name, d.text)
	);
	const dir = path.join(root, 'writer');
	await writeSnapshot(docs, dir, { layout: 'partitioned' });
	duck = await DuckDBInstance.create(':memory:');
	conn = await duck.connect();
	const small = path.join(root, 'small-groups');
	await rewriteSmallGroups(dir, small);
	for (const [name, d] of [
		['writer', dir],
		['small-groups', small]
	] as const) {
		const manifest = parseManifest(JSON.parse(readFileSync(path.join(d, 'manifest.json'), 'utf8')));
		snapshots.push({ name, dir: d, manifest });
	}
	const node = await openNodeConnector({ parquetDir: dir });
	docIndex = toDocIndex((await node.query(docIndexSql(true))).rows);
	for (const t of snapshots[0]!.manifest.tables) {
		const n = await node.query(`SELECT count(*)::INTEGER AS n FROM ${t.name}`);
		nodeCounts.set(t.name, [Number(n.rows[0]?.n), t.rows ?? -1]);
	}
	await node.ensure([{ table: 'source_lines' }]); // a no-op: everything is loaded
	await node.close();
}, 240_000);

afterAll(() => {
	conn?.closeSync();
	duck?.closeSync();
	if (root) rmSync(root, { recursive: true, force: true });
});

function unitSelect(dir: string, u: LoadUnit): string {
	const src = `read_parquet(${quoteString(file(dir, u.path))}, file_row_number = true, hive_partitioning = false)`;
	const where =
		u.rowGroup === null
			? 'TRUE'
			: `file_row_number >= ${u.rowStart} AND file_row_number < ${u.rowStart + (u.rows ?? 0)}`;
	return `SELECT * EXCLUDE (file_row_number) FROM ${src} WHERE ${where}`;
}

async function rows(sql: string): Promise<string> {
	return JSON.stringify((await conn.runAndReadAll(sql)).getRowsJson());
}

async function check(snapshot: (typeof snapshots)[number], need: DataNeed) {
	const table = snapshot.manifest.tables.find((t) => t.name === need.table)!;
	const units = planLoad(snapshot.manifest, docIndex, [need]);
	const docs = neededDocs(need, docIndex);
	const filter =
		docs === null ? 'TRUE' : `doc_id IN (${[...docs].map(quoteString).join(', ') || 'NULL'})`;
	const all = table.parts.map((p) => quoteString(file(snapshot.dir, p.path)));
	const expected = await rows(
		`SELECT * FROM read_parquet([${all.join(', ')}], hive_partitioning = false) WHERE ${filter} ORDER BY ALL`
	);
	const loaded =
		units.length === 0
			? `SELECT * FROM read_parquet([${all.join(', ')}], hive_partitioning = false) WHERE FALSE`
			: units.map((u) => unitSelect(snapshot.dir, u)).join(' UNION ALL ');
	const actual = await rows(`SELECT * FROM (${loaded}) WHERE ${filter} ORDER BY ALL`);
	expect(actual).toBe(expected);
	const total = table.parts.reduce((s, p) => s + (p.rows ?? 0), 0);
	const planned = units.reduce((s, u) => s + (u.rows ?? 0), 0);
	return { units, planned, total, expectedRows: JSON.parse(expected).length as number };
}

describe('loading only the planned units', () => {
	const departments = () =>
		[...new Set([...docIndex.values()].map((d) => d.department_key))].sort();

	it('the writer made several partitions and the copy several row groups per file', () => {
		const [writer, small] = snapshots;
		const lines = (s: typeof writer) => s!.manifest.tables.find((t) => t.name === 'source_lines')!;
		expect(writer!.manifest.layout).toBe('partitioned');
		expect(lines(writer).parts.length).toBeGreaterThan(1);
		expect(lines(small).parts.some((p) => (p.row_groups?.length ?? 0) > 1)).toBe(true);
	});

	it('the Node connector loads every part of a partitioned table', () => {
		expect(nodeCounts.get('source_lines')?.[0]).toBeGreaterThan(0);
		for (const [name, [loaded, listed]] of nodeCounts) expect(loaded, name).toBe(listed);
	});

	for (const which of ['writer', 'small-groups']) {
		it(`${which}: one department, two departments, documents and whole tables give the same rows`, async () => {
			const snapshot = snapshots.find((s) => s.name === which)!;
			const [a, b] = [departments()[0]!, departments().at(-1)!];
			const someDoc = [...docIndex.keys()].sort()[3]!;
			for (const t of snapshot.manifest.tables) {
				if (t.name === 'documents' || t.parts.length === 0) continue;
				const one = await check(snapshot, { table: t.name, departments: [a] });
				const two = await check(snapshot, { table: t.name, departments: [a, b] });
				await check(snapshot, { table: t.name, docs: [someDoc] });
				const whole = await check(snapshot, { table: t.name });
				expect(whole.planned).toBe(whole.total);
				expect(one.planned).toBeLessThanOrEqual(two.planned);
				if (t.name === 'source_lines') {
					expect(one.expectedRows).toBeGreaterThan(0);
					expect(one.planned).toBeLessThan(whole.total);
				}
			}
		}, 120_000);
	}

	it('a scope (one year, one province) plans exactly its partitions and gives its rows', async () => {
		const snapshot = snapshots.find((s) => s.name === 'writer')!;
		const year = Math.max(...[...docIndex.values()].map((d) => d.fiscal_year ?? 0));
		const lines = snapshot.manifest.tables.find((t) => t.name === 'source_lines')!;
		const yearRows = lines.parts
			.filter((p) => p.fiscal_year === year)
			.reduce((s, p) => s + (p.rows ?? 0), 0);
		const byYear = await check(snapshot, { table: 'source_lines', scope: { years: [year] } });
		expect(byYear.planned).toBe(yearRows);
		expect(byYear.expectedRows).toBe(yearRows);
		const both = await check(snapshot, {
			table: 'source_lines',
			scope: { years: [year], provinces: ['河北省'] }
		});
		expect(both.expectedRows).toBeGreaterThan(0);
		expect(both.planned).toBeLessThan(byYear.planned);
	});

	it('small row groups: one department reads fewer rows than its partitions hold', async () => {
		const snapshot = snapshots.find((s) => s.name === 'small-groups')!;
		const hebei = [...docIndex.values()].filter((d) => d.province === '河北省');
		const dept = hebei.map((d) => d.department_key).sort()[0]!;
		const lines = snapshot.manifest.tables.find((t) => t.name === 'source_lines')!;
		const partitions = new Set(
			[...docIndex.values()]
				.filter((d) => d.department_key === dept)
				.map((d) => `${d.fiscal_year}|${d.province}`)
		);
		const partitionRows = lines.parts
			.filter((p) => partitions.has(`${p.fiscal_year}|${p.province}`))
			.reduce((s, p) => s + (p.rows ?? 0), 0);
		const { planned } = await check(snapshot, { table: 'source_lines', departments: [dept] });
		expect(planned).toBeLessThan(partitionRows);
	});
});
