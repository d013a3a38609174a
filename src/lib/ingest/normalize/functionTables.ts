/**
 * Normalizers for the tables classified by function (功能分类): 收入总表 →
 * income_by_function, 支出总表 → expenditure_by_function, and the 财政拨款
 * 支出表 of each fund → appropriation_by_function. Column meaning comes from
 * the header labels, so Hebei's 12-column and Shanghai's 5-column 收入总表 are
 * read by the same code.
 */
import type Decimal from 'decimal.js';
import type { ParseContext } from '../context';
import type {
	AmountUnit,
	AppropriationByFunctionRecord,
	ExpenditureByFunctionRecord,
	FundType,
	IncomeByFunctionRecord
} from '../model';
import type { Grid } from '../recognize/financial/grid';
import { parseClassified, type FieldRule, type ParsedRow } from './classified';

type IncomeField = Exclude<
	keyof IncomeByFunctionRecord,
	'doc_id' | 'func_code' | 'func_name' | 'level' | 'source_line'
>;
type ExpenditureField =
	'total' | 'basic' | 'project' | 'operating' | 'remit_superior' | 'subsidy_subordinate';
type AppropriationField = 'total' | 'basic' | 'project';

const INCOME_RULES: FieldRule<IncomeField>[] = [
	[/财政专户/, 'fiscal_special_account'],
	[/财政拨款|一般公共预算/, 'fiscal_appropriation'],
	[/事业单位经营|经营收入/, 'operating_income'],
	[/事业收入/, 'business_income'],
	[/上级补助/, 'superior_subsidy'],
	[/附属单位/, 'subordinate_remittance'],
	[/其他收入/, 'other_income'],
	[/上年结转|结转和结余|结余/, 'carryover'],
	[/小计/, 'current_year'],
	[/合计|总计|金额|收入预算$|决算数$/, 'total']
];

const EXPENDITURE_RULES: FieldRule<ExpenditureField>[] = [
	[/基本支出/, 'basic'],
	[/项目支出/, 'project'],
	[/经营支出/, 'operating'],
	[/上解上级/, 'remit_superior'],
	[/对附属单位补助/, 'subsidy_subordinate'],
	[/合计|总计|金额|支出预算$|决算数$/, 'total']
];

const APPROPRIATION_RULES: FieldRule<AppropriationField>[] = [
	[/基本支出/, 'basic'],
	[/项目支出/, 'project'],
	[/合计|总计|金额|支出$|决算数$/, 'total']
];

const v = <F extends string>(r: ParsedRow<F>, f: F): Decimal | null => r.values[f] ?? null;

function base<F extends string>(ctx: ParseContext, r: ParsedRow<F>) {
	return {
		doc_id: ctx.docId,
		func_code: r.code,
		func_name: r.name,
		level: r.level,
		source_line: r.row.line
	};
}

export function normalizeIncome(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit
): IncomeByFunctionRecord[] {
	const rows = parseClassified(
		ctx,
		grid,
		{ table: 'income_by_function', kind: 'function', rules: INCOME_RULES, fallback: 'total' },
		unit
	);
	return rows.map((r) => ({
		...base(ctx, r),
		total: v(r, 'total'),
		current_year: v(r, 'current_year'),
		fiscal_appropriation: v(r, 'fiscal_appropriation'),
		fiscal_special_account: v(r, 'fiscal_special_account'),
		business_income: v(r, 'business_income'),
		operating_income: v(r, 'operating_income'),
		superior_subsidy: v(r, 'superior_subsidy'),
		subordinate_remittance: v(r, 'subordinate_remittance'),
		other_income: v(r, 'other_income'),
		carryover: v(r, 'carryover')
	}));
}

export function normalizeExpenditure(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit
): ExpenditureByFunctionRecord[] {
	const rows = parseClassified(
		ctx,
		grid,
		{
			table: 'expenditure_by_function',
			kind: 'function',
			rules: EXPENDITURE_RULES,
			fallback: 'total'
		},
		unit
	);
	return rows.map((r) => ({
		...base(ctx, r),
		total: v(r, 'total'),
		basic: v(r, 'basic'),
		project: v(r, 'project'),
		operating: v(r, 'operating'),
		remit_superior: v(r, 'remit_superior'),
		subsidy_subordinate: v(r, 'subsidy_subordinate')
	}));
}

export function normalizeAppropriation(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit,
	fund: FundType,
	table = 'appropriation_by_function'
): AppropriationByFunctionRecord[] {
	const rows = parseClassified(
		ctx,
		grid,
		{ table, kind: 'function', rules: APPROPRIATION_RULES, fallback: 'total' },
		unit
	);
	return rows.map((r) => ({
		...base(ctx, r),
		fund,
		total: v(r, 'total'),
		basic: v(r, 'basic'),
		project: v(r, 'project')
	}));
}
