/**
 * Turns the rows of one table segment into a grid: column labels from the
 * header block, header rows repeated on later pages recognized and claimed,
 * and wrapped cells merged back into their row.
 *
 * A continuation row (empty 序号 / code columns, text where the name is)
 * appends its text to the previous row's cells; figure fragments are joined
 * digit by digit (`313.5` + `2` → `313.52`), also when a page header sits
 * between the two halves.
 */
import type { ParseContext } from '../../context';
import type { AmountUnit } from '../../model';
import { isCodeLike } from '../../classification';
import type { TableSegment } from './segment';

export interface LogicalRow {
	/** First source line of the row (source_line). */
	line: number;
	lines: number[];
	cells: string[];
	unit: AmountUnit | null;
	raw: string;
}

export interface Grid {
	/** Per column: header labels top to bottom, joined with '/', whitespace removed. */
	labels: string[];
	rows: LogicalRow[];
}

export const compact = (s: string) => s.replace(/\s+/g, '');

const FIGURE = /^[-−(（]?(\d{1,3}([,，]\d{3})+|\d+)(\.\d+)?[)）]?$/;

/** A printed figure with a decimal point or thousands separators (not a bare small integer). */
export function isFigure(cell: string): boolean {
	const c = compact(cell);
	return FIGURE.test(c) && /[.,，]/.test(c);
}

/** Any numeric cell, including bare integers (`0`, `25`). */
export function isNumeric(cell: string): boolean {
	return FIGURE.test(compact(cell));
}

const CJK = /[\u4e00-\u9fa5]/;
const MARKER = /^([一二三四五六七八九十]+[、.．]|\d{1,2}[.．、]\s*[\u4e00-\u9fa5]|其中)/;
const TOTAL = /^(合计|总计|小计)$/;
const STRONG_HEADER =
	/栏次|序号|科目编码|科目名称|科目代码|功能分类科目|经济分类科目|^类款项?$|^项目名称?\/?金额|资金性质/;

/** The column-number row (`栏次 ⇥ 1 ⇥ 2 ⇥ 3`): its numbers count 1, 2, 3… */
function isColumnNumbering(numbers: string[]): boolean {
	return numbers.length >= 3 && numbers.every((c, i) => compact(c) === String(i + 1));
}

/**
 * A data row carries a figure, a list marker (`一、`), a lone 合计, or a
 * number next to its text (a code, a 序号, an amount without separators);
 * a row of bare numbers is data unless it is the 栏次 numbering.
 */
function looksLikeData(cells: string[]): boolean {
	const filled = cells.filter((c) => c !== '');
	if (filled.length === 0) return false;
	if (filled.some(isFigure)) return true;
	if (filled.some((c) => MARKER.test(compact(c)))) return true;
	if (filled.length === 1 && TOTAL.test(compact(filled[0] ?? ''))) return true;
	const numbers = filled.filter((c) => isNumeric(c) || isCodeLike(c));
	if (numbers.length === 0 || isColumnNumbering(numbers)) return false;
	if (numbers.length === filled.length) return true;
	return filled.some((c) => CJK.test(c) && !/^(类|款|项)$/.test(c));
}

export interface GridOptions {
	/** Column indexes that are empty on a continuation row (序号, codes). */
	keyColumns?: (labels: string[]) => number[];
}

/**
 * True when every figure fragment below joins its figure above into a valid
 * figure (`313.5` + `2`); `7,666.68` + `2,928.98` is two figures, not one.
 */
function figuresJoin(above: string[], below: string[]): boolean {
	return below.every((b, i) => {
		const a = above[i] ?? '';
		if (a === '' || b === '' || !/^[\d.,，\s]+$/.test(a) || !/^[\d.,，\s]+$/.test(b)) return true;
		// No printed figure is longer than this; the cap also keeps a run of
		// fragments from growing one figure without bound.
		const joined = compact(a + b);
		return joined.length <= 24 && FIGURE.test(joined);
	});
}

/** Joins a wrapped cell onto the cell above it. */
function joinCell(above: string, below: string): string {
	if (above === '') return below;
	if (below === '') return above;
	// Figures join digit by digit (`313.5` + `2`), text cell fragments directly.
	return above + below;
}

export function buildGrid(ctx: ParseContext, seg: TableSegment, opts: GridOptions = {}): Grid {
	const table = seg.match.family;
	const headerRows: string[][] = [];
	const headerKeys = new Set<string>();
	const rows: LogicalRow[] = [];
	let labels: string[] = [];
	let keyCols: number[] = [];
	let seenData = false;
	const finishHeader = () => {
		const width = headerRows.reduce((w, r) => Math.max(w, r.length), 0);
		// Merged header cells print once, at their left: an empty upper cell
		// over a labelled lower cell inherits the label on its left.
		const filled = headerRows.map((r) =>
			Array.from({ length: width }, (_, i) => compact(r[i] ?? ''))
		);
		filled.forEach((r, k) => {
			for (let i = 1; i < width; i++) {
				const below = filled.slice(k + 1).some((low) => (low[i] ?? '') !== '');
				const above = filled[k - 1];
				const sameSpan = above === undefined || above[i] === above[i - 1];
				if (r[i] === '' && below && sameSpan && r[i - 1] !== '') r[i] = r[i - 1] ?? '';
			}
		});
		labels = [];
		for (let i = 0; i < width; i++)
			labels.push(
				filled
					.map((r) => r[i] ?? '')
					.filter((c, k, all) => c !== '' && c !== all[k - 1])
					.join('/')
			);
		keyCols = opts.keyColumns ? opts.keyColumns(labels) : [];
		// Side-by-side blocks (决算 基本支出: 人员经费 | 公用经费) repeat the key
		// columns: a row whose second block carries a code is a row, not a wrap.
		const keyLabels = new Set(keyCols.map((k) => labels[k] ?? ''));
		keyCols = labels.flatMap((l, i) => (keyCols.includes(i) || keyLabels.has(l) ? [i] : []));
	};
	for (const { line, unit } of seg.rows) {
		const cells = line.cells;
		const key = compact(cells.join('|'));
		// Department / unit / year lines printed as a table row (not a `金额单位：` column label).
		const furniture = cells.some((c) =>
			/^(部门(名称)?|单位|编制(部门|单位)|预算年度)[:：]/.test(compact(c))
		);
		if (!seenData) {
			if (looksLikeData(cells)) {
				seenData = true;
				finishHeader();
			} else {
				if (!furniture) headerRows.push(cells);
				headerKeys.add(key);
				ctx.claim(line.no, table, 'header');
				continue;
			}
		} else if (
			headerKeys.has(key) ||
			furniture ||
			(!looksLikeData(cells) && STRONG_HEADER.test(compact(cells.join('/'))))
		) {
			ctx.claim(line.no, table, 'header');
			continue;
		}
		const prev = rows[rows.length - 1];
		const isContinuation =
			prev !== undefined &&
			keyCols.length > 0 &&
			keyCols.every((k) => (cells[k] ?? '') === '') &&
			!cells.some((c) => TOTAL.test(compact(c))) &&
			cells.some((c) => c !== '') &&
			figuresJoin(prev.cells, cells);
		if (isContinuation && prev) {
			const width = Math.max(prev.cells.length, cells.length);
			const merged: string[] = [];
			for (let i = 0; i < width; i++) merged.push(joinCell(prev.cells[i] ?? '', cells[i] ?? ''));
			prev.cells = merged;
			prev.lines.push(line.no);
			prev.raw += '\n' + line.text;
			ctx.claim(line.no, table, 'continuation');
			continue;
		}
		rows.push({ line: line.no, lines: [line.no], cells: [...cells], unit, raw: line.text });
	}
	if (!seenData) finishHeader();
	return { labels, rows };
}

/** Index of the first label matching `re`, or -1. */
export function findLabel(labels: string[], re: RegExp, from = 0): number {
	for (let i = from; i < labels.length; i++) if (re.test(labels[i] ?? '')) return i;
	return -1;
}

/**
 * Splits a classified table printed as two blocks side by side (`科目编码 |
 * 科目名称 | 决算数 | 科目编码 | 科目名称 | 决算数`) into two grids.
 */
export function splitSideBySide(grid: Grid): Grid[] {
	const names = grid.labels.flatMap((l, i) => (/名称/.test(l) ? [i] : []));
	const first = names[0];
	const second = names[1];
	if (first === undefined || second === undefined) return [grid];
	const at = grid.labels.findIndex((l, i) => i > first && /编码|代码|(^|\/)类$/.test(l));
	if (at < 0 || at > second) return [grid];
	const part = (from: number, to: number): Grid => ({
		labels: grid.labels.slice(from, to),
		rows: grid.rows
			.map((r) => ({ ...r, cells: r.cells.slice(from, to) }))
			.filter((r) => r.cells.some((c) => c !== ''))
	});
	return [part(0, at), part(at, grid.labels.length)];
}
