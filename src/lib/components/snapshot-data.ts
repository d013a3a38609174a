/**
 * Which snapshot folder the URL names (`data`, default `default`), its URL
 * under /data/, and the manifest facts the shell needs before DuckDB starts
 * (synthetic? rollups?). Untrusted JSON: only these fields are read, checked.
 */
import { base } from '$app/paths';
import { parseUrl } from '$lib/url-state';

export const DEFAULT_DATA = 'default';

/** The snapshot folder a URL asks for: a valid `data` name, else `default`. */
export function dataName(url: URL): string {
	return parseUrl(url).state.data ?? DEFAULT_DATA;
}

/** Absolute URL of `/data/<name>` (no trailing slash); name must satisfy the grammar. */
export function dataUrl(name: string): string {
	if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(name)) throw new Error(`快照名无效：${name}`);
	return new URL(`${base}/data/${name}`, document.baseURI).href;
}

export interface ManifestFacts {
	synthetic: boolean;
	hasRollupOverview: boolean;
	documentCount: number | null;
}

export function manifestFacts(json: unknown): ManifestFacts {
	const m = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
	const rollups = m.rollups;
	const count = m.document_count;
	return {
		synthetic: m.synthetic === true,
		hasRollupOverview:
			typeof rollups === 'object' &&
			rollups !== null &&
			typeof (rollups as Record<string, unknown>).rollup_overview === 'object',
		documentCount: typeof count === 'number' && Number.isSafeInteger(count) ? count : null
	};
}
