/**
 * Normalizer for the “三公”经费 tables → three_public (+ related_expenses).
 *
 * Two shapes: Hebei prints one category per row (项目 column, 合计 first
 * amount column); Shanghai and Jiangsu print one row with a column per
 * category, read by header label — Shanghai adds 机关运行经费 (admin_operation),
 * Jiangsu 会议费 and 培训费 (meeting, training).
 */
import type Decimal from 'decimal.js';
import { parseAmount } from '../amount';
import type { ParseContext } from '../context';
import type {
	AmountUnit,
	RelatedExpenseCategory,
	RelatedExpenseRecord,
	ThreePublicCategory,
	ThreePublicRecord
} from '../model';
import { compact, findLabel, type Grid, type LogicalRow } from '../recognize/financial/grid';
import { claimRow, cleanName, fitCells } from './classified';

type Category = ThreePublicCategory | RelatedExpenseCategory | 'grand_total';

export interface ThreePublicOut {
	three_public: ThreePublicRecord[];
	related_expenses: RelatedExpenseRecord[];
}

/** Category named by one label or row item (`公务接待费`, `“三公”经费小计`). */
function single(t: string): Category | null {
	if (/机关运行/.test(t)) return 'admin_operation';
	if (/会议费/.test(t)) return 'meeting';
	if (/培训费/.test(t)) return 'training';
	if (/三公.*(小计|合计)|^(.*年)?三公经费(预算数|决算数)?$/.test(t)) return 'total';
	if (/因公出国/.test(t)) return /其中|其他|教学/.test(t) ? null : 'outbound_travel';
	if (/购置及运/.test(t)) return 'vehicle_total';
	if (/购置/.test(t)) return 'vehicle_purchase';
	if (/运行|运维/.test(t)) return 'vehicle_operation';
	if (/接待/.test(t)) return 'reception';
	return null;
}

/**
 * Category of a column label path (`公务用车购置及运行费/小计/预算数`), read from
 * its most specific part up; or of a row item when `columnar` is false.
 */
export function categoryOf(text: string, columnar: boolean): Category | null {
	const parts = compact(text)
		.replace(/[“”"]/g, '')
		.split('/')
		.filter((p) => p !== '');
	if (!columnar) {
		const t = parts.join('');
		return /^(合计|总计)$/.test(t) ? 'total' : single(t);
	}
	for (let i = parts.length - 1; i >= 0; i--) {
		const part = parts[i] ?? '';
		const parent = parts.slice(0, i).join('/');
		if (/^(预算数?|决算数?|执行数)$/.test(part)) continue;
		if (part === '小计') {
			if (/公务用车/.test(parent)) return 'vehicle_total';
			if (/三公/.test(parent)) return 'total';
			continue;
		}
		if (/^(合计|总计)$/.test(part)) return /三公/.test(parent) ? 'total' : 'grand_total';
		const c = single(part);
		if (c) return c;
	}
	return null;
}

/** Measure of a column: 决算数 columns are actuals, 预算数 columns budgets. */
function measureOf(label: string, fallback: 'budget' | 'actual'): 'budget' | 'actual' {
	if (/决算/.test(label)) return 'actual';
	if (/预算/.test(label)) return 'budget';
	return fallback;
}

export function normalizeThreePublic(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit,
	fiscalYear: number | null,
	measure: 'budget' | 'actual'
): ThreePublicOut {
	const out: ThreePublicOut = { three_public: [], related_expenses: [] };
	const totals = new Set<'budget' | 'actual'>();
	const add = (
		cat: Category,
		amount: Decimal | null,
		row: LogicalRow,
		m: 'budget' | 'actual' = measure
	) => {
		const base = {
			doc_id: ctx.docId,
			fiscal_year: fiscalYear,
			amount,
			measure: m,
			source_line: row.line
		};
		if (cat === 'meeting' || cat === 'training' || cat === 'admin_operation')
			out.related_expenses.push({ ...base, category: cat, source: 'table' });
		else if (cat !== 'grand_total') {
			// Keep the first total per measure (the “三公”经费小计 row is read first).
			if (cat === 'total') {
				if (totals.has(m)) return;
				totals.add(m);
			}
			out.three_public.push({ ...base, category: cat, source: 'table' });
		}
	};
	const itemCol = findLabel(grid.labels, /项目/);
	if (itemCol >= 0) {
		// Row-wise (Hebei): 序号 | 项目 | 合计 | per fund…; the “三公”经费小计 row is the total.
		const sorted = [...grid.rows].sort((a, b) => rank(a, itemCol) - rank(b, itemCol));
		for (const row of sorted) {
			const item = cleanName(row.cells[itemCol] ?? '');
			const cat = categoryOf(item, false);
			const parsed = parseAmount(row.cells[itemCol + 1] ?? '', row.unit ?? unit);
			if (!parsed.ok) {
				ctx.report(row.line, 'three_public', 'error', 'bad_amount', parsed.reason);
				continue;
			}
			if (cat === null) {
				if (parsed.value !== null && !parsed.value.isZero())
					ctx.report(
						row.line,
						'three_public',
						'info',
						'detail_not_modeled',
						`“三公”明细“${item}” ${parsed.value.toFixed()} 未单独存储`
					);
				else claimRow(ctx, 'three_public', row);
				continue;
			}
			add(cat, parsed.value, row);
			claimRow(ctx, 'three_public', row);
		}
		return out;
	}
	// Columnar (Shanghai, Jiangsu): one data row, a column per category.
	const cats = grid.labels.map((l) => categoryOf(l, true));
	for (const row of grid.rows) {
		const cells = fitCells(row.cells, grid.labels.length);
		let ok = true;
		const found: [Category, Decimal | null, 'budget' | 'actual'][] = [];
		cells.forEach((cell, i) => {
			const parsed = parseAmount(cell, row.unit ?? unit);
			if (!parsed.ok) {
				ctx.report(row.line, 'three_public', 'error', 'bad_amount', parsed.reason);
				ok = false;
				return;
			}
			const cat = cats[i];
			if (cat) found.push([cat, parsed.value, measureOf(grid.labels[i] ?? '', measure)]);
			else if (parsed.value !== null)
				ctx.report(
					row.line,
					'three_public',
					'info',
					'column_not_modeled',
					`列“${grid.labels[i] ?? i}”未识别 (column not recognized): ${cell}`
				);
		});
		if (!ok) continue;
		// A plain 合计 is the 三公 total only when no “三公” subtotal column exists.
		const hasTotal = found.some(([c]) => c === 'total');
		for (const [cat, value, m] of found)
			add(!hasTotal && cat === 'grand_total' ? 'total' : cat, value, row, m);
		claimRow(ctx, 'three_public', row);
	}
	return out;
}

/** Row-wise tables: read the “三公”经费小计 row before a plain 合计 row. */
function rank(row: LogicalRow, itemCol: number): number {
	const item = compact(row.cells[itemCol] ?? '');
	return /三公.*小计/.test(item) ? 0 : 1;
}
