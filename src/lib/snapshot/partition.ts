/**
 * Writes one snapshot table from the writer's DuckDB as Parquet, in either
 * layout, and describes what it wrote (manifest.ts ManifestTable/Part):
 *   - flat: `<table>.parquet`, one part;
 *   - partitioned: one file per (fiscal_year, province) of the owning
 *     document, `parts/<table>/fiscal_year=<Y>/province=<P>/part-0.parquet`
 *     (NULL or a row without a document → __HIVE_DEFAULT_PARTITION__).
 * Rows in every file are sorted by doc_id, the table's order keys, then
 * every column (a total order: same rows → same bytes), in row groups of
 * ROW_GROUP_SIZE rows. The row-group index (rows, doc_min, doc_max) is read
 * back from the file's own Parquet statistics. Node only.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
	ROW_GROUP_SIZE,
	type ManifestPart,
	type ManifestRowGroup,
	type ManifestTable
} from '../schema/manifest';
import type { TableDef } from '../schema/tables';

export const HIVE_NULL = '__HIVE_DEFAULT_PARTITION__';
/** Name of the temporary doc_id → partition table (partitioned layout). */
export const PARTITION_KEYS = '__partition_keys';

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function fileInfo(file: string): Promise<{ bytes: number; sha256: string }> {
	const data = await readFile(file);
	return { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

/** doc_id, the order keys, then every column: the total order of a file's rows. */
export function sortKeys(t: TableDef): string {
	const keys = [...new Set(['doc_id', ...t.orderBy, ...t.columns.map((c) => c.name)])];
	return keys.map((k) => `${quote(k)} ASC NULLS FIRST`).join(', ');
}

export async function copyParquet(
	conn: DuckDBConnection,
	select: string,
	target: string,
	rowGroupSize = ROW_GROUP_SIZE
): Promise<void> {
	if (!Number.isInteger(rowGroupSize) || rowGroupSize < 1)
		throw new Error(`bad row group size: ${rowGroupSize}`);
	await conn.run(
		`COPY (${select}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroupSize})`
	);
}

/** The row groups of a Parquet file with the doc_id range of each, from its statistics. */
export async function rowGroupIndex(
	conn: DuckDBConnection,
	file: string
): Promise<ManifestRowGroup[]> {
	const r = await conn.runAndReadAll(
		`SELECT row_group_num_rows::BIGINT AS n, coalesce(stats_min_value, stats_min) AS lo,
			coalesce(stats_max_value, stats_max) AS hi
		FROM parquet_metadata(${sqlString(file)}) WHERE path_in_schema = 'doc_id' ORDER BY row_group_id`
	);
	return r.getRowsJS().map(([n, lo, hi]) => ({
		rows: Number(n),
		doc_min: lo === null || lo === undefined ? null : String(lo),
		doc_max: hi === null || hi === undefined ? null : String(hi)
	}));
}

async function describePart(
	conn: DuckDBConnection,
	dir: string,
	rel: string,
	fiscalYear: number | null,
	province: string | null
): Promise<ManifestPart> {
	const file = path.join(dir, rel);
	const row_groups = await rowGroupIndex(conn, file);
	const rows = row_groups.reduce((s, g) => s + g.rows, 0);
	return {
		path: rel,
		fiscal_year: fiscalYear,
		province,
		rows,
		...(await fileInfo(file)),
		row_groups
	};
}

/** Totals of a table over its parts; `file` is set for a flat table. */
export function tableEntry(file: string | null, parts: ManifestPart[]): ManifestTable {
	let sha256: string;
	if (file !== null && parts.length === 1 && parts[0]) sha256 = parts[0].sha256;
	else {
		const h = createHash('sha256');
		for (const p of parts) h.update(`${p.path}:${p.sha256}\n`);
		sha256 = h.digest('hex');
	}
	return {
		file,
		rows: parts.reduce((s, p) => s + p.rows, 0),
		bytes: parts.reduce((s, p) => s + p.bytes, 0),
		sha256,
		parts
	};
}

/** `<table>.parquet`, one part covering every partition. */
export async function writeFlatTable(
	conn: DuckDBConnection,
	dir: string,
	t: TableDef,
	rowGroupSize = ROW_GROUP_SIZE
): Promise<ManifestTable> {
	const file = `${t.name}.parquet`;
	await copyParquet(
		conn,
		`SELECT * FROM ${quote(t.name)} ORDER BY ${sortKeys(t)}`,
		path.join(dir, file),
		rowGroupSize
	);
	return tableEntry(file, [await describePart(conn, dir, file, null, null)]);
}

/** Creates PARTITION_KEYS (doc_id → fiscal_year, province) from the documents table. */
export async function createPartitionKeys(conn: DuckDBConnection): Promise<void> {
	await conn.run(
		`CREATE TEMP TABLE ${PARTITION_KEYS} AS SELECT doc_id, fiscal_year::INTEGER AS fy, province AS pv FROM documents`
	);
}

const segment = (name: string, v: string | number | null) =>
	`${name}=${v === null ? HIVE_NULL : String(v)}`;

/** Path of a partition's file inside the snapshot directory. */
export function partPath(
	table: string,
	fiscalYear: number | null,
	province: string | null
): string {
	return [
		'parts',
		table,
		segment('fiscal_year', fiscalYear),
		segment('province', province),
		'part-0.parquet'
	].join('/');
}

/**
 * One file per (fiscal_year, province) holding rows, in partition order
 * (NULLs first). Needs PARTITION_KEYS. The rows are sorted once into a
 * temporary table clustered by partition; each COPY then reads one range.
 */
export async function writePartitionedTable(
	conn: DuckDBConnection,
	dir: string,
	t: TableDef,
	rowGroupSize = ROW_GROUP_SIZE
): Promise<ManifestTable> {
	const sorted = `__sorted_${t.name}`;
	const cols = t.columns.map((c) => quote(c.name)).join(', ');
	const src = quote(t.name);
	await conn.run(
		`CREATE TEMP TABLE ${sorted} AS
		SELECT k.fy AS __fy, k.pv AS __pv, ${t.columns.map((c) => `${src}.${quote(c.name)}`).join(', ')}
		FROM ${src} LEFT JOIN ${PARTITION_KEYS} k ON k.doc_id = ${src}.doc_id
		ORDER BY __fy ASC NULLS FIRST, __pv ASC NULLS FIRST, ${sortKeys(t)}`
	);
	const parts: ManifestPart[] = [];
	try {
		const keys = await conn.runAndReadAll(
			`SELECT DISTINCT __fy, __pv FROM ${sorted} ORDER BY __fy ASC NULLS FIRST, __pv ASC NULLS FIRST`
		);
		for (const [fyRaw, pvRaw] of keys.getRowsJS()) {
			const fy = fyRaw === null || fyRaw === undefined ? null : Number(fyRaw);
			const pv = pvRaw === null || pvRaw === undefined ? null : String(pvRaw);
			const where = [
				fy === null ? '__fy IS NULL' : `__fy = ${fy}`,
				pv === null ? '__pv IS NULL' : `__pv = ${sqlString(pv)}`
			].join(' AND ');
			const rel = partPath(t.name, fy, pv);
			await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
			// The scan keeps the sorted table's order (one thread, insertion order preserved).
			await copyParquet(
				conn,
				`SELECT ${cols} FROM ${sorted} WHERE ${where}`,
				path.join(dir, rel),
				rowGroupSize
			);
			parts.push(await describePart(conn, dir, rel, fy, pv));
		}
	} finally {
		await conn.run(`DROP TABLE ${sorted}`);
	}
	return tableEntry(null, parts);
}
