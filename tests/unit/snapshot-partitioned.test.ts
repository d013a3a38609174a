/**
 * Snapshot format v3, partitioned layout (snapshot/finish.ts, partition.ts,
 * rollups.ts) over a small synthetic corpus (Hebei and Shanghai departments
 * × 2 years): every row of the flat snapshot is in exactly one part, each
 * part holds only its partition's rows in the total order, the manifest's
 * row-group index matches the data, the rollups equal overviewQuery() over
 * the full data, and the output is byte-identical for the same input.
 * Row groups are made small (2048 rows) so parts span several.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../src/lib/ingest';
import { overviewQuery } from '../../src/lib/queries/overview';
import type { Manifest } from '../../src/lib/schema/manifest';
import { documentRows } from '../../src/lib/schema/rows';
import { rollupDocuments, rollupOverview, ROLLUPS } from '../../src/lib/schema/rollups';
import { TABLES } from '../../src/lib/schema/tables';
import { generateCorpus } from '../../src/lib/synth';
import { sortKeys } from '../../src/lib/snapshot/partition';
import { SnapshotStreamWriter } from '../../src/lib/snapshot/stream-write';
import { writeSnapshot } from '../../src/lib/snapshot/write';

const ROW_GROUP = 2048;
let root: string;
let docs: ParsedDocument[];
let flat: Manifest;
let parted: Manifest;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

async function stream(dir: string, layout: 'flat' | 'partitioned'): Promise<Manifest> {
	const writer = await SnapshotStreamWriter.open(dir);
	for (const d of docs) writer.add(documentRows(d));
	return writer.finish({ layout, rowGroupSize: ROW_GROUP });
}

const dirOf = (name: string) => path.join(root, name);
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const partsOf = (m: Manifest, dir: string, table: string) =>
	m.tables[table as keyof Manifest['tables']].parts.map((p) => path.join(dir, p.path));
/** A table of a snapshot as a read_parquet source (hive partitioning off: see docs/schema.md). */
function source(m: Manifest, dir: string, table: string): string {
	const files = partsOf(m, dir, table);
	return `read_parquet([${files.map(lit).join(', ')}], hive_partitioning = false)`;
}
async function rows(sql: string): Promise<Record<string, unknown>[]> {
	return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
async function files(dir: string): Promise<string[]> {
	const out = await readdir(dir, { recursive: true, withFileTypes: true });
	return out
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
		.sort();
}

beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'bl-parts-'));
	// 18 departments: 12 Hebei, 6 Shanghai (every third), 2 years each.
	docs = [...generateCorpus({ departments: 18, years: 2, seed: 11 })].map((d) =>
		parseDocument({ name: d.name, bytes: new TextEncoder().encode(d.text) })
	);
	flat = await stream(dirOf('flat'), 'flat');
	parted = await stream(dirOf('parts'), 'partitioned');
	instance = await DuckDBInstance.create(':memory:');
	conn = await instance.connect();
}, 120_000);

afterAll(async () => {
	conn?.closeSync();
	instance?.closeSync();
	await rm(root, { recursive: true, force: true });
});

describe('partitioned layout', () => {
	it('writes documents flat and every other table under parts/<table>/fiscal_year=Y/province=P', async () => {
		expect(parted.layout).toBe('partitioned');
		expect(parted.partition_by).toEqual(['fiscal_year', 'province']);
		expect(parted.document_count).toBe(36);
		expect(parted.synthetic).toBe(true);
		expect(parted.documents_omitted).toBe(false);
		expect(parted.documents).toHaveLength(36);
		expect(parted.tables.documents.file).toBe('documents.parquet');
		expect(parted.tables.documents.parts.map((p) => p.path)).toEqual(['documents.parquet']);
		const onDisk = await files(dirOf('parts'));
		const listed = [
			'manifest.json',
			...ROLLUPS.map((r) => parted.rollups[r.name].file),
			...TABLES.flatMap((t) => parted.tables[t.name].parts.map((p) => p.path))
		].sort();
		expect(onDisk).toEqual(listed);
		for (const t of TABLES.filter((t) => t.name !== 'documents')) {
			const entry = parted.tables[t.name];
			expect(entry.file).toBeNull();
			expect(entry.rows).toBe(flat.tables[t.name].rows);
			// A table without rows has no parts; the others one per partition holding rows.
			if (entry.rows === 0) expect(entry.parts).toEqual([]);
			for (const p of entry.parts)
				expect(p.path).toBe(
					`parts/${t.name}/fiscal_year=${p.fiscal_year}/province=${p.province}/part-0.parquet`
				);
			const keys = entry.parts.map((p) => `${p.fiscal_year}/${p.province}`);
			expect(keys).toEqual([...keys].sort());
		}
		expect(parted.tables.source_lines.parts.map((p) => `${p.fiscal_year}/${p.province}`)).toEqual([
			'2023/上海市',
			'2023/河北省',
			'2024/上海市',
			'2024/河北省'
		]);
	});

	it('holds every row of the flat snapshot exactly once (EXCEPT ALL both ways)', async () => {
		let checked = 0;
		for (const t of TABLES) {
			if (flat.tables[t.name].rows === 0) continue;
			const a = source(flat, dirOf('flat'), t.name);
			const b = source(parted, dirOf('parts'), t.name);
			const diff = await rows(
				`SELECT (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}))::INTEGER AS ab,
					(SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}))::INTEGER AS ba,
					(SELECT count(*) FROM ${b})::INTEGER AS n`
			);
			expect(diff, t.name).toEqual([{ ab: 0, ba: 0, n: flat.tables[t.name].rows }]);
			checked++;
		}
		expect(checked).toBeGreaterThanOrEqual(10);
	});

	it("puts each row in its document's partition, in the total order", async () => {
		const documents = source(parted, dirOf('parts'), 'documents');
		for (const t of TABLES.filter((t) => t.name !== 'documents'))
			for (const p of parted.tables[t.name].parts) {
				const file = lit(path.join(dirOf('parts'), p.path));
				const wrong = await rows(
					`SELECT count(*)::INTEGER AS n FROM read_parquet(${file}, hive_partitioning = false) x
					LEFT JOIN ${documents} d ON d.doc_id = x.doc_id
					WHERE d.fiscal_year IS DISTINCT FROM ${p.fiscal_year ?? 'NULL'}
						OR d.province IS DISTINCT FROM ${p.province === null ? 'NULL' : lit(p.province)}`
				);
				expect(wrong, p.path).toEqual([{ n: 0 }]);
				const unordered = await rows(
					`SELECT count(*)::INTEGER AS n FROM (
						SELECT file_row_number, row_number() OVER (ORDER BY ${sortKeys(t)}) - 1 AS r
						FROM read_parquet(${file}, file_row_number = true, hive_partitioning = false)
					) WHERE file_row_number <> r`
				);
				expect(unordered, p.path).toEqual([{ n: 0 }]);
			}
	});

	it('indexes row groups: rows add up and every doc_id lies in [doc_min, doc_max]', async () => {
		const multi = new Map<string, number>();
		for (const [m, dir] of [
			[parted, dirOf('parts')],
			[flat, dirOf('flat')]
		] as const)
			for (const t of TABLES) {
				const entry = m.tables[t.name];
				for (const p of entry.parts) {
					const file = path.join(dir, p.path);
					const bytes = await readFile(file);
					expect(p.bytes).toBe(bytes.length);
					expect(p.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
					expect(p.row_groups.reduce((s, g) => s + g.rows, 0)).toBe(p.rows);
					if (p.row_groups.length > 1) multi.set(m.layout, (multi.get(m.layout) ?? 0) + 1);
					let start = 0;
					for (const g of p.row_groups) {
						const [r] = await rows(
							`SELECT count(*)::INTEGER AS n, min(doc_id) AS lo, max(doc_id) AS hi
							FROM read_parquet(${lit(file)}, file_row_number = true, hive_partitioning = false)
							WHERE file_row_number >= ${start} AND file_row_number < ${start + g.rows}`
						);
						expect(r?.n).toBe(g.rows);
						expect(g.doc_min !== null && String(r?.lo) >= g.doc_min).toBe(true);
						expect(g.doc_max !== null && String(r?.hi) <= g.doc_max).toBe(true);
						start += g.rows;
					}
					const [all] = await rows(
						`SELECT count(*)::INTEGER AS n FROM read_parquet(${lit(file)}, hive_partitioning = false)`
					);
					expect(all?.n).toBe(p.rows);
				}
				expect(entry.rows).toBe(entry.parts.reduce((s, p) => s + p.rows, 0));
				expect(entry.bytes).toBe(entry.parts.reduce((s, p) => s + p.bytes, 0));
			}
		// Small row groups: some parts must span several, or the test proves little.
		expect(multi.get('flat')).toBeGreaterThanOrEqual(1);
		expect(multi.get('partitioned')).toBeGreaterThanOrEqual(2);
	});

	it('hashes every file into the table sha256 and the snapshot_id', () => {
		const id = createHash('sha256');
		for (const t of TABLES) {
			const entry = parted.tables[t.name];
			if (entry.file !== null) expect(entry.sha256).toBe(entry.parts[0]?.sha256);
			else {
				const h = createHash('sha256');
				for (const p of entry.parts) h.update(`${p.path}:${p.sha256}\n`);
				expect(entry.sha256).toBe(h.digest('hex'));
			}
			id.update(`${t.name}:${entry.sha256}\n`);
		}
		for (const r of ROLLUPS) id.update(`${r.name}:${parted.rollups[r.name].sha256}\n`);
		expect(parted.snapshot_id).toBe(id.digest('hex').slice(0, 16));
		expect(parted.snapshot_id).not.toBe(flat.snapshot_id);
	});

	it('gives byte-identical output for the same input, from either writer', async () => {
		const again = await stream(dirOf('again'), 'partitioned');
		expect(again).toEqual(parted);
		const viaDocs = await writeSnapshot(docs, dirOf('docs'), {
			layout: 'partitioned',
			rowGroupSize: ROW_GROUP
		});
		expect(viaDocs.snapshot_id).toBe(parted.snapshot_id);
		for (const other of [dirOf('again'), dirOf('docs')]) {
			const names = await files(other);
			expect(names).toEqual(await files(dirOf('parts')));
			for (const f of names)
				expect(
					Buffer.compare(
						await readFile(path.join(other, f)),
						await readFile(path.join(dirOf('parts'), f))
					),
					f
				).toBe(0);
		}
	}, 120_000);

	it('derives documents.province from the region', async () => {
		const got = await rows(
			`SELECT DISTINCT region, province FROM ${source(parted, dirOf('parts'), 'documents')}
			ORDER BY region`
		);
		expect(got.length).toBeGreaterThan(2);
		for (const r of got) {
			const region = String(r.region);
			if (region.startsWith('上海市')) expect(r.province).toBe('上海市');
			else {
				expect(region).toMatch(/^河北省.+市$/);
				expect(r.province).toBe('河北省');
			}
		}
	});
});

describe('rollups', () => {
	/** The snapshot's tables as views, so overviewQuery() runs over the full data. */
	async function viewsOf(m: Manifest, dir: string): Promise<void> {
		for (const t of TABLES)
			await conn.run(
				m.tables[t.name].rows === 0
					? `CREATE OR REPLACE VIEW ${t.name} AS SELECT * FROM ${source(flat, dirOf('flat'), t.name)}`
					: `CREATE OR REPLACE VIEW ${t.name} AS SELECT * FROM ${source(m, dir, t.name)}`
			);
	}
	const rollup = (m: Manifest, dir: string, name: 'rollup_overview' | 'rollup_documents') =>
		`read_parquet(${lit(path.join(dir, m.rollups[name].file))})`;

	it('have the columns of schema/rollups.ts', async () => {
		for (const r of ROLLUPS) {
			const described = await rows(
				`DESCRIBE SELECT * FROM ${rollup(parted, dirOf('parts'), r.name)}`
			);
			expect(described.map((c) => [c.column_name, c.column_type])).toEqual(
				r.columns.map((c) => [c.name, c.type])
			);
		}
	});

	it('rollup_documents equals overviewQuery() over the full data, plus province', async () => {
		for (const [m, dir] of [
			[parted, dirOf('parts')],
			[flat, dirOf('flat')]
		] as const) {
			await viewsOf(m, dir);
			const q = overviewQuery();
			expect(q.params).toEqual([]);
			const overview = await rows(q.sql);
			const stored = await rows(`SELECT * FROM ${rollup(m, dir, 'rollup_documents')}`);
			expect(overview).toHaveLength(36);
			expect(stored.map(({ province: _p, ...rest }) => rest)).toEqual(overview);
			const province = await rows(`SELECT doc_id, province FROM documents ORDER BY doc_id`);
			const byDoc = new Map(province.map((r) => [r.doc_id, r.province]));
			for (const r of stored) expect(r.province).toBe(byDoc.get(r.doc_id));
			expect(m.rollups.rollup_documents.rows).toBe(36);
		}
		expect(rollupDocuments.columns.at(-1)?.name).toBe('province');
	});

	it('rollup_overview holds exact sums of rollup_documents and the flag counts', async () => {
		await viewsOf(parted, dirOf('parts'));
		const docRows = await rows(
			`SELECT * FROM ${rollup(parted, dirOf('parts'), 'rollup_documents')}`
		);
		const flagRows = await rows('SELECT doc_id, severity FROM flags');
		const groups = new Map<string, Record<string, unknown>>();
		const dec = (v: unknown) => (v === null ? null : new Decimal(String(v)));
		const addDec = (a: unknown, b: unknown) => {
			const x = dec(b);
			if (x === null) return a;
			return a === null ? x : (a as Decimal).plus(x);
		};
		const keyOf = (r: Record<string, unknown>) => `${r.fiscal_year}|${r.province}|${r.kind}`;
		const depts = new Map<string, Set<unknown>>();
		const docGroup = new Map<unknown, string>();
		for (const r of docRows) {
			const k = keyOf(r);
			docGroup.set(r.doc_id, k);
			const g = groups.get(k) ?? {
				fiscal_year: r.fiscal_year,
				province: r.province,
				kind: r.kind,
				documents: 0,
				expenditure_total: null,
				basic_total: null,
				project_total: null,
				three_public_total: null,
				project_count: 0,
				indicator_count: 0,
				issue_count: 0,
				flags_error: 0,
				flags_warning: 0,
				flags_info: 0
			};
			g.documents = Number(g.documents) + 1;
			for (const c of ['expenditure_total', 'basic_total', 'project_total', 'three_public_total'])
				g[c] = addDec(g[c], r[c]);
			for (const c of ['project_count', 'indicator_count', 'issue_count'])
				g[c] = Number(g[c]) + Number(r[c]);
			groups.set(k, g);
			depts.set(k, (depts.get(k) ?? new Set()).add(r.dept_key));
		}
		for (const f of flagRows) {
			const g = groups.get(docGroup.get(f.doc_id) ?? '');
			if (g) g[`flags_${f.severity}`] = Number(g[`flags_${f.severity}`]) + 1;
		}
		expect(flagRows.length).toBeGreaterThan(0);
		const stored = await rows(`SELECT * FROM ${rollup(parted, dirOf('parts'), 'rollup_overview')}`);
		expect(stored.map((r) => Object.keys(r))[0]).toEqual(rollupOverview.columns.map((c) => c.name));
		const expected = [...groups.entries()]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([k, g]) => ({
				...g,
				departments: depts.get(k)?.size,
				...Object.fromEntries(
					['expenditure_total', 'basic_total', 'project_total', 'three_public_total'].map((c) => [
						c,
						g[c] === null ? null : (g[c] as Decimal).toFixed(4)
					])
				)
			}));
		expect(stored.map((r) => ({ ...r }))).toEqual(expected.map((e) => expect.objectContaining(e)));
		expect(stored).toHaveLength(4);
		const flatOverview = await readFile(path.join(dirOf('flat'), 'rollup_overview.parquet'));
		const partOverview = await readFile(path.join(dirOf('parts'), 'rollup_overview.parquet'));
		expect(Buffer.compare(flatOverview, partOverview)).toBe(0);
	});
});
