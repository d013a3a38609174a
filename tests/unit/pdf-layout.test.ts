/**
 * The PDF reader's geometry on synthetic pages (no pdf.js): ruling lines
 * from an operator list, table grids with spanning cells, splitting runs
 * that cross cell borders, joining runs into lines, and page layout.
 */
import { describe, expect, it } from 'vitest';
import { findTables, snapAndJoin } from '../../src/lib/ingest/reader/pdf/grid';
import { layoutPage } from '../../src/lib/ingest/reader/pdf/layout';
import { cellText, groupLines, joinRuns } from '../../src/lib/ingest/reader/pdf/lines';
import { extractRules, type OpCodes } from '../../src/lib/ingest/reader/pdf/rules';
import { splitRunAt } from '../../src/lib/ingest/reader/pdf/split';
import type { HRule, TextRun, VRule } from '../../src/lib/ingest/reader/pdf/types';

const OPS: OpCodes = {
	save: 10,
	restore: 11,
	transform: 12,
	paintFormXObjectBegin: 74,
	paintFormXObjectEnd: 75,
	constructPath: 91,
	setStrokeRGBColor: 58,
	setFillRGBColor: 59,
	stroke: 20,
	closeStroke: 21,
	fill: 22,
	eoFill: 23,
	fillStroke: 24,
	eoFillStroke: 25,
	closeFillStroke: 26,
	closeEOFillStroke: 27
};
const M = 0;
const L = 1;
const Z = 4;
const rect = (x: number, y: number, w: number, h: number) =>
	Float32Array.from([M, x, y, L, x + w, y, L, x + w, y + h, L, x, y + h, Z]);
const run = (str: string, x: number, baseline: number, width: number, size = 10): TextRun => ({
	str,
	x,
	baseline,
	width,
	size
});

/** Rules of a grid: horizontal lines at ys spanning xs, vertical lines at xs spanning ys. */
function grid(xs: number[], ys: number[]): { h: HRule[]; v: VRule[] } {
	const x0 = Math.min(...xs);
	const x1 = Math.max(...xs);
	const y0 = Math.min(...ys);
	const y1 = Math.max(...ys);
	return {
		h: ys.map((y) => ({ y, x0, x1 })),
		v: xs.map((x) => ({ x, y0, y1 }))
	};
}

describe('ruling lines from the operator list', () => {
	it('follows the CTM into page space and keeps strokes and thin fills', () => {
		// Page 100×200 pt; the content flips y (top-left origin) like many PDFs do.
		const fn = [
			OPS.transform,
			OPS.constructPath,
			OPS.save,
			OPS.setFillRGBColor,
			OPS.constructPath, // white background: ignored
			OPS.restore,
			OPS.constructPath, // thin black fill: a horizontal rule
			OPS.save,
			OPS.transform,
			OPS.constructPath, // stroked line inside a translated group
			OPS.restore
		];
		const args = [
			[1, 0, 0, -1, 0, 200],
			[OPS.stroke, [rect(10, 20, 50, 30)], null],
			null,
			['#ffffff'],
			[OPS.fill, [rect(0, 0, 100, 200)], null],
			null,
			[OPS.fill, [rect(10, 100, 80, 0.8)], null],
			null,
			[1, 0, 0, 1, 5, 5],
			[OPS.stroke, [Float32Array.from([M, 0, 150, L, 0, 180])], null],
			null
		];
		// Viewport of a 100×200 page at scale 1: flips y.
		const { hrules, vrules } = extractRules(fn, args, OPS, { viewport: [1, 0, 0, -1, 0, 200] });
		expect(hrules).toEqual([
			{ y: 20, x0: 10, x1: 60 },
			{ y: 50, x0: 10, x1: 60 },
			{ y: expect.closeTo(100.4, 3), x0: 10, x1: 90 }
		]);
		expect(vrules).toEqual([
			{ x: 60, y0: 20, y1: 50 },
			{ x: 10, y0: 20, y1: 50 },
			{ x: 5, y0: 155, y1: 185 }
		]);
	});

	it('ignores curves, clipping paths and unknown path codes', () => {
		const fn = [OPS.constructPath, OPS.constructPath, OPS.constructPath];
		const args = [
			[OPS.stroke, [Float32Array.from([M, 0, 0, 2, 1, 1, 2, 2, 3, 3])], null],
			[99, [rect(0, 0, 10, 10)], null],
			[OPS.stroke, [Float32Array.from([M, 0, 0, 7, 1, 1])], null]
		];
		const { hrules, vrules } = extractRules(fn, args, OPS, { viewport: [1, 0, 0, -1, 0, 100] });
		expect([...hrules, ...vrules]).toEqual([]);
	});
});

describe('table grids', () => {
	it('snaps nearly collinear rules and joins touching pieces', () => {
		const out = snapAndJoin([
			{ pos: 10, from: 0, to: 50 },
			{ pos: 11.5, from: 51, to: 100 },
			{ pos: 10.5, from: 120, to: 130 },
			{ pos: 40, from: 0, to: 100 }
		]);
		expect(out.map((l) => [Math.round(l.pos), l.from, l.to])).toEqual([
			[11, 0, 100],
			[11, 120, 130],
			[40, 0, 100]
		]);
	});

	it('finds cells, with a header cell spanning two columns', () => {
		const g = grid([0, 100, 200, 300], [0, 20, 40, 60]);
		// Remove the vertical rule between columns 2 and 3 in the header row.
		const v = g.v.map((r) => (r.x === 200 ? { x: 200, y0: 20, y1: 60 } : r));
		const [table, ...rest] = findTables(g.h, v);
		expect(rest).toEqual([]);
		expect(table?.columns).toEqual([0, 100, 200]);
		expect(table?.rows).toEqual([0, 20, 40]);
		expect(table?.cells).toHaveLength(8);
		expect(table?.cells).toContainEqual({ x0: 100, top: 0, x1: 300, bottom: 20 });
	});

	it('keeps separate tables apart and ignores lone boxes', () => {
		const a = grid([0, 50, 100], [0, 20, 40]);
		const b = grid([0, 50, 100], [200, 220]);
		const box = grid([300, 400], [300, 320]);
		const tables = findTables([...a.h, ...b.h, ...box.h], [...a.v, ...b.v, ...box.v]);
		expect(tables.map((t) => [t.box.top, t.cells.length])).toEqual([
			[0, 4],
			[200, 2]
		]);
	});

	it('gives up on pathological pages instead of hanging', () => {
		const many = grid(
			Array.from({ length: 2100 }, (_, i) => i * 2),
			Array.from({ length: 2100 }, (_, i) => i * 2)
		);
		expect(findTables(many.h, many.v)).toEqual([]);
	});
});

describe('runs and lines', () => {
	it('splits a run that crosses a cell border, at the space near it', () => {
		// "371,514,655.00" (14 narrow chars = 7 em) + space + 10 CJK chars; 10 pt font.
		const r = run('371,514,655.00 一、一般公共服务支出', 100, 50, 175);
		const parts = splitRunAt(r, [0, 176, 400]);
		expect(parts.map((p) => p.str)).toEqual(['371,514,655.00', '一、一般公共服务支出']);
		expect(parts[1]?.x).toBeGreaterThan(170);
		expect(splitRunAt(run('合计', 10, 50, 20), [15])).toHaveLength(2);
		expect(splitRunAt(run('合计', 10, 50, 20), [40])).toHaveLength(1);
	});

	it('joins runs with a space only where the gap is visible', () => {
		expect(joinRuns([run('编制部门：万里街道', 60, 50, 108), run('单位：元', 700, 50, 48)])).toBe(
			'编制部门：万里街道 单位：元'
		);
		expect(joinRuns([run('其中：', 60, 50, 30), run('财政拨款', 94, 50, 40)])).toBe(
			'其中：财政拨款'
		);
		expect(joinRuns([run('收入', 60, 50, 20), run('2024', 84, 50, 20)])).toBe('收入 2024');
		// pdf.js spaces inside justified CJK text are dropped; wide letter-spacing is kept.
		expect(joinRuns([run('社 会 保 障', 0, 50, 42)])).toBe('社会保障');
		expect(joinRuns([run('因 公 出 国', 0, 50, 70)])).toBe('因 公 出 国');
	});

	it('groups runs by baseline and joins wrapped cell lines with a space', () => {
		const runs = [run('事业单位', 0, 20, 40), run('经营收入', 0, 32, 40), run('合计', 0, 80, 20)];
		expect(groupLines(runs).map((l) => l.text)).toEqual(['事业单位', '经营收入', '合计']);
		expect(cellText(runs.slice(0, 2))).toBe('事业单位 经营收入');
	});
});

describe('page layout', () => {
	it('emits narrative lines and table rows in reading order, in blocks', () => {
		const g = grid([50, 150, 250], [100, 120, 140, 160]);
		const lines = layoutPage({
			page: 1,
			width: 300,
			height: 300,
			hrules: g.h,
			vrules: g.v,
			runs: [
				run('收支总表', 50, 60, 40),
				run('单位：万元', 50, 80, 50),
				run('项目', 55, 114, 20),
				run('金额', 155, 114, 20),
				run('合计', 55, 134, 20),
				run('12.50', 155, 134, 25),
				run('注：本表为空表。', 50, 200, 80),
				run('  ', 50, 220, 10)
			]
		});
		expect(lines.map((l) => [l.block, l.isRow, l.cells])).toEqual([
			[0, false, ['收支总表']],
			[0, false, ['单位：万元']],
			[1, true, ['项目', '金额']],
			[1, true, ['合计', '12.50']],
			[2, false, ['注：本表为空表。']]
		]);
		expect(lines[2]?.box).toEqual({ x0: 50, top: 100, x1: 250, bottom: 120 });
	});

	it('reads a table printed without ruling lines from wide gaps, keeping empty cells', () => {
		const lines = layoutPage({
			page: 1,
			width: 600,
			height: 400,
			hrules: [],
			vrules: [],
			runs: [
				run('编制部门：万里街道', 50, 40, 90),
				run('单位：元', 450, 40, 40),
				run('项目', 50, 80, 20),
				run('预算数', 250, 80, 30),
				run('上年数', 400, 80, 30),
				run('一、财政拨款收入', 50, 100, 80),
				run('156,211,123', 240, 100, 55),
				run('150,000,000', 390, 100, 55),
				run('二、事业收入', 50, 120, 60),
				run('12,000', 405, 120, 30),
				run('说明：以上为预算数。', 50, 160, 100)
			]
		});
		expect(lines.map((l) => [l.block, l.isRow, l.cells])).toEqual([
			[0, false, ['编制部门：万里街道 单位：元']],
			[1, true, ['项目', '预算数', '上年数']],
			[1, true, ['一、财政拨款收入', '156,211,123', '150,000,000']],
			[1, true, ['二、事业收入', '', '12,000']],
			[2, false, ['说明：以上为预算数。']]
		]);
	});
});
