/** Colours shared by all charts (Tableau 10, then greys) and a stable key → colour map. */
import { schemeTableau10 } from 'd3';

export const PALETTE: readonly string[] = [...schemeTableau10, '#8c8c8c', '#bdbdbd'];

export const BASIC_COLOR = '#4e79a7';
export const PROJECT_COLOR = '#f28e2b';
export const NARRATIVE_COLOR = '#b07aa1';

/** Colour for the i-th key; cycles through the palette. */
export function colorAt(i: number): string {
	return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? '#888';
}

/** Map keys to colours in first-seen order. */
export function colorMap(keys: readonly string[]): Map<string, string> {
	const m = new Map<string, string>();
	for (const k of keys) if (!m.has(k)) m.set(k, colorAt(m.size));
	return m;
}
