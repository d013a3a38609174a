/** Browser-only: a query result → Parquet bytes with parquet-wasm (self-hosted wasm, via Arrow IPC). */
import { tableToIPC } from 'apache-arrow';
import init, { Table as WasmTable, writeParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ColumnInfo, Row } from '$lib/db/types';
import { resultToArrow } from './result-arrow';

let ready: Promise<unknown> | null = null;

export async function resultToParquet(
	columns: readonly ColumnInfo[],
	rows: readonly Row[]
): Promise<Uint8Array> {
	ready ??= init({ module_or_path: wasmUrl });
	await ready;
	const ipc = tableToIPC(resultToArrow(columns, rows), 'stream');
	return writeParquet(WasmTable.fromIPCStream(ipc));
}
