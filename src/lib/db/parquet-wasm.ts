/**
 * Parquet → Arrow IPC stream with parquet-wasm (DuckDB-WASM ships without its
 * Parquet extension and cannot download it offline). The parquet-wasm module
 * is self-hosted via a Vite `?url` import and initialized once.
 * `parquetToIpc` decodes a downloaded file; `rowGroupsToIpc` reads only some
 * row groups of a file over HTTP range requests (parquet-range.ts: the
 * footer, then the chosen row groups' bytes; not ParquetFile.fromUrl, whose
 * suffix range requests Vite's static server answers wrongly).
 * Browser-only module.
 */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { fetchRowGroups, type TailCache } from './parquet-range';

let ready: Promise<unknown> | null = null;

function start(): Promise<unknown> {
	ready ??= init({ module_or_path: wasmUrl });
	return ready;
}

/** Decode a Parquet file (only `rowGroups`, when given) into an Arrow IPC stream. */
export async function parquetToIpc(bytes: Uint8Array, rowGroups?: number[]): Promise<Uint8Array> {
	await start();
	const table = readParquet(bytes, rowGroups ? { rowGroups } : undefined);
	return table.intoIPCStream();
}

export interface RowGroupRead {
	ipc: Uint8Array;
	/** Bytes received over the network. */
	bytes: number;
}

/**
 * Read the given row groups of the `size`-byte Parquet file at `url` with
 * range requests (parquet-range.ts) as one Arrow IPC stream. When the range
 * read fails (a server that mangles ranges, a size that does not match), the
 * file is downloaded whole and the same row groups are decoded from it.
 */
export async function rowGroupsToIpc(
	doFetch: typeof fetch,
	url: string,
	size: number,
	rowGroups: number[],
	cache?: TailCache
): Promise<RowGroupRead> {
	await start();
	try {
		const file = await fetchRowGroups(doFetch, url, size, rowGroups, cache);
		return { ipc: readParquet(file.bytes, { rowGroups }).intoIPCStream(), bytes: file.fetched };
	} catch {
		cache?.delete(url);
		const res = await doFetch(url);
		if (!res.ok) throw new Error(`无法下载 ${url}（HTTP ${res.status}）`);
		const bytes = new Uint8Array(await res.arrayBuffer());
		return { ipc: readParquet(bytes, { rowGroups }).intoIPCStream(), bytes: bytes.byteLength };
	}
}
