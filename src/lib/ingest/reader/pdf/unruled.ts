/**
 * Tables printed without ruling lines: consecutive lines that each break
 * into three or more segments at wide gaps (≥ 2 em) are read as table rows,
 * and so are the lines right after them whose segments all start inside
 * those columns (rows with empty cells).
 * Columns are the x-ranges the rows' segments occupy, merged where they
 * overlap, so a row with an empty cell still lines up with the others.
 * Lines with fewer wide gaps stay narrative ("编制部门：… 单位：元").
 */
import { joinRuns, type TextLine } from './lines';
import { runBox, unionBox, type Box, type TextRun } from './types';

/** A gap at least this many ems (and GAP_MIN points) wide separates cells. */
const GAP_EM = 2;
const GAP_MIN = 12;
/** A line needs this many segments, and a table this many such lines. */
const MIN_SEGMENTS = 3;
const MIN_ROWS = 2;
/** Rows further apart than this many line heights end the table. */
const MAX_LEADING = 2.5;

interface Segment {
	runs: TextRun[];
	x0: number;
	x1: number;
}

function segments(line: TextLine): Segment[] {
	const out: Segment[] = [];
	for (const r of line.runs) {
		const last = out[out.length - 1];
		const gap = last ? r.x - last.x1 : Infinity;
		if (last && gap < Math.max(GAP_MIN, GAP_EM * r.size)) {
			last.runs.push(r);
			last.x1 = Math.max(last.x1, r.x + r.width);
		} else out.push({ runs: [r], x0: r.x, x1: r.x + r.width });
	}
	return out;
}

export type LayoutItem =
	| { kind: 'text'; line: TextLine }
	| { kind: 'table'; rows: { cells: string[]; box: Box }[]; top: number };

/** Splits narrative lines into plain lines and unruled tables, in order. */
export function findUnruledTables(lines: TextLine[]): LayoutItem[] {
	const segs = lines.map(segments);
	const out: LayoutItem[] = [];
	let i = 0;
	while (i < lines.length) {
		let j = i;
		while (
			j < lines.length &&
			(segs[j]?.length ?? 0) >= MIN_SEGMENTS &&
			(j === i || closeEnough(lines[j - 1], lines[j]))
		)
			j++;
		if (j - i >= MIN_ROWS) {
			// Rows with empty cells have fewer segments: they continue the table
			// when every segment starts inside one of its columns.
			const cols = columnsOf(segs.slice(i, j));
			while (
				j < lines.length &&
				(segs[j]?.length ?? 0) >= 2 &&
				closeEnough(lines[j - 1], lines[j]) &&
				(segs[j] ?? []).every((sg) => cols.some(([a, b]) => sg.x0 >= a - 0.5 && sg.x0 <= b + 0.5))
			)
				j++;
			out.push(tableOf(lines.slice(i, j), segs.slice(i, j)));
			i = j;
		} else {
			const line = lines[i];
			if (line) out.push({ kind: 'text', line });
			i++;
		}
	}
	return out;
}

function closeEnough(a: TextLine | undefined, b: TextLine | undefined): boolean {
	if (!a || !b) return false;
	const size = Math.max(...b.runs.map((r) => r.size));
	return b.baseline - a.baseline <= MAX_LEADING * size;
}

/** Column intervals: all segments' x-ranges, merged where they overlap. */
function columnsOf(segs: Segment[][]): [number, number][] {
	const ranges = segs
		.flat()
		.map((s) => [s.x0, s.x1] as [number, number])
		.sort((a, b) => a[0] - b[0]);
	const columns: [number, number][] = [];
	for (const [a, b] of ranges) {
		const last = columns[columns.length - 1];
		if (last && a <= last[1]) last[1] = Math.max(last[1], b);
		else columns.push([a, b]);
	}
	return columns;
}

function tableOf(lines: TextLine[], segs: Segment[][]): LayoutItem {
	const columns = columnsOf(segs);
	const rows = lines.map((line, li) => {
		const cells = columns.map(() => [] as TextRun[]);
		for (const s of segs[li] ?? []) {
			const col = columns.findIndex(([a, b]) => s.x0 >= a - 0.5 && s.x0 <= b + 0.5);
			cells[Math.max(0, col)]?.push(...s.runs);
		}
		let box: Box | null = null;
		for (const r of line.runs) box = unionBox(box, runBox(r));
		return { cells: cells.map((rs) => joinRuns(rs)), box: box ?? line.box };
	});
	return { kind: 'table', rows, top: lines[0]?.box.top ?? 0 };
}
