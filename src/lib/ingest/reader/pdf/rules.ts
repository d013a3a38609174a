/**
 * Ruling lines from a page's operator list (pdf.js `getOperatorList`):
 * follows the current transformation matrix through save/restore and form
 * XObjects, and keeps the axis-aligned strokes and thin filled rectangles
 * that draw table borders. White strokes/fills are invisible and ignored;
 * large filled rectangles are backgrounds, not borders.
 */
import type { HRule, VRule } from './types';

export type Matrix = [number, number, number, number, number, number];

/** The pdf.js OPS codes this module needs (pass `pdfjs.OPS`). */
export interface OpCodes {
	save: number;
	restore: number;
	transform: number;
	paintFormXObjectBegin: number;
	paintFormXObjectEnd: number;
	constructPath: number;
	setStrokeRGBColor: number;
	setFillRGBColor: number;
	stroke: number;
	closeStroke: number;
	fill: number;
	eoFill: number;
	fillStroke: number;
	eoFillStroke: number;
	closeFillStroke: number;
	closeEOFillStroke: number;
}

/** pdf.js path drawing codes inside constructPath data. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A stroke thinner/shorter than this (points) is not a rule; a fill thinner than THIN is one. */
const MIN_LENGTH = 2;
const THIN = 2.5;

interface State {
	ctm: Matrix;
	stroke: string;
	fill: string;
}

export function multiply(m: Matrix, n: Matrix): Matrix {
	// Result applies m first, then n (PDF `cm`: new CTM = m × CTM).
	return [
		m[0] * n[0] + m[1] * n[2],
		m[0] * n[1] + m[1] * n[3],
		m[2] * n[0] + m[3] * n[2],
		m[2] * n[1] + m[3] * n[3],
		m[4] * n[0] + m[5] * n[2] + n[4],
		m[4] * n[1] + m[5] * n[3] + n[5]
	];
}

export function isMatrix(v: unknown): v is Matrix {
	return (
		(Array.isArray(v) || ArrayBuffer.isView(v)) &&
		(v as ArrayLike<unknown>).length === 6 &&
		Array.from(v as ArrayLike<unknown>).every((x) => typeof x === 'number' && Number.isFinite(x))
	);
}

function isWhite(color: string): boolean {
	return /^#f[cdef]f[cdef]f[cdef]$/i.test(color);
}

export interface RuleOptions {
	/**
	 * PDF user space → page space (pdf.js `page.getViewport({ scale: 1 }).transform`:
	 * flips y, applies the page's /Rotate and crop-box offset).
	 */
	viewport: number[];
}

/**
 * Extracts ruling lines in page space (top-left origin). `fnArray` and
 * `argsArray` are the operator list; `ops` the pdf.js OPS table.
 */
export function extractRules(
	fnArray: ArrayLike<number>,
	argsArray: ArrayLike<unknown>,
	ops: OpCodes,
	options: RuleOptions
): { hrules: HRule[]; vrules: VRule[] } {
	const vp: Matrix = isMatrix(options.viewport) ? options.viewport : [1, 0, 0, 1, 0, 0];
	const hrules: HRule[] = [];
	const vrules: VRule[] = [];
	let state: State = { ctm: [1, 0, 0, 1, 0, 0], stroke: '#000000', fill: '#000000' };
	const stack: State[] = [];
	const toPage = (x: number, y: number): [number, number] => {
		const m = state.ctm;
		const ux = m[0] * x + m[2] * y + m[4];
		const uy = m[1] * x + m[3] * y + m[5];
		return [vp[0] * ux + vp[2] * uy + vp[4], vp[1] * ux + vp[3] * uy + vp[5]];
	};
	const addSegment = (a: [number, number], b: [number, number]) => {
		const dx = Math.abs(a[0] - b[0]);
		const dy = Math.abs(a[1] - b[1]);
		if (dy < 0.5 && dx >= MIN_LENGTH)
			hrules.push({ y: (a[1] + b[1]) / 2, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]) });
		else if (dx < 0.5 && dy >= MIN_LENGTH)
			vrules.push({ x: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
	};
	const addThinFill = (pts: [number, number][]) => {
		if (pts.length < 3) return;
		let x0 = Infinity;
		let x1 = -Infinity;
		let y0 = Infinity;
		let y1 = -Infinity;
		for (const [x, y] of pts) {
			x0 = Math.min(x0, x);
			x1 = Math.max(x1, x);
			y0 = Math.min(y0, y);
			y1 = Math.max(y1, y);
		}
		const w = x1 - x0;
		const h = y1 - y0;
		if (h <= THIN && w >= MIN_LENGTH) hrules.push({ y: (y0 + y1) / 2, x0, x1 });
		else if (w <= THIN && h >= MIN_LENGTH) vrules.push({ x: (x0 + x1) / 2, y0, y1 });
	};
	const strokeOps = new Set([
		ops.stroke,
		ops.closeStroke,
		ops.fillStroke,
		ops.eoFillStroke,
		ops.closeFillStroke,
		ops.closeEOFillStroke
	]);
	const fillOps = new Set([ops.fill, ops.eoFill]);

	for (let i = 0; i < fnArray.length; i++) {
		const fn = fnArray[i];
		const args = argsArray[i] as unknown[] | null | undefined;
		if (fn === ops.save) {
			stack.push({ ...state });
			if (stack.length > 4096) stack.shift();
		} else if (fn === ops.restore) {
			state = stack.pop() ?? state;
		} else if (fn === ops.transform) {
			if (isMatrix(args)) state = { ...state, ctm: multiply(args, state.ctm) };
		} else if (fn === ops.paintFormXObjectBegin) {
			stack.push({ ...state });
			const m = args?.[0];
			if (isMatrix(m)) state = { ...state, ctm: multiply(m, state.ctm) };
		} else if (fn === ops.paintFormXObjectEnd) {
			state = stack.pop() ?? state;
		} else if (fn === ops.setStrokeRGBColor) {
			if (typeof args?.[0] === 'string') state = { ...state, stroke: args[0] };
		} else if (fn === ops.setFillRGBColor) {
			if (typeof args?.[0] === 'string') state = { ...state, fill: args[0] };
		} else if (fn === ops.constructPath) {
			const paint = args?.[0];
			const data = (args?.[1] as unknown[] | undefined)?.[0];
			if (typeof paint !== 'number' || !data || !ArrayBuffer.isView(data)) continue;
			const isStroke = strokeOps.has(paint) && !isWhite(state.stroke);
			const isFill = fillOps.has(paint) && !isWhite(state.fill);
			if (!isStroke && !isFill) continue;
			walkPath(
				data as unknown as ArrayLike<number>,
				toPage,
				isStroke ? addSegment : null,
				isFill ? addThinFill : null
			);
		}
	}
	return { hrules, vrules };
}

/** Walks pdf.js path data, reporting straight segments (strokes) or subpath outlines (fills). */
function walkPath(
	d: ArrayLike<number>,
	toPage: (x: number, y: number) => [number, number],
	onSegment: ((a: [number, number], b: [number, number]) => void) | null,
	onSubpath: ((pts: [number, number][]) => void) | null
): void {
	let start: [number, number] | null = null;
	let cur: [number, number] | null = null;
	let pts: [number, number][] = [];
	let curved = false;
	const flush = () => {
		if (onSubpath && !curved) onSubpath(pts);
		pts = [];
		curved = false;
	};
	let i = 0;
	while (i < d.length) {
		const op = d[i];
		if (op === MOVE) {
			flush();
			cur = start = toPage(d[i + 1] ?? 0, d[i + 2] ?? 0);
			pts.push(cur);
			i += 3;
		} else if (op === LINE) {
			const p = toPage(d[i + 1] ?? 0, d[i + 2] ?? 0);
			if (cur && onSegment) onSegment(cur, p);
			cur = p;
			pts.push(p);
			i += 3;
		} else if (op === CURVE) {
			cur = toPage(d[i + 5] ?? 0, d[i + 6] ?? 0);
			curved = true;
			i += 7;
		} else if (op === QUAD) {
			cur = toPage(d[i + 3] ?? 0, d[i + 4] ?? 0);
			curved = true;
			i += 5;
		} else if (op === CLOSE) {
			if (cur && start && onSegment) onSegment(cur, start);
			cur = start;
			i += 1;
		} else {
			break; // unknown code: stop rather than misread the rest
		}
	}
	flush();
}
