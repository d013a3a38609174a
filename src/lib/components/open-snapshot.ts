/**
 * Opens the default snapshot (static/data/default, served next to the app)
 * with the data layer's DuckDB-WASM connector, and keeps the connector so
 * the drop zone can add parsed documents to the loaded tables.
 */
import { base } from '$app/paths';
import { openBrowserConnector, type BrowserConnector } from '$lib/db/browser';
import type { Opener } from './session.svelte';

let current: BrowserConnector | null = null;

export function browserConnector(): BrowserConnector | null {
	return current;
}

export const openDefaultSnapshot: Opener = async (onProgress) => {
	const baseUrl = new URL(`${base}/data/default`, document.baseURI).href;
	const connector = await openBrowserConnector({ baseUrl, onProgress });
	current = connector;
	return { connector, snapshotId: connector.snapshotId };
};
