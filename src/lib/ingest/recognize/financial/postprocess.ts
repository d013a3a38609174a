/**
 * After all tables of a document are read: resolve Jiangsu's all-funds
 * 财政拨款 tables against the 一般公共预算 ones, and run the parent = Σ
 * children checks on every classified table.
 */
import type Decimal from 'decimal.js';
import type { ParseContext } from '../../context';
import type {
	AppropriationByFunctionRecord,
	BasicByEconomicRecord,
	FunctionRow,
	ParsedTables
} from '../../model';
import { checkSums, type CheckedRow } from '../../normalize/checks';
import type { TableSegment } from './segment';

/** Appends without spreading, so a table of any size cannot overflow the call stack. */
export function append<T>(target: T[], items: readonly T[]): void {
	for (const item of items) target.push(item);
}

export interface AllFunds {
	seg: TableSegment;
	appropriation: AppropriationByFunctionRecord[];
	basic: BasicByEconomicRecord[];
}

type Keyed = { code: string | null; total: Decimal | null };

const sameRows = (a: Keyed[], b: Keyed[]) =>
	a.length === b.length &&
	a.every((r, i) => {
		const o = b[i];
		if (o === undefined || r.code !== o.code) return false;
		return r.total === null ? o.total === null : o.total !== null && r.total.equals(o.total);
	});

/**
 * Jiangsu prints 财政拨款 tables covering every fund (05, 06) next to the
 * 一般公共预算 ones (07, 08). When the general table exists and matches, the
 * all-funds table is a duplicate (info); when it differs, the difference is
 * a warning; when it is the only one, its rows are stored as 'general'.
 */
export function resolveAllFunds(ctx: ParseContext, out: ParsedTables, list: AllFunds[]): void {
	for (const { seg, appropriation, basic } of list) {
		const isApprop = seg.match.family === 'appropriation';
		const table = isApprop ? 'appropriation_by_function' : 'basic_by_economic';
		const mine = isApprop
			? appropriation.map((r) => ({ code: r.func_code, total: r.total }))
			: basic.map((r) => ({ code: r.econ_code, total: r.total }));
		const general = isApprop
			? out.appropriation_by_function
					.filter((r) => r.fund === 'general')
					.map((r) => ({ code: r.func_code, total: r.total }))
			: out.basic_by_economic.map((r) => ({ code: r.econ_code, total: r.total }));
		if (general.length === 0) {
			if (isApprop) append(out.appropriation_by_function, appropriation);
			else append(out.basic_by_economic, basic);
			ctx.report(
				seg.titleLine,
				table,
				'info',
				'fund_assumed',
				`“${seg.match.title}”覆盖全部财政拨款，按一般公共预算存储`
			);
		} else if (sameRows(mine, general))
			ctx.report(
				seg.titleLine,
				table,
				'info',
				'duplicate_table',
				`“${seg.match.title}”与一般公共预算表逐行一致，不重复存储`
			);
		else
			ctx.report(
				seg.titleLine,
				table,
				'warning',
				'all_funds_table_differs',
				`“${seg.match.title}”与一般公共预算表不一致，未存储 (differs from the general-budget table)`
			);
	}
}

export function runChecks(ctx: ParseContext, out: ParsedTables): void {
	const fn = (rows: (FunctionRow & { total: Decimal | null })[]): CheckedRow[] =>
		rows.map((r) => ({
			code: r.func_code,
			name: r.func_name,
			level: r.level,
			total: r.total,
			source_line: r.source_line
		}));
	checkSums(ctx, 'income_by_function', fn(out.income_by_function));
	checkSums(ctx, 'expenditure_by_function', fn(out.expenditure_by_function));
	for (const fund of ['general', 'gov_fund', 'soe_capital'] as const)
		checkSums(
			ctx,
			'appropriation_by_function',
			fn(out.appropriation_by_function.filter((r) => r.fund === fund))
		);
	checkSums(
		ctx,
		'basic_by_economic',
		out.basic_by_economic.map((r) => ({
			code: r.econ_code,
			name: r.econ_name,
			level: r.level,
			total: r.total,
			source_line: r.source_line
		}))
	);
}
