/**
 * Table grids from ruling lines, in the manner of pdfplumber's "lines"
 * strategy: snap nearly collinear rules together, join touching pieces,
 * find where horizontal and vertical rules cross, build the smallest
 * closed cell from each crossing, and group cells that share corners into
 * tables. A table's columns are the distinct left edges of its cells and
 * its rows the distinct top edges, so a cell spanning columns or rows sits
 * in its first column / row (the text extraction's convention).
 */
import type { Box, HRule, VRule } from './types';

/** Rules closer than this (points) are the same line; gaps up to JOIN are bridged. */
const SNAP = 3;
const JOIN = 3;
/** How far a crossing may miss a rule's end. */
const REACH = 3;
/** Guards against pathological pages (thousands of hairlines). */
const MAX_RULES = 4000;
const MAX_CROSSINGS = 20000;
/** Corner checks allowed per page while looking for cells; bounds the worst case. */
const MAX_CHECKS = 2_000_000;

export interface GridTable {
	box: Box;
	/** Column left edges and row top edges, sorted. */
	columns: number[];
	rows: number[];
	cells: Box[];
}

interface Line {
	pos: number;
	from: number;
	to: number;
}

/** Clusters lines by position (within SNAP), then merges overlapping/touching pieces. */
export function snapAndJoin(lines: Line[]): Line[] {
	const sorted = [...lines].sort((a, b) => a.pos - b.pos);
	const clusters: Line[][] = [];
	for (const l of sorted) {
		const last = clusters[clusters.length - 1];
		const lastFirst = last?.[0];
		if (last && lastFirst && l.pos - lastFirst.pos <= SNAP) last.push(l);
		else clusters.push([l]);
	}
	const out: Line[] = [];
	for (const group of clusters) {
		const pos = group.reduce((s, l) => s + l.pos, 0) / group.length;
		const pieces = [...group].sort((a, b) => a.from - b.from);
		let cur: Line | null = null;
		for (const p of pieces) {
			if (cur && p.from <= cur.to + JOIN) cur.to = Math.max(cur.to, p.to);
			else {
				if (cur) out.push(cur);
				cur = { pos, from: p.from, to: p.to };
			}
		}
		if (cur) out.push(cur);
	}
	return out;
}

interface Crossing {
	x: number;
	y: number;
	h: number;
	v: number;
}

/** Finds the table grids formed by the page's rules. */
export function findTables(hrules: HRule[], vrules: VRule[]): GridTable[] {
	if (hrules.length + vrules.length > MAX_RULES) return [];
	const hs = snapAndJoin(hrules.map((r) => ({ pos: r.y, from: r.x0, to: r.x1 })));
	const vs = snapAndJoin(vrules.map((r) => ({ pos: r.x, from: r.y0, to: r.y1 })));
	const crossings: Crossing[] = [];
	for (let vi = 0; vi < vs.length; vi++) {
		const v = vs[vi];
		if (!v) continue;
		for (let hi = 0; hi < hs.length; hi++) {
			const h = hs[hi];
			if (!h) continue;
			if (
				v.pos >= h.from - REACH &&
				v.pos <= h.to + REACH &&
				h.pos >= v.from - REACH &&
				h.pos <= v.to + REACH
			) {
				crossings.push({ x: v.pos, y: h.pos, h: hi, v: vi });
				if (crossings.length > MAX_CROSSINGS) return [];
			}
		}
	}
	// Index crossings by vertical line (sorted by y) and by horizontal line (sorted by x).
	const byV = new Map<number, Crossing[]>();
	const byH = new Map<number, Crossing[]>();
	for (const c of crossings) {
		(byV.get(c.v) ?? byV.set(c.v, []).get(c.v))?.push(c);
		(byH.get(c.h) ?? byH.set(c.h, []).get(c.h))?.push(c);
	}
	for (const list of byV.values()) list.sort((a, b) => a.y - b.y);
	for (const list of byH.values()) list.sort((a, b) => a.x - b.x);
	const at = new Map<string, Crossing>();
	for (const c of crossings) at.set(`${c.h}:${c.v}`, c);

	const cells: Box[] = [];
	let checks = 0;
	for (const tl of crossings) {
		if (checks > MAX_CHECKS) break;
		// Smallest cell with tl as its top-left corner: walk down the vertical
		// line and right along the horizontal line, nearest first.
		const below = (byV.get(tl.v) ?? []).filter((c) => c.y > tl.y + 0.5);
		const right = (byH.get(tl.h) ?? []).filter((c) => c.x > tl.x + 0.5);
		let found: Box | null = null;
		for (const b of below) {
			for (const r of right) {
				checks++;
				const br = at.get(`${b.h}:${r.v}`);
				if (br) {
					found = { x0: tl.x, top: tl.y, x1: r.x, bottom: b.y };
					break;
				}
			}
			if (found) break;
		}
		if (found) cells.push(found);
	}
	return groupCells(cells);
}

/** Groups cells sharing a corner into tables (union-find over corner keys). */
function groupCells(cells: Box[]): GridTable[] {
	const parent = cells.map((_, i) => i);
	const find = (i: number): number => {
		let r = i;
		while (parent[r] !== r) r = parent[r] ?? r;
		let j = i;
		while (parent[j] !== r) {
			const next = parent[j] ?? r;
			parent[j] = r;
			j = next;
		}
		return r;
	};
	const owner = new Map<string, number>();
	const key = (x: number, y: number) => `${Math.round(x)}:${Math.round(y)}`;
	cells.forEach((c, i) => {
		for (const k of [
			key(c.x0, c.top),
			key(c.x1, c.top),
			key(c.x0, c.bottom),
			key(c.x1, c.bottom)
		]) {
			const o = owner.get(k);
			if (o === undefined) owner.set(k, i);
			else parent[find(i)] = find(o);
		}
	});
	const groups = new Map<number, Box[]>();
	cells.forEach((c, i) => {
		const r = find(i);
		(groups.get(r) ?? groups.set(r, []).get(r))?.push(c);
	});
	const tables: GridTable[] = [];
	for (const group of groups.values()) {
		if (group.length < 2) continue;
		const box = group.reduce<Box>(
			(b, c) => ({
				x0: Math.min(b.x0, c.x0),
				top: Math.min(b.top, c.top),
				x1: Math.max(b.x1, c.x1),
				bottom: Math.max(b.bottom, c.bottom)
			}),
			{ ...(group[0] as Box) }
		);
		tables.push({
			box,
			columns: distinct(group.map((c) => c.x0)),
			rows: distinct(group.map((c) => c.top)),
			cells: group
		});
	}
	return tables.sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);
}

function distinct(values: number[]): number[] {
	const sorted = [...values].sort((a, b) => a - b);
	const out: number[] = [];
	for (const v of sorted) {
		const last = out[out.length - 1];
		if (last === undefined || v - last > 1) out.push(v);
	}
	return out;
}
