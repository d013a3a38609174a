/**
 * Jiangsu's 收入预算总表 lists income by source (一般公共预算资金, 政府性基金,
 * 财政专户管理资金, 其他资金, 上年结转…) instead of by function. It becomes one
 * level-0 income_by_function row (func_name '收入总计') whose columns carry the
 * per-source subtotals; the detail lines under each subtotal are claimed as
 * part of it.
 */
import type Decimal from 'decimal.js';
import { parseAmount, sum } from '../amount';
import type { ParseContext } from '../context';
import type { AmountUnit, IncomeByFunctionRecord } from '../model';
import { compact, isNumeric, type Grid } from '../recognize/financial/grid';
import { claimRow } from './classified';

type Source =
	| 'total'
	| 'general'
	| 'gov_fund'
	| 'special'
	| 'other'
	| 'business'
	| 'operating'
	| 'other_income'
	| 'debt'
	| 'carryover';

/** True when an income table has no classification codes but source lines. */
export function isIncomeBySource(grid: Grid): boolean {
	return (
		!grid.labels.some((l) => /编码|代码|^类$/.test(l)) &&
		grid.rows.some((r) => r.cells.some((c) => /^收入(总计|合计)$/.test(compact(c))))
	);
}

export function normalizeIncomeBySource(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit
): IncomeByFunctionRecord[] {
	const table = 'income_by_function';
	const got: Partial<Record<Source, Decimal | null>> = {};
	let group = '';
	let first: number | null = null;
	for (const row of grid.rows) {
		const texts = row.cells.filter((c) => c !== '' && !isNumeric(c)).map(compact);
		const figure = [...row.cells].reverse().find((c) => isNumeric(c)) ?? '';
		const parsed = parseAmount(figure, row.unit ?? unit);
		if (!parsed.ok) {
			ctx.report(row.line, table, 'error', 'bad_amount', parsed.reason);
			continue;
		}
		// The source group is printed in the first column; detail lines leave it empty.
		const head = compact(row.cells[0] ?? '');
		if (head !== '' && !isNumeric(head)) group = head;
		const label = texts[texts.length - 1] ?? '';
		const subtotal = /小计/.test(label);
		let key: Source | null = null;
		if (/收入(总计|合计)/.test(label)) key = 'total';
		else if (subtotal && /一般公共预算/.test(group)) key = 'general';
		else if (subtotal && /政府性基金/.test(group)) key = 'gov_fund';
		else if (subtotal && /财政专户/.test(group)) key = 'special';
		else if (subtotal && /结转|结余/.test(group)) key = 'carryover';
		else if (/其他资金/.test(group) && !subtotal) {
			if (/事业收入/.test(label)) key = 'business';
			else if (/经营收入/.test(label)) key = 'operating';
			else if (/债务/.test(label)) key = 'debt';
			else if (/其他收入/.test(label)) key = 'other_income';
		} else if (subtotal && /其他资金/.test(group)) key = 'other';
		if (key) got[key] = parsed.value;
		first ??= row.line;
		claimRow(ctx, table, row);
	}
	if (first === null) return [];
	const v = (k: Source) => got[k] ?? null;
	return [
		{
			doc_id: ctx.docId,
			func_code: null,
			func_name: '收入总计',
			level: 0,
			source_line: first,
			total: v('total'),
			current_year: sum([v('general'), v('gov_fund'), v('special'), v('other')]),
			fiscal_appropriation: sum([v('general'), v('gov_fund')]),
			fiscal_special_account: v('special'),
			business_income: v('business'),
			operating_income: v('operating'),
			superior_subsidy: null,
			subordinate_remittance: null,
			other_income: sum([v('other_income'), v('debt')]),
			carryover: v('carryover')
		}
	];
}
