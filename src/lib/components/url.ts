/**
 * The views' handle on the URL: read query parameters reactively from
 * `page.url`, write them back with goto(replaceState, keepFocus, noScroll)
 * so every control change keeps the address shareable. Values are plain
 * strings here; each view validates what it reads (see validate.ts).
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { acceptable, cleanParam } from './link-check';

export type Patch = Record<string, string | string[] | null | undefined>;

/** A parameter's value; null when absent or refused by link-check (markup, too long). */
export function param(name: string): string | null {
	return cleanParam(page.url, name);
}

/** Every value of a repeated parameter, refused ones dropped. */
export function params(name: string): string[] {
	return page.url.searchParams.getAll(name).filter((v) => acceptable(name, v));
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
