/**
 * Connector over DuckDB-WASM (in a Web Worker) for the app. Opening a
 * snapshot: fetch manifest.json, start DuckDB (self-hosted bundles) while
 * `documents` and the rollups are fetched and decoded with parquet-wasm to
 * Arrow IPC, create every schema table with its exact types and insert into
 * it (browser-load.ts), so DECIMAL(18,4) stays DECIMAL. Every other table
 * starts empty and is filled on demand by `ensure(needs)` (browser-lazy.ts:
 * only the row groups the needs may touch); v2 snapshots (or `eager`) load
 * everything at open. Progress (files and bytes) is reported to the caller,
 * cold-start marks go to window.__budgetlensColdStart (cold-start.ts).
 * Finally an empty `flags` table is created when the snapshot has none, and
 * the engine is locked down (no extensions, no external access, configuration
 * locked).
 * Values follow db/types.ts via arrow-values.ts.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { ParsedDocument } from '../ingest/model';
import { createTableSql, TABLES } from '../schema/tables';
import {
	documentColumns,
	documentInsertStatements,
	insertFromStagingSql,
	loadedDocIdsStatement,
	mergedRows
} from './add-documents';
import { arrowColumns, arrowToResult, type ArrowRows } from './arrow-values';
import {
	fetchBytes,
	limiter,
	loadTable,
	run,
	settle,
	SnapshotLoadError,
	type Settled
} from './browser-load';
import { startDuckDB } from './duckdb-wasm-bundles';
import { lazyLoader, type LazyLoader } from './browser-lazy';
import { countBytes, markColdStart } from './cold-start';
import { docIndexSql, PROVINCE_COLUMN_SQL, toDocIndex } from './doc-index';
import { parseManifest, type SnapshotManifest } from './manifest';
import { fileUrl } from './manifest-path';
import { parquetToIpc } from './parquet-wasm';
import { CREATE_EMPTY_FLAGS, LOCK_DOWN, quoteIdent } from './snapshot-tables';
import { refreshPeerFlagsStatements } from '../rules/sql';
import { checkUserSql, SqlGuardError } from './sql-guard';
import {
	USER_QUERY_LIMIT,
	type QueryResult,
	type Row,
	type SnapshotConnector,
	type UserQueryOptions,
	type UserQueryResult
} from './types';
import { userSqlError, UserSqlError } from './user-sql-error';

export { SnapshotLoadError };

/** Same shape as the app session's LoadProgress. */
export interface LoadProgress {
	/** What is happening, in Chinese. */
	phase: string;
	filesDone: number;
	filesTotal: number;
	bytesDone: number;
	bytesTotal: number;
}

export interface BrowserConnectorOptions {
	/** Folder URL holding manifest.json and the Parquet files, e.g. `${base}/data/default`. */
	baseUrl: string;
	onProgress?: (p: LoadProgress) => void;
	fetch?: typeof fetch;
	/**
	 * Load every table at open instead of on demand (default: only for
	 * snapshots before schema v3, which have no row-group index).
	 */
	eager?: boolean;
}

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

/** v2 and older snapshots were made to be loaded whole at open. */
function loadsWhole(manifest: SnapshotManifest): boolean {
	return !(Number(manifest.schema_version) >= 3);
}

interface OpenFile {
	table: string;
	path: string;
	bytes: number | null;
	rows: number | null;
}

export async function openBrowserConnector(
	options: BrowserConnectorOptions
): Promise<BrowserConnector> {
	const doFetch = options.fetch ?? fetch.bind(globalThis);
	const base = new URL(options.baseUrl, globalThis.location?.href).href.replace(/\/+$/, '');
	const progress: LoadProgress = {
		phase: '下载 manifest.json',
		filesDone: 0,
		filesTotal: 0,
		bytesDone: 0,
		bytesTotal: 0
	};
	const report = (patch: Partial<LoadProgress>) => {
		Object.assign(progress, patch);
		options.onProgress?.({ ...progress });
	};
	report({});
	const started = startDuckDB().then((s) => {
		markColdStart('wasmMs');
		return s;
	});
	started.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
	const limited = limiter(4);
	const manifestRes = await doFetch(`${base}/manifest.json`);
	if (!manifestRes.ok) {
		throw new SnapshotLoadError(`无法下载快照清单 manifest.json（HTTP ${manifestRes.status}）`);
	}
	let manifest: SnapshotManifest;
	try {
		const text = await manifestRes.text();
		countBytes(new TextEncoder().encode(text).byteLength);
		manifest = parseManifest(JSON.parse(text));
	} catch (e) {
		throw new SnapshotLoadError(e instanceof Error ? e.message : String(e));
	}
	markColdStart('manifestMs');
	// Open with documents and the rollups only (everything for v2 snapshots or `eager`).
	const eager = options.eager ?? loadsWhole(manifest);
	const files: OpenFile[] = [];
	for (const t of manifest.tables) {
		if (!eager && t.name !== 'documents') continue;
		for (const p of t.parts)
			files.push({ table: t.name, path: p.path, bytes: p.bytes, rows: p.rows });
	}
	for (const r of manifest.rollups)
		files.push({ table: r.name, path: r.file, bytes: r.bytes, rows: r.rows });
	report({
		phase: '启动 DuckDB',
		filesTotal: files.length,
		bytesTotal: files.reduce((s, f) => s + (f.bytes ?? 0), 0)
	});
	// Download and decode the Parquet files (4 at a time) while DuckDB-WASM compiles.
	const prepared = files.map((f) =>
		f.rows === 0
			? Promise.resolve<Settled>({ ok: true, value: null })
			: settle(
					limited(() =>
						fetchBytes(doFetch, fileUrl(base, f.path), (n) => {
							countBytes(n);
							report({ bytesDone: progress.bytesDone + n });
						}).then(parquetToIpc)
					)
				)
	);
	const { db, worker } = await started;
	const conn = await db.connect();
	for (const t of TABLES) await conn.query(createTableSql(t));
	const knownNames = new Set<string>(TABLES.map((t) => t.name));
	const created = new Set<string>();
	for (let i = 0; i < files.length; i++) {
		const f = files[i]!;
		report({ phase: `载入 ${f.table}` });
		const got = await prepared[i]!;
		try {
			if (!got.ok) throw got.error;
			const known = knownNames.has(f.table);
			if (got.value) {
				await loadTable(conn, f.table, got.value, known, !known && created.has(f.table));
				created.add(f.table);
			}
		} catch (e) {
			throw new SnapshotLoadError(
				`载入表 ${f.table}（${f.path}）失败：${e instanceof Error ? e.message : String(e)}`
			);
		}
		report({ filesDone: i + 1 });
	}
	markColdStart('documentsMs');
	const loader = lazyLoader({
		conn,
		manifest,
		baseUrl: base,
		doFetch,
		report: (p) => options.onProgress?.(p)
	});
	for (const t of new Set(files.map((f) => f.table))) loader.markTableLoaded(t);
	const hasProvince = Number((await run(conn, PROVINCE_COLUMN_SQL)).rows[0]?.n ?? 0) > 0;
	loader.setDocIndex(toDocIndex((await run(conn, docIndexSql(hasProvince))).rows));
	await conn.query(CREATE_EMPTY_FLAGS);
	for (const s of LOCK_DOWN) await conn.query(s);
	const userConn = await db.connect();
	report({ phase: '完成' });
	markColdStart('readyMs');
	return makeConnector(db, worker, conn, userConn, manifest, loader);
}

function makeConnector(
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
			// Peer flags compare every document: all rows must be loaded first.
			await loader.ensureAll();
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
