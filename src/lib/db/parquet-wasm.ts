/**
 * Parquet → Arrow IPC stream with parquet-wasm (DuckDB-WASM ships without its
 * Parquet extension and cannot download it offline). The parquet-wasm module
 * is self-hosted via a Vite `?url` import and initialized once.
 * Browser-only module.
 */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

/** Decode a Parquet file into an Arrow IPC stream (Uint8Array). */
export async function parquetToIpc(bytes: Uint8Array): Promise<Uint8Array> {
	ready ??= init({ module_or_path: wasmUrl });
	await ready;
	const table = readParquet(bytes);
	return table.intoIPCStream();
}
