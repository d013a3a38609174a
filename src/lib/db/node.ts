/**
 * Connector over @duckdb/node-api for Node: tests, scripts and benchmarks.
 * `openNodeConnector({ parquetDir })` loads every Parquet file of a snapshot
 * into in-memory tables of the same name (from manifest.json when present,
 * every part of a partitioned table and the rollups; else every *.parquet in
 * the folder), so `ensure` is a no-op; creates an empty `flags` table when
 * the snapshot has none, then locks the engine down exactly as the browser
 * connector does. `queryUser` honours a scope (db/sql-scope.ts) as the
 * browser does. Values follow the conventions in db/types.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
	DuckDBInstance,
	DuckDBTypeId,
	type DuckDBConnection,
	type DuckDBResultReader
} from '@duckdb/node-api';
import type { ParsedDocument } from '../ingest/model';
import { createTableSql, TABLES } from '../schema/tables';
import { documentInsertStatements, loadedDocIdsStatement } from './add-documents';
import { parseManifest, type SnapshotManifest } from './manifest';
import { CREATE_EMPTY_FLAGS, LOCK_DOWN, quoteIdent, quoteString } from './snapshot-tables';
import { refreshPeerFlagsStatements } from '../rules/sql';
import { checkUserSql, SqlGuardError } from './sql-guard';
import { CURRENT_CATALOG_SQL, hasScope, SCOPED_TABLES_SQL, scopeViewStatements } from './sql-scope';
import {
	USER_QUERY_LIMIT,
	type ColumnInfo,
	type QueryResult,
	type Row,
	type SnapshotConnector,
	type Statement,
	type TableDownload,
	type UserQueryOptions,
	type UserQueryResult,
	type Value
} from './types';
import { userSqlError } from './user-sql-error';

export interface NodeConnectorOptions {
	/** Folder with the snapshot's Parquet files (and manifest.json). Omit for an empty database. */
	parquetDir?: string;
	/**
	 * The check user SQL passes before it runs (default: sql-guard's
	 * checkUserSql). Tests replace it to show the engine lock-down and the
	 * rollback hold even when a statement gets past the guard.
	 */
	guard?: (sql: string) => string;
}

export interface NodeConnector extends SnapshotConnector {
	manifest: SnapshotManifest | null;
	/** Add parsed documents' rows (skips doc_ids already loaded); returns the added ids. */
	addDocuments(docs: readonly ParsedDocument[]): Promise<string[]>;
}

const INTEGER_AS_STRING = new Set<number>([
	DuckDBTypeId.BIGINT,
	DuckDBTypeId.UBIGINT,
	DuckDBTypeId.HUGEINT,
	DuckDBTypeId.UHUGEINT
]);
const TIMESTAMPS = new Set<number>([
	DuckDBTypeId.TIMESTAMP,
	DuckDBTypeId.TIMESTAMP_S,
	DuckDBTypeId.TIMESTAMP_MS,
	DuckDBTypeId.TIMESTAMP_NS,
	DuckDBTypeId.TIMESTAMP_TZ
]);

function toNumberIfSafe(v: unknown): Value {
	if (typeof v !== 'string') return v as Value;
	const n = Number(v);
	return Number.isSafeInteger(n) ? n : v;
}

function toIso(v: unknown): Value {
	if (typeof v !== 'string') return v as Value;
	const d = new Date(v.replace(' ', 'T') + (/[zZ]|[+-]\d\d(:?\d\d)?$/.test(v) ? '' : 'Z'));
	return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

/** Convert a DuckDB result to db/types.ts values, at most `limit` rows. */
function toResult(reader: DuckDBResultReader, limit = Infinity): QueryResult {
	const types = reader.columnTypes();
	const names = reader.columnNames();
	const columns: ColumnInfo[] = names.map((name, i) => ({
		name,
		type: types[i]?.toString() ?? 'UNKNOWN'
	}));
	const fixups = types.map((t) =>
		INTEGER_AS_STRING.has(t.typeId) ? toNumberIfSafe : TIMESTAMPS.has(t.typeId) ? toIso : null
	);
	const raw = reader.getRowsJson();
	const rows: Row[] = [];
	for (let r = 0; r < raw.length && r < limit; r++) {
		const src = raw[r]!;
		const row: Row = {};
		for (let c = 0; c < names.length; c++) {
			const fix = fixups[c];
			const v = src[c] as Value;
			row[names[c]!] = v === null || v === undefined ? null : fix ? fix(v) : v;
		}
		rows.push(row);
	}
	return { columns, rows };
}

function listParquet(dir: string): SnapshotManifest {
	const tables = readdirSync(dir)
		.filter((f) => f.endsWith('.parquet') && !f.startsWith('rollup_'))
		.sort()
		.map((file) => file.slice(0, -'.parquet'.length));
	return parseManifest({ snapshot_id: 'local', tables });
}

/** Every table (all parts, in manifest order) and every rollup present on disk. */
async function load(conn: DuckDBConnection, dir: string): Promise<SnapshotManifest> {
	const manifestPath = path.join(dir, 'manifest.json');
	const manifest = existsSync(manifestPath)
		? parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')))
		: listParquet(dir);
	for (const t of manifest.tables) {
		if (t.parts.length === 0) continue; // created empty with the schema's types below
		const files = t.parts.map((p) => {
			const file = path.join(dir, ...p.path.split('/'));
			if (!existsSync(file)) throw new Error(`快照缺少文件 ${p.path}（表 ${t.name}）`);
			return quoteString(file);
		});
		await conn.run(
			`CREATE TABLE ${quoteIdent(t.name)} AS SELECT * FROM read_parquet([${files.join(', ')}], hive_partitioning = false)`
		);
	}
	for (const r of manifest.rollups) {
		const file = path.join(dir, ...r.file.split('/'));
		if (!existsSync(file)) continue;
		await conn.run(
			`CREATE TABLE ${quoteIdent(r.name)} AS SELECT * FROM read_parquet(${quoteString(file)})`
		);
	}
	return manifest;
}

export async function openNodeConnector(
	options: NodeConnectorOptions = {}
): Promise<NodeConnector> {
	const instance = await DuckDBInstance.create(':memory:', {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const conn = await instance.connect();
	const manifest = options.parquetDir ? await load(conn, options.parquetDir) : null;
	// Tables the snapshot lacks (or an empty database) exist empty, with the schema's types.
	const existing = await conn.runAndReadAll(
		"SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
	);
	const have = new Set(existing.getRowsJS().map((r) => String(r[0])));
	for (const t of TABLES) if (!have.has(t.name)) await conn.run(createTableSql(t));
	await conn.run(CREATE_EMPTY_FLAGS);
	for (const s of LOCK_DOWN) await conn.run(s);
	// User SQL gets its own connection so its transaction never wraps app queries.
	const userConn = await instance.connect();
	let closed = false;
	let cancelRequested = false;

	return {
		manifest,
		async query(statement: Statement | string): Promise<QueryResult> {
			const { sql, params } =
				typeof statement === 'string' ? { sql: statement, params: [] } : statement;
			const reader = await conn.runAndReadAll(sql, params.length > 0 ? params : undefined);
			return toResult(reader);
		},
		async queryUser(sql: string, opts: UserQueryOptions = {}): Promise<UserQueryResult> {
			const limit = Math.max(1, Math.min(opts.limit ?? USER_QUERY_LIMIT, 1_000_000));
			const text = (options.guard ?? checkUserSql)(sql);
			const started = performance.now();
			cancelRequested = false;
			await userConn.run('BEGIN TRANSACTION');
			try {
				// DuckDB's own statement count, after the guard's tokenizer.
				const extracted = await userConn.extractStatements(text);
				if (extracted.count !== 1) {
					throw new SqlGuardError(
						'multiple_statements',
						`一次只能运行一条 SQL 语句（发现 ${extracted.count} 条）`
					);
				}
				if (hasScope(opts.scope)) {
					// Our statements, not the user's: each table name resolves to the scope's rows.
					const catalog = String(
						(await userConn.runAndReadAll(CURRENT_CATALOG_SQL)).getRowsJS()[0]![0]
					);
					const tables = (await userConn.runAndReadAll(SCOPED_TABLES_SQL))
						.getRowsJS()
						.map((r) => String(r[0]));
					for (const s of scopeViewStatements(catalog, tables, opts.scope)) await userConn.run(s);
				}
				const reader = await userConn.streamAndReadUntil(text, limit + 1);
				const result = toResult(reader, limit);
				return {
					...result,
					truncated: reader.currentRowCount > limit,
					rowCount: result.rows.length,
					elapsedMs: performance.now() - started
				};
			} catch (e) {
				if (e instanceof SqlGuardError) throw e;
				throw userSqlError(e, cancelRequested);
			} finally {
				await userConn.run('ROLLBACK');
			}
		},
		async addDocuments(docs: readonly ParsedDocument[]): Promise<string[]> {
			const ids = docs.map((d) => d.document.doc_id);
			const st = loadedDocIdsStatement(ids);
			const loaded = toResult(await conn.runAndReadAll(st.sql, st.params));
			const skip = new Set(loaded.rows.map((r) => String(r.doc_id)));
			const fresh = docs.filter((d) => {
				const id = d.document.doc_id;
				if (skip.has(id)) return false;
				skip.add(id);
				return true;
			});
			await conn.run('BEGIN TRANSACTION');
			try {
				for (const s of documentInsertStatements(fresh)) {
					await conn.run(s.sql, s.params.length > 0 ? s.params : undefined);
				}
				// Peer rules compare documents: recompute them over everything now loaded.
				if (fresh.length > 0) {
					for (const s of refreshPeerFlagsStatements()) {
						await conn.run(s.sql, s.params.length > 0 ? s.params : undefined);
					}
				}
				await conn.run('COMMIT');
			} catch (e) {
				await conn.run('ROLLBACK');
				throw e;
			}
			return fresh.map((d) => d.document.doc_id);
		},
		async cancel(): Promise<void> {
			cancelRequested = true;
			userConn.interrupt();
		},
		async ensure(): Promise<void> {
			// Everything is loaded at open.
		},
		async planDownload(): Promise<TableDownload[]> {
			return []; // nothing left to download
		},
		async tables(): Promise<string[]> {
			const reader = await conn.runAndReadAll(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
			);
			return reader.getRowsJS().map((r) => String(r[0]));
		},
		async close(): Promise<void> {
			if (closed) return;
			closed = true;
			userConn.closeSync();
			conn.closeSync();
			instance.closeSync();
		}
	};
}
