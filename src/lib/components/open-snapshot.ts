/**
 * Opens the snapshot the URL names (`data=<name>` → static `/data/<name>/`,
 * default `/data/default/`) with the data layer's DuckDB-WASM connector, and
 * keeps the connector so the drop zone can add parsed documents to the
 * loaded tables. The name is checked by the URL grammar first, so nothing
 * outside /data/ is ever fetched.
 */
import { openBrowserConnector, type BrowserConnector } from '$lib/db/browser';
import type { Opener } from './session.svelte';
import { dataUrl, DEFAULT_DATA } from './snapshot-data';

let current: BrowserConnector | null = null;

export function browserConnector(): BrowserConnector | null {
	return current;
}

/** An opener for `/data/<name>/`. */
export function openSnapshot(name: string): Opener {
	return async (onProgress) => {
		const baseUrl = dataUrl(name);
		let connector: BrowserConnector;
		try {
			connector = await openBrowserConnector({ baseUrl, onProgress });
		} catch (e) {
			if (name === DEFAULT_DATA) throw e;
			const why = e instanceof Error ? e.message : String(e);
			throw new Error(`无法打开快照“${name}”（/data/${name}/）：${why}`, { cause: e });
		}
		current = connector;
		return { connector, snapshotId: connector.snapshotId };
	};
}

export const openDefaultSnapshot: Opener = openSnapshot(DEFAULT_DATA);
