/**
 * Recognizers for the standard financial tables (收支总表, 收入总表, 支出总表,
 * 财政拨款收支总表, 一般公共预算支出表, 基本支出经济分类表, 政府性基金, 国有资本经营,
 * “三公”经费 and its siblings, 政府采购, 国有资产).
 *
 *   segmentTables (titles → table segments with units)
 *     → buildGrid (header labels, repeated page headers, wrapped rows)
 *       → one normalizer per table family (src/lib/ingest/normalize)
 *         → parent = Σ children checks
 */
import type Decimal from 'decimal.js';
import type { ParseContext } from '../context';
import type {
	AmountUnit,
	AppropriationByFunctionRecord,
	BasicByEconomicRecord,
	ParsedTables
} from '../model';
import { checkSums } from '../normalize/checks';
import { classifiedKeys } from '../normalize/classified';
import { normalizeAdminOperation, normalizeBasicEconomic } from '../normalize/economic';
import {
	normalizeAppropriation,
	normalizeExpenditure,
	normalizeIncome
} from '../normalize/functionTables';
import { isIncomeBySource, normalizeIncomeBySource } from '../normalize/incomeCategories';
import { normalizeAssets, normalizeProcurement } from '../normalize/procurementAssets';
import { normalizeSummary } from '../normalize/summary';
import { normalizeThreePublic } from '../normalize/threePublic';
import { buildGrid, isNumeric, type Grid } from './financial/grid';
import { segmentTables, type TableSegment } from './financial/segment';
import type { TableFamily } from './financial/titles';
import type { DocumentIdentity } from './identity';

/** Snapshot table each family lands in (also the name used in parse issues). */
const TARGET: Record<TableFamily, string> = {
	summary: 'summary',
	appropriation_summary: 'summary',
	income: 'income_by_function',
	expenditure: 'expenditure_by_function',
	appropriation: 'appropriation_by_function',
	basic_economic: 'basic_by_economic',
	three_public: 'three_public',
	admin_operation: 'related_expenses',
	procurement: 'procurement',
	assets: 'assets'
};

const CLASSIFIED: TableFamily[] = [
	'income',
	'expenditure',
	'appropriation',
	'basic_economic',
	'admin_operation'
];

const seqKey = (labels: string[]) => (/序号/.test(labels[0] ?? '') ? [0] : []);

/** True when no row carries a figure (序号 column aside). */
function isEmptyTable(grid: Grid): boolean {
	const skip = /序号/.test(grid.labels[0] ?? '') ? 0 : -1;
	return grid.rows.every((r) => r.cells.every((c, i) => i === skip || c === '' || !isNumeric(c)));
}

interface AllFunds {
	seg: TableSegment;
	appropriation: AppropriationByFunctionRecord[];
	basic: BasicByEconomicRecord[];
}

export function recognizeFinancialTables(
	ctx: ParseContext,
	out: ParsedTables,
	identity: DocumentIdentity
): void {
	const measure = identity.kind === 'final' ? 'actual' : 'budget';
	const allFunds: AllFunds[] = [];
	for (const seg of segmentTables(ctx)) {
		const family = seg.match.family;
		const table = TARGET[family];
		ctx.noteTable(table);
		ctx.claim(seg.titleLine, table, 'header');
		const grid = buildGrid(ctx, seg, {
			keyColumns: CLASSIFIED.includes(family) ? classifiedKeys : seqKey
		});
		const unit: AmountUnit = seg.declaredUnit ?? identity.amount_unit;
		if (seg.declaredUnit === null && grid.rows.length > 0)
			ctx.report(
				seg.titleLine,
				table,
				'info',
				'unit_missing',
				`表“${seg.match.title}”未声明金额单位，按 ${unit} 处理 (no unit declared)`
			);
		const saysEmpty = seg.notes.some((n) =>
			/空表|无相关|无.{0,12}(支出|收入|经费|预算)/.test(n.text)
		);
		if (isEmptyTable(grid)) {
			for (const r of grid.rows) for (const n of r.lines) ctx.claim(n, table, 'note');
			continue;
		}
		if (saysEmpty)
			ctx.report(
				seg.notes[0]?.line ?? seg.titleLine,
				table,
				'warning',
				'note_contradicts_figures',
				`表“${seg.match.title}”注明为空表，但列有金额；保留表中金额 (note says empty, figures kept)`
			);
		switch (family) {
			case 'summary':
			case 'appropriation_summary':
				out.summary.push(
					...normalizeSummary(
						ctx,
						grid,
						unit,
						family === 'summary' ? 'summary' : 'appropriation_summary'
					)
				);
				break;
			case 'income':
				out.income_by_function.push(
					...(isIncomeBySource(grid)
						? normalizeIncomeBySource(ctx, grid, unit)
						: normalizeIncome(ctx, grid, unit))
				);
				break;
			case 'expenditure':
				out.expenditure_by_function.push(...normalizeExpenditure(ctx, grid, unit));
				break;
			case 'appropriation': {
				const fund = seg.match.fund ?? 'general';
				if (fund === 'all')
					allFunds.push({
						seg,
						appropriation: normalizeAppropriation(ctx, grid, unit, 'general'),
						basic: []
					});
				else out.appropriation_by_function.push(...normalizeAppropriation(ctx, grid, unit, fund));
				break;
			}
			case 'basic_economic':
				if (seg.match.fund === 'all')
					allFunds.push({ seg, appropriation: [], basic: normalizeBasicEconomic(ctx, grid, unit) });
				else out.basic_by_economic.push(...normalizeBasicEconomic(ctx, grid, unit));
				break;
			case 'three_public': {
				const r = normalizeThreePublic(ctx, grid, unit, identity.fiscal_year, measure);
				out.three_public.push(...r.three_public);
				out.related_expenses.push(...r.related_expenses);
				break;
			}
			case 'admin_operation':
				out.related_expenses.push(
					...normalizeAdminOperation(ctx, grid, unit, identity.fiscal_year, measure)
				);
				break;
			case 'procurement':
				out.procurement.push(...normalizeProcurement(ctx, grid, unit));
				break;
			case 'assets':
				out.assets.push(...normalizeAssets(ctx, grid, seg.declaredUnit));
				break;
		}
	}
	resolveAllFunds(ctx, out, allFunds);
	runChecks(ctx, out);
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
function resolveAllFunds(ctx: ParseContext, out: ParsedTables, list: AllFunds[]): void {
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
			if (isApprop) out.appropriation_by_function.push(...appropriation);
			else out.basic_by_economic.push(...basic);
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

function runChecks(ctx: ParseContext, out: ParsedTables): void {
	const fn = <
		T extends {
			func_code: string | null;
			level: number;
			total: Decimal | null;
			source_line: number;
		}
	>(
		rows: T[]
	) =>
		rows.map((r) => ({
			code: r.func_code,
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
			level: r.level,
			total: r.total,
			source_line: r.source_line
		}))
	);
}
