/**
 * Snapshot format v3, partitioned layout (snapshot/finish.ts, partition.ts)
 * over the small synthetic corpus of snapshot-v3-corpus.ts: every row of
 * the flat snapshot is in exactly one part, each part holds only its
 * partition's rows in the total order, the manifest's row-group index
 * matches the data, every file is hashed into snapshot_id, and the output is
 * byte-identical for the same input from either writer.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLUPS } from '../../src/lib/schema/rollups';
import { TABLES } from '../../src/lib/schema/tables';
import { sortKeys } from '../../src/lib/snapshot/partition';
import { writeSnapshot } from '../../src/lib/snapshot/write';
import { files, lit, openV3Corpus, ROW_GROUP, type V3Corpus } from './snapshot-v3-corpus';

let c: V3Corpus;
beforeAll(async () => {
	c = await openV3Corpus();
}, 120_000);
afterAll(async () => {
	await c?.close();
});

describe('partitioned layout', () => {
	it('writes documents flat and every other table under parts/<table>/fiscal_year=Y/province=P', async () => {
		expect(c.parted.layout).toBe('partitioned');
		expect(c.parted.partition_by).toEqual(['fiscal_year', 'province']);
		expect(c.parted.document_count).toBe(36);
		expect(c.parted.synthetic).toBe(true);
		expect(c.parted.documents_omitted).toBe(false);
		expect(c.parted.documents).toHaveLength(36);
		expect(c.parted.tables.documents.file).toBe('documents.parquet');
		expect(c.parted.tables.documents.parts.map((p) => p.path)).toEqual(['documents.parquet']);
		const onDisk = await files(c.dirOf('parts'));
		const listed = [
			'manifest.json',
			...ROLLUPS.map((r) => c.parted.rollups[r.name].file),
			...TABLES.flatMap((t) => c.parted.tables[t.name].parts.map((p) => p.path))
		].sort();
		expect(onDisk).toEqual(listed);
		for (const t of TABLES.filter((t) => t.name !== 'documents')) {
			const entry = c.parted.tables[t.name];
			expect(entry.file).toBeNull();
			expect(entry.rows).toBe(c.flat.tables[t.name].rows);
			// A table without rows has no parts; the others one per partition holding rows.
			if (entry.rows === 0) expect(entry.parts).toEqual([]);
			for (const p of entry.parts)
				expect(p.path).toBe(
					`parts/${t.name}/fiscal_year=${p.fiscal_year}/province=${p.province}/part-0.parquet`
				);
			const keys = entry.parts.map((p) => `${p.fiscal_year}/${p.province}`);
			expect(keys).toEqual([...keys].sort());
		}
		expect(c.parted.tables.source_lines.parts.map((p) => `${p.fiscal_year}/${p.province}`)).toEqual(
			['2023/上海市', '2023/河北省', '2024/上海市', '2024/河北省']
		);
	});

	it('holds every row of the flat snapshot exactly once (EXCEPT ALL both ways)', async () => {
		let checked = 0;
		for (const t of TABLES) {
			if (c.flat.tables[t.name].rows === 0) continue;
			const a = c.source(c.flat, c.dirOf('flat'), t.name);
			const b = c.source(c.parted, c.dirOf('parts'), t.name);
			const diff = await c.rows(
				`SELECT (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}))::INTEGER AS ab,
					(SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}))::INTEGER AS ba,
					(SELECT count(*) FROM ${b})::INTEGER AS n`
			);
			expect(diff, t.name).toEqual([{ ab: 0, ba: 0, n: c.flat.tables[t.name].rows }]);
			checked++;
		}
		expect(checked).toBeGreaterThanOrEqual(10);
	});

	it("puts each row in its document's partition, in the total order", async () => {
		const documents = c.source(c.parted, c.dirOf('parts'), 'documents');
		for (const t of TABLES.filter((t) => t.name !== 'documents'))
			for (const p of c.parted.tables[t.name].parts) {
				const file = lit(path.join(c.dirOf('parts'), p.path));
				const wrong = await c.rows(
					`SELECT count(*)::INTEGER AS n FROM read_parquet(${file}, hive_partitioning = false) x
					LEFT JOIN ${documents} d ON d.doc_id = x.doc_id
					WHERE d.fiscal_year IS DISTINCT FROM ${p.fiscal_year ?? 'NULL'}
						OR d.province IS DISTINCT FROM ${p.province === null ? 'NULL' : lit(p.province)}`
				);
				expect(wrong, p.path).toEqual([{ n: 0 }]);
				const unordered = await c.rows(
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
			[c.parted, c.dirOf('parts')],
			[c.flat, c.dirOf('flat')]
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
						const [r] = await c.rows(
							`SELECT count(*)::INTEGER AS n, min(doc_id) AS lo, max(doc_id) AS hi
							FROM read_parquet(${lit(file)}, file_row_number = true, hive_partitioning = false)
							WHERE file_row_number >= ${start} AND file_row_number < ${start + g.rows}`
						);
						expect(r?.n).toBe(g.rows);
						expect(g.doc_min !== null && String(r?.lo) >= g.doc_min).toBe(true);
						expect(g.doc_max !== null && String(r?.hi) <= g.doc_max).toBe(true);
						start += g.rows;
					}
					const [all] = await c.rows(
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
			const entry = c.parted.tables[t.name];
			if (entry.file !== null) expect(entry.sha256).toBe(entry.parts[0]?.sha256);
			else {
				const h = createHash('sha256');
				for (const p of entry.parts) h.update(`${p.path}:${p.sha256}\n`);
				expect(entry.sha256).toBe(h.digest('hex'));
			}
			id.update(`${t.name}:${entry.sha256}\n`);
		}
		for (const r of ROLLUPS) id.update(`${r.name}:${c.parted.rollups[r.name].sha256}\n`);
		expect(c.parted.snapshot_id).toBe(id.digest('hex').slice(0, 16));
		expect(c.parted.snapshot_id).not.toBe(c.flat.snapshot_id);
	});

	it('gives byte-identical output for the same input, from either writer', async () => {
		const again = await c.stream(c.dirOf('again'), 'partitioned');
		expect(again).toEqual(c.parted);
		const viaDocs = await writeSnapshot(c.docs, c.dirOf('docs'), {
			layout: 'partitioned',
			rowGroupSize: ROW_GROUP
		});
		expect(viaDocs.snapshot_id).toBe(c.parted.snapshot_id);
		for (const other of [c.dirOf('again'), c.dirOf('docs')]) {
			const names = await files(other);
			expect(names).toEqual(await files(c.dirOf('parts')));
			for (const f of names)
				expect(
					Buffer.compare(
						await readFile(path.join(other, f)),
						await readFile(path.join(c.dirOf('parts'), f))
					),
					f
				).toBe(0);
		}
	}, 120_000);

	it('derives documents.province from the region', async () => {
		const got = await c.rows(
			`SELECT DISTINCT region, province FROM ${c.source(c.parted, c.dirOf('parts'), 'documents')}
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
