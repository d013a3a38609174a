/**
 * Snapshot writer (Node only): turns ParsedDocuments into a snapshot
 * directory — one zstd Parquet file per schema table plus manifest.json —
 * through an in-memory DuckDB (@duckdb/node-api).
 *
 * Deterministic: rows are sorted by each table's order keys before they are
 * appended, DuckDB runs single-threaded so COPY keeps that order, and the
 * manifest holds no timestamps or paths. Same inputs → byte-identical files.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
	DuckDBDecimalValue,
	DuckDBInstance,
	type DuckDBAppender,
	type DuckDBConnection
} from '@duckdb/node-api';
import type { ParsedDocument, TableName } from '../ingest/model';
import {
	issueCounts,
	manifestDocument,
	mergeRows,
	type Manifest,
	type ManifestTable
} from '../schema/manifest';
import { documentRows, type PlainRow } from '../schema/rows';
import { withPeerFlags } from './peer-flags';
import {
	createTableSql,
	decimalScale,
	SCHEMA_VERSION,
	TABLES,
	type TableDef
} from '../schema/tables';

export const MANIFEST_FILE = 'manifest.json';

/** File name of a table inside a snapshot directory. */
export function parquetFile(table: TableName): string {
	return `${table}.parquet`;
}

/** "6473.0300" → 64730300n (scaled integer for DuckDB DECIMAL). */
function scaledBigInt(fixed: string): bigint {
	return BigInt(fixed.replace('.', ''));
}

export function appendRow(appender: DuckDBAppender, table: TableDef, row: PlainRow): void {
	for (const col of table.columns) {
		const v = row[col.name] ?? null;
		if (v === null) {
			appender.appendNull();
			continue;
		}
		const scale = decimalScale(col.type);
		if (scale !== null)
			appender.appendDecimal(new DuckDBDecimalValue(scaledBigInt(String(v)), 18, scale));
		else if (col.type === 'INTEGER') appender.appendInteger(Number(v));
		else appender.appendVarchar(String(v));
	}
	appender.endRow();
}

async function loadTable(conn: DuckDBConnection, table: TableDef, rows: PlainRow[]): Promise<void> {
	await conn.run(createTableSql(table));
	const appender = await conn.createAppender(table.name);
	try {
		for (const row of rows) appendRow(appender, table, row);
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
}

export function sqlString(s: string): string {
	return `'${s.replace(/'/g, "''")}'`;
}

export async function fileInfo(file: string): Promise<{ bytes: number; sha256: string }> {
	const data = await readFile(file);
	return { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

/**
 * Writes the snapshot of `docs` into `dir` (created if needed; existing
 * table files and the manifest are overwritten). Returns the manifest.
 * Throws when two documents share a doc_id (the same file twice).
 */
export async function writeSnapshot(
	docs: readonly ParsedDocument[],
	dir: string
): Promise<Manifest> {
	const seen = new Map<string, string>();
	for (const d of docs) {
		const prev = seen.get(d.document.doc_id);
		if (prev !== undefined)
			throw new Error(
				`duplicate document: ${d.document.source_name} has the same content as ${prev} (doc_id ${d.document.doc_id})`
			);
		seen.set(d.document.doc_id, d.document.source_name);
	}
	// The outlier engine's peer rules (SQL) join the single-document flags.
	const perDocument = (await withPeerFlags(docs)).map(documentRows);
	const rows = mergeRows(perDocument);
	await mkdir(dir, { recursive: true });

	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	const tables = {} as Record<TableName, ManifestTable>;
	try {
		await conn.run('SET preserve_insertion_order = true');
		for (const table of TABLES) {
			const tableRows = rows[table.name];
			await loadTable(conn, table, tableRows);
			const file = parquetFile(table.name);
			const target = path.join(dir, file);
			await conn.run(
				`COPY "${table.name}" TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd)`
			);
			tables[table.name] = { file, rows: tableRows.length, ...(await fileInfo(target)) };
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}

	const idHash = createHash('sha256');
	for (const table of TABLES) idHash.update(`${table.name}:${tables[table.name].sha256}\n`);
	const manifest: Manifest = {
		snapshot_id: idHash.digest('hex').slice(0, 16),
		schema_version: SCHEMA_VERSION,
		created_from: docs.map((d) => d.document.source_name).sort(),
		documents: perDocument
			.map(manifestDocument)
			.sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0)),
		tables,
		issue_counts: issueCounts(rows.parse_issues)
	};
	await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, '\t')}\n`);
	return manifest;
}
