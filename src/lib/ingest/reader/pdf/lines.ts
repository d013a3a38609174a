/**
 * Text runs → printed lines: runs on the same baseline form a line, read
 * left to right; a visible gap between runs becomes one space. Used for
 * narrative text and for the text inside one table cell (whose wrapped
 * lines are then joined with a space, as the text extraction does).
 */
import { runBox, unionBox, type Box, type TextRun } from './types';

/** Runs whose baselines differ by less than this fraction of the font size share a line. */
const SAME_LINE = 0.45;
/** A gap wider than this (points) between runs is a space (pdfplumber's x_tolerance). */
const SPACE_GAP = 3;

export interface TextLine {
	runs: TextRun[];
	baseline: number;
	box: Box;
	text: string;
}

/** Drops empty runs, normalizes whitespace and removes duplicated runs (fake bold). */
export function cleanRuns(runs: TextRun[]): TextRun[] {
	const out: TextRun[] = [];
	const seen = new Set<string>();
	for (const r of runs) {
		const str = r.str.replace(/[\t\r\n\f\v\u00a0\u3000]/g, ' ');
		if (str.trim() === '') continue;
		if (!Number.isFinite(r.x) || !Number.isFinite(r.baseline) || !(r.size > 0)) continue;
		const key = `${str}@${Math.round(r.x)}:${Math.round(r.baseline)}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push({ ...r, str });
	}
	return out;
}

/** Groups runs into lines, top to bottom. */
export function groupLines(runs: TextRun[]): TextLine[] {
	const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
	const groups: TextRun[][] = [];
	let current: TextRun[] = [];
	let base = 0;
	let size = 0;
	for (const r of sorted) {
		if (current.length > 0 && Math.abs(r.baseline - base) <= SAME_LINE * Math.min(size, r.size)) {
			current.push(r);
			continue;
		}
		if (current.length > 0) groups.push(current);
		current = [r];
		base = r.baseline;
		size = r.size;
	}
	if (current.length > 0) groups.push(current);
	return groups.map((g) => {
		const ordered = g.sort((a, b) => a.x - b.x);
		let box: Box | null = null;
		for (const r of ordered) box = unionBox(box, runBox(r));
		return {
			runs: ordered,
			baseline: ordered[0]?.baseline ?? 0,
			box: box as Box,
			text: joinRuns(ordered)
		};
	});
}

/** Ideographs, CJK punctuation and full-width forms: no spaces between them in Chinese text. */
const CJK =
	'\\u2e80-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019';
const CJK_CHAR = new RegExp(`[${CJK}]`);
/** A space pdf.js put between two CJK characters of one run (letter-spaced or justified text). */
const CJK_SPACE_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');
/** Between two CJK characters only a gap wider than this many ems is a space. */
const CJK_GAP_EM = 0.5;

/**
 * pdf.js puts a space into a run wherever glyphs stand apart, even by a
 * fraction of a point (justified Chinese text). Estimate the width of those
 * spaces from the run's width (CJK ≈ 1 em, other characters ≈ ½ em) and drop
 * the ones between CJK characters that are narrower than SPACE_GAP, the
 * text extraction's tolerance.
 */
function narrowCjkSpaces(r: TextRun): string {
	const spaces = r.str.match(CJK_SPACE_CJK)?.length ?? 0;
	if (spaces === 0) return r.str;
	let glyphs = 0;
	let blanks = 0;
	for (const ch of r.str) {
		if (ch === ' ') blanks++;
		else glyphs += CJK_CHAR.test(ch) ? 1 : 0.5;
	}
	const gap = (r.width - glyphs * r.size) / Math.max(1, blanks);
	return gap > SPACE_GAP ? r.str : r.str.replace(CJK_SPACE_CJK, '');
}

/** Joins the runs of one line, adding a space where the gap between them is visible. */
export function joinRuns(runs: TextRun[]): string {
	let text = '';
	let end = -Infinity;
	for (const r of runs) {
		const str = narrowCjkSpaces(r);
		if (text !== '') {
			const gap = r.x - end;
			const cjk = CJK_CHAR.test(text.slice(-1)) && CJK_CHAR.test(str.charAt(0));
			const wide = cjk ? gap > Math.max(SPACE_GAP, CJK_GAP_EM * r.size) : gap > SPACE_GAP;
			if (wide && !text.endsWith(' ') && !str.startsWith(' ')) text += ' ';
		}
		text += str;
		end = Math.max(end, r.x + r.width);
	}
	return text.replace(/ {2,}/g, ' ').trim();
}

/** The text of one table cell: its lines joined with a space. */
export function cellText(runs: TextRun[]): string {
	return groupLines(runs)
		.map((l) => l.text)
		.filter((t) => t !== '')
		.join(' ');
}
