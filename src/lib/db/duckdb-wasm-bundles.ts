/**
 * Self-hosted DuckDB-WASM bundles: the .wasm and worker files are imported
 * from node_modules with Vite `?url`, so the build copies them next to the
 * app; nothing is fetched from a CDN. Browser-only module.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export interface StartedDuckDB {
	db: duckdb.AsyncDuckDB;
	worker: Worker;
}

/** Start DuckDB-WASM in a Web Worker with exact decimals and BIGINTs. */
export async function startDuckDB(): Promise<StartedDuckDB> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	if (!bundle.mainWorker) throw new Error('DuckDB-WASM：找不到 Worker 文件');
	const worker = new Worker(bundle.mainWorker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({
		query: { castBigIntToDouble: false, castDecimalToDouble: false, castTimestampToDate: false }
	});
	return { db, worker };
}
