/**
 * pdf.js sometimes reports the text of two neighbouring table cells as one
 * run ("371,514,655.00 一、一般公共服务支出"). This module cuts such a run
 * at the cell borders it crosses, estimating glyph positions (full-width
 * CJK ≈ 1 em, other characters ≈ ½ em, scaled to the run's real width) and
 * preferring to cut at a space near the border.
 */
import type { TextRun } from './types';

/** How far (points) a run must reach past a border before it is cut. */
const OVERLAP = 1.5;

function isWide(ch: string): boolean {
	const c = ch.codePointAt(0) ?? 0;
	return (
		(c >= 0x2e80 && c <= 0x9fff) ||
		(c >= 0xf900 && c <= 0xfaff) ||
		(c >= 0xff01 && c <= 0xff60) ||
		(c >= 0xffe0 && c <= 0xffe6) ||
		c === 0x2018 ||
		c === 0x2019 ||
		c === 0x201c ||
		c === 0x201d ||
		c === 0x2026 ||
		c === 0x2014
	);
}

/** Estimated left edge of every character, plus the end, scaled to the run width. */
function positions(r: TextRun): { chars: string[]; xs: number[] } {
	const chars = Array.from(r.str);
	const est = chars.map((ch) => (isWide(ch) ? 1 : 0.5));
	const total = est.reduce((s, v) => s + v, 0) || 1;
	const scale = r.width / total;
	const xs: number[] = [r.x];
	for (const e of est) xs.push((xs[xs.length - 1] ?? r.x) + e * scale);
	return { chars, xs };
}

/**
 * Cuts `r` at each border x in `borders` (sorted ascending) that lies inside
 * the run. Pieces keep the run's baseline and size.
 */
export function splitRunAt(r: TextRun, borders: number[]): TextRun[] {
	const inside = borders.filter((b) => b > r.x + OVERLAP && b < r.x + r.width - OVERLAP);
	if (inside.length === 0 || r.str.length < 2) return [r];
	const { chars, xs } = positions(r);
	const cuts: number[] = [];
	for (const b of inside) {
		// First character starting at or after the border.
		let k = xs.findIndex((x, i) => i < chars.length && x >= b - 0.01);
		if (k <= 0) continue;
		// Prefer a nearby space as the cut point.
		for (let d = 0; d <= 3; d++) {
			if (chars[k - 1 - d] === ' ') {
				k = k - d;
				break;
			}
			if (chars[k + d] === ' ') {
				k = k + d + 1;
				break;
			}
		}
		if (k > 0 && k < chars.length && !cuts.includes(k)) cuts.push(k);
	}
	if (cuts.length === 0) return [r];
	cuts.sort((a, b) => a - b);
	const out: TextRun[] = [];
	let start = 0;
	for (const k of [...cuts, chars.length]) {
		const piece = chars.slice(start, k).join('');
		const lead = piece.length - piece.trimStart().length;
		const str = piece.trim();
		if (str !== '') {
			const x0 = xs[start + lead] ?? r.x;
			const x1 = xs[start + lead + Array.from(str).length] ?? r.x + r.width;
			out.push({ ...r, str, x: x0, width: Math.max(0, x1 - x0) });
		}
		start = k;
	}
	return out;
}
