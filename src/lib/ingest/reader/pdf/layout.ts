/**
 * One page → output lines. Ruled tables (grid.ts) become table rows with one
 * cell per table column; runs of lines with wide gaps become rows of an
 * unruled table (unruled.ts); everything else becomes narrative lines in
 * reading order (top to bottom). Narrative paragraphs and each table form blocks;
 * the reader separates blocks with a blank line like the text extraction.
 */
import { findTables, type GridTable } from './grid';
import { cellText, cleanRuns, groupLines } from './lines';
import { splitRunAt } from './split';
import { findUnruledTables } from './unruled';
import type { Box, PageContent, PageLine, TextRun } from './types';

/** Tolerance (points) when matching cell edges to the table's columns and rows. */
const EDGE = 1.5;

function inside(b: Box, x: number, y: number, pad = 0): boolean {
	return x >= b.x0 - pad && x <= b.x1 + pad && y >= b.top - pad && y <= b.bottom + pad;
}

/** The point that decides which cell a run belongs to: the middle of its first glyph. */
function anchor(r: TextRun): [number, number] {
	return [r.x + Math.min(r.width, r.size) / 2, r.baseline - r.size * 0.35];
}

interface Placed {
	top: number;
	lines: PageLine[];
}

export function layoutPage(page: PageContent): PageLine[] {
	const runs = cleanRuns(page.runs);
	const tables = findTables(page.hrules, page.vrules);
	const cellRuns = tables.map((t) => t.cells.map((): TextRun[] => []));
	const free: TextRun[] = [];
	for (const r of splitAtBorders(runs, tables)) {
		const [ax, ay] = anchor(r);
		let placed = false;
		for (let ti = 0; ti < tables.length && !placed; ti++) {
			const t = tables[ti];
			if (!t || !inside(t.box, ax, ay)) continue;
			const ci = t.cells.findIndex((c) => inside(c, ax, ay));
			if (ci >= 0) {
				cellRuns[ti]?.[ci]?.push(r);
				placed = true;
			}
		}
		if (!placed) free.push(r);
	}

	const placed: Placed[] = [];
	tables.forEach((t, ti) => {
		const lines = tableRows(t, cellRuns[ti] ?? []);
		if (lines.length > 0) placed.push({ top: t.box.top, lines });
	});
	for (const item of findUnruledTables(groupLines(free))) {
		if (item.kind === 'text')
			placed.push({
				top: item.line.box.top,
				lines: [{ cells: [item.line.text], isRow: false, box: item.line.box, block: 0 }]
			});
		else
			placed.push({
				top: item.top,
				lines: item.rows.map((r) => ({ cells: r.cells, isRow: true, box: r.box, block: 0 }))
			});
	}
	placed.sort((a, b) => a.top - b.top);

	// Consecutive narrative lines share a block; every table is a block of its own.
	const out: PageLine[] = [];
	let block = -1;
	let prevWasText = false;
	for (const p of placed) {
		const isText = p.lines.length === 1 && p.lines[0]?.isRow === false;
		if (!(isText && prevWasText)) block++;
		prevWasText = isText;
		for (const l of p.lines) out.push({ ...l, block });
	}
	return out;
}

/** Cuts runs that cross a cell border of the table they sit in (split.ts). */
function splitAtBorders(runs: TextRun[], tables: GridTable[]): TextRun[] {
	if (tables.length === 0) return runs;
	const out: TextRun[] = [];
	for (const r of runs) {
		const [ax, ay] = anchor(r);
		const t = tables.find((tb) => inside(tb.box, ax, ay));
		if (!t) {
			out.push(r);
			continue;
		}
		const borders = new Set<number>();
		for (const c of t.cells) {
			if (ay < c.top || ay > c.bottom) continue;
			borders.add(c.x0);
			borders.add(c.x1);
		}
		out.push(
			...splitRunAt(
				r,
				[...borders].sort((a, b) => a - b)
			)
		);
	}
	return out;
}

function tableRows(t: GridTable, runsByCell: TextRun[][]): PageLine[] {
	const out: PageLine[] = [];
	for (const top of t.rows) {
		const cells: string[] = t.columns.map(() => '');
		let box: Box | null = null;
		let any = false;
		t.cells.forEach((c, ci) => {
			if (Math.abs(c.top - top) > EDGE) return;
			const col = t.columns.findIndex((x) => Math.abs(x - c.x0) <= EDGE);
			if (col < 0) return;
			const text = cellText(runsByCell[ci] ?? []);
			cells[col] = text;
			if (text !== '') any = true;
			box = box
				? {
						x0: Math.min(box.x0, c.x0),
						top: Math.min(box.top, c.top),
						x1: Math.max(box.x1, c.x1),
						bottom: Math.max(box.bottom, c.bottom)
					}
				: { ...c };
		});
		if (!any || !box) continue;
		out.push({ cells, isRow: cells.length > 1, box, block: 0 });
	}
	return out;
}
