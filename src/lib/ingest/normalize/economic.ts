/**
 * Normalizers for tables classified by economic code (经济分类): the 基本支出
 * table → basic_by_economic, and Jiangsu's 机关运行经费 table, whose total
 * becomes a related_expenses 'admin_operation' record.
 */
import type { ParseContext } from '../context';
import type { AmountUnit, BasicByEconomicRecord, RelatedExpenseRecord } from '../model';
import type { Grid } from '../recognize/financial/grid';
import { claimRow, parseClassified, type FieldRule } from './classified';

type EconField = 'total' | 'personnel' | 'public';

const ECON_RULES: FieldRule<EconField>[] = [
	[/人员经费/, 'personnel'],
	[/公用经费/, 'public'],
	[/合计|总计|金额|基本支出|运行经费|决算数$/, 'total']
];

export function normalizeBasicEconomic(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit,
	table = 'basic_by_economic'
): BasicByEconomicRecord[] {
	const rows = parseClassified(
		ctx,
		grid,
		{ table, kind: 'economic', rules: ECON_RULES, fallback: 'total' },
		unit
	);
	return rows.map((r) => ({
		doc_id: ctx.docId,
		econ_code: r.code,
		econ_name: r.name,
		level: r.level === 3 ? 2 : r.level,
		total: r.values.total ?? null,
		personnel: r.values.personnel ?? null,
		public: r.values.public ?? null,
		source_line: r.row.line
	}));
}

/**
 * Jiangsu 一般公共预算机关运行经费支出预算表: the 合计 row is the 机关运行经费
 * figure; the economic breakdown has no snapshot table and is reported as
 * 'detail_not_modeled' (info) so its raw text is kept.
 */
export function normalizeAdminOperation(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit,
	fiscalYear: number | null,
	measure: 'budget' | 'actual'
): RelatedExpenseRecord[] {
	const rows = parseClassified(
		ctx,
		grid,
		{
			table: 'related_expenses',
			kind: 'economic',
			rules: ECON_RULES,
			fallback: 'total',
			deferClaim: true
		},
		unit
	);
	const out: RelatedExpenseRecord[] = [];
	for (const r of rows) {
		if (r.level === 0 && out.length === 0) {
			claimRow(ctx, 'related_expenses', r.row);
			out.push({
				doc_id: ctx.docId,
				fiscal_year: fiscalYear,
				category: 'admin_operation',
				amount: r.values.total ?? null,
				source: 'table',
				measure,
				source_line: r.row.line
			});
		} else {
			ctx.report(
				r.row.line,
				'related_expenses',
				'info',
				'detail_not_modeled',
				`机关运行经费明细 ${r.code ?? ''} ${r.name} ${r.values.total?.toFixed() ?? ''} 未单独存储 (breakdown row kept as issue)`
			);
		}
	}
	return out;
}
