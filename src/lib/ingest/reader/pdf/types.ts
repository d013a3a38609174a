/**
 * Plain data the PDF reader works on, independent of pdf.js: one page's
 * text runs and ruling lines in *page space* — PDF points (1/72 inch) with
 * the origin at the top-left corner of the page and y growing downwards, so
 * a box can be drawn straight onto a rendered page (multiply by the scale).
 */

/** A run of text as pdf.js reports it (one font, one baseline). */
export interface TextRun {
	str: string;
	/** Left edge. */
	x: number;
	/** Baseline (distance from the top of the page). */
	baseline: number;
	/** Advance width of the run. */
	width: number;
	/** Font size (em height). */
	size: number;
}

/** A horizontal ruling segment: y fixed, from x0 to x1 (x0 ≤ x1). */
export interface HRule {
	y: number;
	x0: number;
	x1: number;
}

/** A vertical ruling segment: x fixed, from y0 to y1 (y0 ≤ y1). */
export interface VRule {
	x: number;
	y0: number;
	y1: number;
}

export interface PageContent {
	/** 1-based page number. */
	page: number;
	width: number;
	height: number;
	runs: TextRun[];
	hrules: HRule[];
	vrules: VRule[];
}

/** Axis-aligned box: left, top, right, bottom (page space). */
export interface Box {
	x0: number;
	top: number;
	x1: number;
	bottom: number;
}

/** One output line of a page: a narrative line (one cell) or a table row. */
export interface PageLine {
	cells: string[];
	isRow: boolean;
	box: Box;
	/** Lines of different blocks (paragraph text, one table) are separated by a blank line. */
	block: number;
}

export function unionBox(a: Box | null, b: Box): Box {
	if (!a) return { ...b };
	return {
		x0: Math.min(a.x0, b.x0),
		top: Math.min(a.top, b.top),
		x1: Math.max(a.x1, b.x1),
		bottom: Math.max(a.bottom, b.bottom)
	};
}

/** The box a run's glyphs occupy (ascent ≈ 0.85 em above, descent ≈ 0.15 em below the baseline). */
export function runBox(r: TextRun): Box {
	return {
		x0: r.x,
		top: r.baseline - r.size * 0.85,
		x1: r.x + r.width,
		bottom: r.baseline + r.size * 0.15
	};
}
