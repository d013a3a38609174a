/**
 * The connector object over an opened DuckDB-WASM database (browser.ts opens
 * it): app queries on one connection; user SQL on another, checked by
 * sql-guard.ts, inside a transaction always rolled back (with the scope's
 * temp views, sql-scope.ts, when one is given), streamed with a row
 * cap and cancellable; `planDownload` sizes what `ensure` would fetch; `ensure` delegates to the lazy loader
 * (browser-lazy.ts); dropped documents are added with Arrow (falling back to
 * parameterized INSERTs) after the tables the peer rules read are loaded
 * whole (PEER_INPUT_TABLES: not source_lines, the largest), then the peer
 * flags are recomputed.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { ParsedDocument } from '../ingest/model';
import { refreshPeerFlagsStatements } from '../rules/sql';
import { TABLES } from '../schema/tables';
import {
	documentColumns,
	documentInsertStatements,
	insertFromStagingSql,
	loadedDocIdsStatement,
	mergedRows
} from './add-documents';
import { arrowColumns, arrowToResult, type ArrowRows } from './arrow-values';
import type { LazyLoader } from './browser-lazy';
import { run } from './browser-load';
import type { SnapshotManifest } from './manifest';
import { quoteIdent } from './snapshot-tables';
import { tablesNamed } from './sql-tables';
import { checkUserSql, SqlGuardError } from './sql-guard';
import { CURRENT_CATALOG_SQL, hasScope, SCOPED_TABLES_SQL, scopeViewStatements } from './sql-scope';
import {
	USER_QUERY_LIMIT,
	type QueryResult,
	type Row,
	type SnapshotConnector,
	type TableDownload,
	type UserQueryOptions,
	type UserQueryResult
} from './types';
import { userSqlError, UserSqlError } from './user-sql-error';

/** Tables the peer rules read or rewrite (documents, flags, indicators, projects, …), from their SQL. */
export const PEER_INPUT_TABLES: readonly string[] = [
	...new Set(refreshPeerFlagsStatements().flatMap((s) => tablesNamed(s.sql)))
];

export interface AddDocumentsResult {
	added: string[];
	/** doc_ids already loaded (same file content), not added again. */
	skipped: string[];
}

export interface BrowserConnector extends SnapshotConnector {
	manifest: SnapshotManifest;
	snapshotId: string;
	/** Add parsed documents' rows to the loaded tables (exact decimals). */
	addDocuments(docs: readonly ParsedDocument[]): Promise<AddDocumentsResult>;
	/** Stop the worker at once (the hard cancel); the connector is unusable afterwards. */
	terminate(): Promise<void>;
}

export function makeConnector(
	db: AsyncDuckDB,
	worker: Worker,
	conn: AsyncDuckDBConnection,
	userConn: AsyncDuckDBConnection,
	manifest: SnapshotManifest,
	loader: LazyLoader
): BrowserConnector {
	let closed = false;
	let userRunning = false;
	let cancelRequested = false;

	async function addWithArrow(docs: readonly ParsedDocument[]): Promise<void> {
		const rows = mergedRows(docs);
		for (const table of TABLES) {
			const list = rows[table.name];
			if (list.length === 0) continue;
			const cols = documentColumns(table, list);
			const vectors: Record<string, Vector<Utf8>> = {};
			for (const [k, v] of Object.entries(cols)) vectors[k] = vectorFromArray(v, new Utf8());
			const staging = `__drop_${table.name}`;
			const ipc = tableToIPC(new Table(vectors), 'stream');
			await conn.insertArrowFromIPCStream(ipc, { name: staging, create: true });
			try {
				await conn.query(insertFromStagingSql(table, staging));
			} finally {
				await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
			}
		}
	}

	return {
		manifest,
		snapshotId: manifest.snapshot_id,
		query: (statement) => run(conn, statement),
		ensure: (needs) => loader.ensure(needs),
		async planDownload(needs): Promise<TableDownload[]> {
			const bytes = new Map<string, number>();
			for (const job of loader.plan(needs)) {
				bytes.set(job.table, (bytes.get(job.table) ?? 0) + job.estimate);
			}
			return [...bytes].map(([table, b]) => ({ table, bytes: b }));
		},
		async queryUser(sql: string, opts: UserQueryOptions = {}): Promise<UserQueryResult> {
			const limit = Math.max(1, Math.min(opts.limit ?? USER_QUERY_LIMIT, 1_000_000));
			const text = checkUserSql(sql);
			if (userRunning) throw new UserSqlError('上一条查询仍在运行，请先取消');
			userRunning = true;
			cancelRequested = false;
			const t0 = performance.now();
			let prepared: Awaited<ReturnType<AsyncDuckDBConnection['prepare']>> | null = null;
			await userConn.query('BEGIN TRANSACTION');
			try {
				// prepare() refuses more than one statement: DuckDB's own check after the guard's.
				// The statement then runs with send() so cancelSent() can interrupt it.
				prepared = await userConn.prepare(text);
				await prepared.close();
				prepared = null;
				if (hasScope(opts.scope)) {
					// Our statements, not the user's: each table name resolves to the scope's rows.
					const catalog = String((await run(userConn, CURRENT_CATALOG_SQL)).rows[0]?.catalog);
					const tables = (await run(userConn, SCOPED_TABLES_SQL)).rows.map((r) =>
						String(r.table_name)
					);
					for (const s of scopeViewStatements(catalog, tables, opts.scope)) {
						await userConn.query(s);
					}
				}
				const reader = await userConn.send(text, true);
				const rows: Row[] = [];
				let columns: QueryResult['columns'] = [];
				let seen = 0;
				for await (const batch of reader) {
					const part = arrowToResult(batch as unknown as ArrowRows, limit - rows.length);
					columns = part.columns;
					rows.push(...part.rows);
					seen += batch.numRows;
					if (seen > limit) break;
				}
				if (seen > limit) await userConn.cancelSent().catch(() => false);
				// No batch (an empty result): the columns come from the stream's schema.
				if (columns.length === 0 && reader.schema) columns = arrowColumns(reader.schema);
				return {
					columns,
					rows,
					truncated: seen > limit,
					rowCount: rows.length,
					elapsedMs: performance.now() - t0
				};
			} catch (e) {
				if (e instanceof SqlGuardError) throw e;
				throw userSqlError(e, cancelRequested);
			} finally {
				userRunning = false;
				await prepared?.close().catch(() => undefined);
				await userConn.query('ROLLBACK').catch(() => undefined);
			}
		},
		async cancel(): Promise<void> {
			if (!userRunning) return;
			cancelRequested = true;
			await userConn.cancelSent().catch(() => false);
		},
		async tables(): Promise<string[]> {
			const r = await run(
				conn,
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY 1"
			);
			return r.rows.map((x) => String(x.table_name));
		},
		async addDocuments(docs: readonly ParsedDocument[]): Promise<AddDocumentsResult> {
			// Peer flags compare every document: all rows of the tables they read (and of
			// flags, which they rewrite) must be loaded first. The other tables get the new
			// rows only; their snapshot rows still load lazily, as before.
			await loader.ensure(PEER_INPUT_TABLES.map((table) => ({ table })));
			const ids = docs.map((d) => d.document.doc_id);
			const loaded = new Set(
				(await run(conn, loadedDocIdsStatement(ids))).rows.map((r) => String(r.doc_id))
			);
			const seen = new Set<string>();
			const fresh = docs.filter((d) => {
				const id = d.document.doc_id;
				if (loaded.has(id) || seen.has(id)) return false;
				seen.add(id);
				return true;
			});
			if (fresh.length > 0) {
				try {
					await addWithArrow(fresh);
				} catch {
					// Arrow insertion refused (e.g. by the locked engine): fall back to parameterized INSERTs.
					for (const t of TABLES) {
						for (const d of fresh) {
							await run(conn, {
								sql: `DELETE FROM ${quoteIdent(t.name)} WHERE doc_id = $1`,
								params: [d.document.doc_id]
							});
						}
					}
					for (const s of documentInsertStatements(fresh)) await run(conn, s);
				}
				// Peer rules compare documents: recompute them over everything now loaded.
				for (const s of refreshPeerFlagsStatements()) await run(conn, s);
			}
			const added = fresh.map((d) => d.document.doc_id);
			return { added, skipped: ids.filter((id) => !added.includes(id)) };
		},
		async terminate(): Promise<void> {
			if (closed) return;
			closed = true;
			await db.terminate().catch(() => undefined);
			worker.terminate();
		},
		async close(): Promise<void> {
			if (closed) return;
			await conn.close().catch(() => undefined);
			await userConn.close().catch(() => undefined);
			closed = true;
			await db.terminate().catch(() => undefined);
			worker.terminate();
		}
	};
}
