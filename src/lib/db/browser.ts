/**
 * Connector over DuckDB-WASM (in a Web Worker) for the app. Opening a
 * snapshot: fetch manifest.json, start DuckDB (self-hosted bundles) while
 * `documents` and the rollups are fetched and decoded with parquet-wasm to
 * Arrow IPC, create every schema table with its exact types and insert into
 * it (browser-load.ts), so DECIMAL(18,4) stays DECIMAL. Every other table
 * starts empty and is filled on demand by `ensure(needs)` (browser-lazy.ts:
 * only the row groups the needs may touch); v2 snapshots (or `eager`) load
 * everything at open. Lazy rollups (rollup_per_capita) are created empty at
 * open and loaded whole by `ensure` when a view names them. Progress (files and bytes) is reported to the caller,
 * cold-start marks go to window.__budgetlensColdStart (cold-start.ts).
 * Finally an empty `flags` table is created when the snapshot has none, and
 * the engine is locked down (no extensions, no external access, configuration
 * locked).
 * Values follow db/types.ts via arrow-values.ts.
 */
import { ROLLUPS } from '../schema/rollups';
import { createTableSql, TABLES } from '../schema/tables';
import { makeConnector, type BrowserConnector } from './browser-connector';
import { lazyLoader } from './browser-lazy';
import {
	fetchBytes,
	limiter,
	loadTable,
	run,
	settle,
	SnapshotLoadError,
	type Settled
} from './browser-load';
import { countBytes, markColdStart } from './cold-start';
import { docIndexSql, PROVINCE_COLUMN_SQL, toDocIndex } from './doc-index';
import { startDuckDB } from './duckdb-wasm-bundles';
import { parseManifest, withLazyRollups, type SnapshotManifest } from './manifest';
import { fileUrl } from './manifest-path';
import { parquetToIpc } from './parquet-wasm';
import { CREATE_EMPTY_FLAGS, LOCK_DOWN } from './snapshot-tables';

export type { AddDocumentsResult, BrowserConnector } from './browser-connector';
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
	// Lazy rollups (rollup_per_capita) are created empty below and loaded when a view needs them.
	const lazyDefs = eager ? [] : ROLLUPS.filter((r) => r.lazy);
	const lazy = lazyDefs.filter((d) => manifest.rollups.some((r) => r.name === d.name));
	for (const r of manifest.rollups)
		if (!lazy.some((d) => d.name === r.name))
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
	for (const d of lazy) await conn.query(createTableSql(d));
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
		manifest: withLazyRollups(manifest, new Set(lazy.map((d) => d.name))),
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
