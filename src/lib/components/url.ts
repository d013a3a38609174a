/**
 * The views' handle on the URL: read query parameters reactively from
 * `page.url`, write them back with goto(replaceState, keepFocus, noScroll)
 * so every control change keeps the address shareable. Reads go through the
 * data layer's URL grammar (src/lib/url-state): only values parseUrl accepts
 * reach a view; refused ones are reported by the layout's banner.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { parseUrl, serializeSearch } from '$lib/url-state';

export type Patch = Record<string, string | string[] | null | undefined>;

/** The current URL's parameters as the grammar accepted them (defaults omitted). */
function accepted(): URLSearchParams {
	return new URLSearchParams(serializeSearch(parseUrl(page.url).state));
}

/** A parameter's value; null when absent or refused by the URL grammar. */
export function param(name: string): string | null {
	return accepted().get(name);
}

/** Every accepted value of a repeated parameter. */
export function params(name: string): readonly string[] {
	const values = accepted().getAll(name);
	// The same (frozen) array while the values are unchanged, so a view's $derived(params(…))
	// does not re-run its queries when another parameter (e.g. `s`) is written.
	const last = lastParams.get(name);
	if (last && last.length === values.length && last.every((v, i) => v === values[i])) return last;
	const frozen = Object.freeze(values);
	lastParams.set(name, frozen);
	return frozen;
}
const lastParams = new Map<string, readonly string[]>();

/**
 * The query part of a link to another view, keeping the app-wide `data`
 * parameter (which snapshot is open): `href="{resolve('/department')}{appSearch({ d, y })}"`.
 */
export function appSearch(query: Patch = {}): string {
	return withParams(new URL('http://x.invalid/'), { ...query, data: param('data') }).search;
}

/** The current URL with `patch` applied: null/undefined/'' removes, arrays repeat the key. */
export function withParams(url: URL, patch: Patch): URL {
	const next = new URL(url);
	for (const [k, v] of Object.entries(patch)) {
		next.searchParams.delete(k);
		if (v === null || v === undefined || v === '') continue;
		for (const item of Array.isArray(v) ? v : [v]) {
			if (item !== '') next.searchParams.append(k, item);
		}
	}
	return next;
}

/** Update the address in place (no history entry, focus and scroll kept). */
export function setParams(patch: Patch): Promise<void> {
	const next = withParams(page.url, patch);
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same page, only the query changes
	return goto(next, { replaceState: true, keepFocus: true, noScroll: true });
}
