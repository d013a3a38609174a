/**
 * Parquet → Arrow IPC stream with parquet-wasm (DuckDB-WASM ships without its
 * Parquet extension and cannot download it offline). The parquet-wasm module
 * is self-hosted via a Vite `?url` import and initialized once.
 * `parquetToIpc` decodes a downloaded file; `rowGroupsToIpc` reads only some
 * row groups of a file over HTTP range requests (ParquetFile.fromUrl: the
 * footer, then the chosen row groups' column chunks).
 * Browser-only module.
 */
import init, { ParquetFile, readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

function start(): Promise<unknown> {
	ready ??= init({ module_or_path: wasmUrl });
	return ready;
}

/** Decode a Parquet file into an Arrow IPC stream (Uint8Array). */
export async function parquetToIpc(bytes: Uint8Array): Promise<Uint8Array> {
	await start();
	const table = readParquet(bytes);
	return table.intoIPCStream();
}

export interface RowGroupRead {
	ipc: Uint8Array;
	/** Compressed bytes of the row groups read (the footer and HEAD are not counted). */
	bytes: number;
}

/** Read the given row groups of the Parquet file at `url` (absolute) as one Arrow IPC stream. */
export async function rowGroupsToIpc(url: string, rowGroups: number[]): Promise<RowGroupRead> {
	await start();
	const file = await ParquetFile.fromUrl(url);
	try {
		const meta = file.metadata();
		let bytes = 0;
		for (const i of rowGroups) bytes += meta.rowGroup(i).compressedSize();
		const table = await file.read({ rowGroups });
		return { ipc: table.intoIPCStream(), bytes };
	} finally {
		file.free();
	}
}
