/**
 * Read a rollup table (rollup_overview, rollup_documents: tiny precomputed
 * Parquet files of a snapshot, docs/schema.md) with parquet-wasm alone, no
 * DuckDB, so the overview's first chart can be drawn while DuckDB-WASM is
 * still starting. Values follow db/types.ts (DECIMAL as exact strings) via
 * arrow-values.ts, the same as the connectors. Browser-only module.
 */
import { tableFromIPC } from 'apache-arrow';
import { arrowToResult } from './arrow-values';
import { fetchBytes, SnapshotLoadError } from './browser-load';
import { countBytes, markColdStart } from './cold-start';
import { fileUrl } from './manifest-path';
import { parquetToIpc } from './parquet-wasm';
import type { QueryResult } from './types';

/** A value of manifest.json's inline `overview` rows (schema/manifest.ts). */
type InlineValue = string | number | null;

function inlineRows(json: unknown): Record<string, InlineValue>[] | null {
	if (typeof json !== 'object' || json === null || !('overview' in json)) return null;
	const rows = (json as { overview: unknown }).overview;
	if (!Array.isArray(rows)) return null;
	const ok = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number';
	for (const r of rows)
		if (typeof r !== 'object' || r === null || Array.isArray(r) || !Object.values(r).every(ok))
			return null;
	return rows as Record<string, InlineValue>[];
}

/**
 * Rows of rollup_overview: from manifest.json's inline `overview` when the
 * writer put it there (one small fetch, no WASM at all, so the first chart
 * does not wait for parquet-wasm to compile), else from the Parquet file.
 */
export async function readOverviewRollup(
	baseUrl: string,
	doFetch: typeof fetch = fetch.bind(globalThis)
): Promise<Record<string, InlineValue>[]> {
	try {
		const res = await doFetch(fileUrl(baseUrl, 'manifest.json'));
		const rows = res.ok ? inlineRows(await res.json()) : null;
		if (rows) {
			markColdStart('rollupMs');
			return rows;
		}
	} catch {
		// fall through to the Parquet file, which reports its own error
	}
	return (await readRollup(baseUrl, 'rollup_overview', doFetch)).rows as Record<
		string,
		InlineValue
	>[];
}

const ROLLUP_NAME = /^rollup_[a-z0-9_]{1,56}$/;

/**
 * Rows of `<baseUrl>/<name>.parquet`. `baseUrl` is the snapshot folder
 * (as for openBrowserConnector). Throws SnapshotLoadError in Chinese.
 */
export async function readRollup(
	baseUrl: string,
	name: string,
	doFetch: typeof fetch = fetch.bind(globalThis)
): Promise<QueryResult> {
	if (!ROLLUP_NAME.test(name)) throw new SnapshotLoadError(`汇总表名无效：${JSON.stringify(name)}`);
	const url = fileUrl(baseUrl, `${name}.parquet`);
	try {
		const bytes = await fetchBytes(doFetch, url, countBytes);
		const result = arrowToResult(tableFromIPC(await parquetToIpc(bytes)));
		markColdStart('rollupMs');
		return result;
	} catch (e) {
		if (e instanceof SnapshotLoadError) throw e;
		throw new SnapshotLoadError(
			`读取汇总表 ${name} 失败：${e instanceof Error ? e.message : String(e)}`
		);
	}
}
