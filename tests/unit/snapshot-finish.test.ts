/**
 * Edge cases of the shared finish step (snapshot/finish.ts) run on a
 * hand-filled DuckDB: NULL partition values and rows whose document is
 * missing go to __HIVE_DEFAULT_PARTITION__, a manifest of more than 2000
 * documents omits the document list, `auto` picks the layout by size,
 * and switching layouts in one directory leaves no stale files.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../src/lib/schema/manifest';
import { createTableSql, TABLES } from '../../src/lib/schema/tables';
import { finishSnapshot, resolveLayout, type FinishOptions } from '../../src/lib/snapshot/finish';

const dirs: string[] = [];
afterAll(async () => {
	for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function entry(doc_id: string): ManifestDocument {
	return {
		doc_id,
		source_name: `${doc_id}.txt`,
		department_name: null,
		fiscal_year: null,
		kind: 'budget',
		rows_seen: 0,
		rows_stored: 0,
		rows_reported: 0,
		tables_found: [],
		issues: { error: 0, warning: 0, info: 0 }
	};
}

/** Every table empty except: documents a (2024, 河北省) and b (NULL, NULL), lines of a, b and of a missing doc z. */
async function fill(conn: DuckDBConnection): Promise<void> {
	for (const t of TABLES) await conn.run(createTableSql(t));
	const doc = (id: string, year: string, province: string, title: string) =>
		`('${id}', '${id}.txt', 'x', NULL, NULL, NULL, ${year}, 'budget', 'department', 'generic', '万元', ${title}, 1, 0, 0, 0, '', NULL, '', '', ${province})`;
	await conn.run(
		`INSERT INTO documents VALUES ${doc('aaaaaaaaaaaaaaaa', '2024', "'河北省'", "'【合成数据 SYNTHETIC】'")}, ${doc('bbbbbbbbbbbbbbbb', 'NULL', 'NULL', 'NULL')}`
	);
	await conn.run(
		`INSERT INTO source_lines VALUES ('aaaaaaaaaaaaaaaa', 1, 'a', NULL, NULL, NULL, NULL, NULL),
			('bbbbbbbbbbbbbbbb', 1, 'b', NULL, NULL, NULL, NULL, NULL),
			('zzzzzzzzzzzzzzzz', 1, 'z', NULL, NULL, NULL, NULL, NULL)`
	);
}

async function finish(
	documents: ManifestDocument[],
	opts: FinishOptions,
	dir?: string
): Promise<{ dir: string; manifest: Awaited<ReturnType<typeof finishSnapshot>> }> {
	const out = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'bl-finish-')));
	if (!dir) dirs.push(out);
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	try {
		await fill(conn);
		return {
			dir: out,
			manifest: await finishSnapshot(conn, out, { documents, issueCounts: {} }, opts)
		};
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

const listing = async (dir: string) =>
	(await readdir(dir, { recursive: true, withFileTypes: true }))
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
		.sort();

describe('finishSnapshot', () => {
	it('puts NULL partition values and orphan rows in __HIVE_DEFAULT_PARTITION__', async () => {
		const docs = [entry('aaaaaaaaaaaaaaaa'), entry('bbbbbbbbbbbbbbbb')];
		const { manifest } = await finish(docs, { layout: 'partitioned' });
		const parts = manifest.tables.source_lines.parts;
		expect(parts.map((p) => [p.path, p.fiscal_year, p.province, p.rows])).toEqual([
			[
				'parts/source_lines/fiscal_year=__HIVE_DEFAULT_PARTITION__/province=__HIVE_DEFAULT_PARTITION__/part-0.parquet',
				null,
				null,
				2
			],
			['parts/source_lines/fiscal_year=2024/province=河北省/part-0.parquet', 2024, '河北省', 1]
		]);
		expect(parts[0]?.row_groups).toEqual([
			{ rows: 2, doc_min: 'bbbbbbbbbbbbbbbb', doc_max: 'zzzzzzzzzzzzzzzz' }
		]);
		expect(manifest.tables.flags.parts).toEqual([]);
		// One document lacks the 【合成数据 title: not a synthetic snapshot.
		expect(manifest.synthetic).toBe(false);
		expect(manifest.rollups.rollup_overview.rows).toBe(2);
	});

	it('omits documents and created_from above 2000 documents', async () => {
		const many = Array.from({ length: 2001 }, (_, i) => entry(i.toString(16).padStart(16, '0')));
		const { manifest } = await finish(many, { layout: 'flat' });
		expect(manifest).toMatchObject({
			document_count: 2001,
			documents: [],
			created_from: [],
			documents_omitted: true
		});
		const { manifest: few } = await finish(many.slice(0, 2000), { layout: 'flat' });
		expect(few.documents_omitted).toBe(false);
		expect(few.documents).toHaveLength(2000);
		expect(few.created_from).toHaveLength(2000);
	});

	it('auto partitions above 1000 documents', () => {
		expect(resolveLayout('auto', 1000)).toBe('flat');
		expect(resolveLayout(undefined, 1001)).toBe('partitioned');
		expect(resolveLayout('flat', 5000)).toBe('flat');
		expect(resolveLayout('partitioned', 1)).toBe('partitioned');
	});

	it('leaves no files of the other layout behind', async () => {
		const docs = [entry('aaaaaaaaaaaaaaaa'), entry('bbbbbbbbbbbbbbbb')];
		const { dir, manifest: parted } = await finish(docs, { layout: 'partitioned' });
		expect(await listing(dir)).toContain('documents.parquet');
		expect((await listing(dir)).some((f) => f.startsWith('parts/'))).toBe(true);
		await finish(docs, { layout: 'flat' }, dir);
		const flat = await listing(dir);
		expect(flat.some((f) => f.startsWith('parts'))).toBe(false);
		expect(flat).toContain('source_lines.parquet');
		const { manifest: again } = await finish(docs, { layout: 'partitioned' }, dir);
		expect(again).toEqual(parted);
		expect(await listing(dir)).not.toContain('source_lines.parquet');
	});
});
