/**
 * Snapshot writer (Node only): turns ParsedDocuments into a snapshot
 * directory through an in-memory DuckDB (@duckdb/node-api): peer flags in
 * JS (peer-flags.ts), rows appended per table, then the shared finish step
 * (finish.ts: rollups, flat or partitioned Parquet, manifest.json v3).
 *
 * Deterministic: DuckDB runs single-threaded, every file is written in a
 * total row order, and the manifest holds no timestamps or paths. Same
 * inputs → byte-identical files.
 */
import { mkdir } from 'node:fs/promises';
import {
	DuckDBDecimalValue,
	DuckDBInstance,
	type DuckDBAppender,
	type DuckDBConnection
} from '@duckdb/node-api';
import type { ParsedDocument, TableName } from '../ingest/model';
import { issueCounts, manifestDocument, mergeRows, type Manifest } from '../schema/manifest';
import { documentRows, type PlainRow } from '../schema/rows';
import { withPeerFlags } from './peer-flags';
import { finishSnapshot, type FinishOptions } from './finish';
import { createTableSql, decimalScale, TABLES, type TableDef } from '../schema/tables';

export { MANIFEST_FILE } from './finish';

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

/**
 * Writes the snapshot of `docs` into `dir` (created if needed; existing
 * table files and the manifest are overwritten) in `opts.layout` (default
 * auto: flat up to 1000 documents). Returns the manifest. Throws when two
 * documents share a doc_id (the same file twice).
 */
export async function writeSnapshot(
	docs: readonly ParsedDocument[],
	dir: string,
	opts: FinishOptions = {}
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
	try {
		await conn.run('SET preserve_insertion_order = true');
		for (const table of TABLES) await loadTable(conn, table, rows[table.name]);
		return await finishSnapshot(
			conn,
			dir,
			{ documents: perDocument.map(manifestDocument), issueCounts: issueCounts(rows.parse_issues) },
			opts
		);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
