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
import type { ParseContext } from '../context';
import type { AmountUnit, ParsedTables } from '../model';
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
import { buildGrid, splitSideBySide, type Grid } from './financial/grid';
import { append, resolveAllFunds, runChecks, type AllFunds } from './financial/postprocess';
import { claimContents, segmentTables, type TableSegment } from './financial/segment';
import { standardTableOf, type StandardTable } from './financial/standard';
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

/**
 * True when no row carries a digit (序号 column aside): only then is a table
 * empty. A garbled figure still counts, so it gets parsed and reported.
 */
function isEmptyTable(grid: Grid): boolean {
	const skip = /序号/.test(grid.labels[0] ?? '') ? 0 : -1;
	return grid.rows.every((r) => r.cells.every((c, i) => i === skip || !/\d/.test(c)));
}

/**
 * Reads every standard financial table into `out`; returns the standard
 * tables printed (financial/standard.ts ids, in order of appearance).
 */
export function recognizeFinancialTables(
	ctx: ParseContext,
	out: ParsedTables,
	identity: DocumentIdentity
): StandardTable[] {
	const allFunds: AllFunds[] = [];
	const found: StandardTable[] = [];
	claimContents(ctx);
	for (const seg of segmentTables(ctx, identity.department_name)) {
		const id = standardTableOf(seg.match);
		if (!found.includes(id)) found.push(id);
		try {
			readTable(ctx, out, identity, seg, allFunds);
		} catch (e) {
			// A bug in one normalizer must not lose the document: report and go on.
			ctx.report(
				seg.titleLine,
				TARGET[seg.match.family],
				'error',
				'recognizer_failed',
				`表“${seg.match.title}”解析失败 (table could not be read): ${e instanceof Error ? e.message : String(e)}`
			);
		}
	}
	resolveAllFunds(ctx, out, allFunds);
	runChecks(ctx, out);
	return found;
}

function readTable(
	ctx: ParseContext,
	out: ParsedTables,
	identity: DocumentIdentity,
	seg: TableSegment,
	allFunds: AllFunds[]
): void {
	const measure = identity.kind === 'final' ? 'actual' : 'budget';
	const family = seg.match.family;
	const table = TARGET[family];
	ctx.noteTable(table);
	ctx.claim(seg.titleLine, table, 'header');
	const whole = buildGrid(ctx, seg, {
		keyColumns: CLASSIFIED.includes(family) ? classifiedKeys : seqKey
	});
	const unit: AmountUnit = seg.declaredUnit ?? identity.amount_unit;
	if (seg.declaredUnit === null && whole.rows.length > 0)
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
	if (isEmptyTable(whole)) {
		for (const r of whole.rows) for (const n of r.lines) ctx.claim(n, table, 'note');
		return;
	}
	if (saysEmpty)
		ctx.report(
			seg.notes[0]?.line ?? seg.titleLine,
			table,
			'warning',
			'note_contradicts_figures',
			`表“${seg.match.title}”注明为空表，但列有金额；保留表中金额 (note says empty, figures kept)`
		);
	// 决算 tables may print two classified blocks side by side (人员经费 | 公用经费).
	for (const grid of CLASSIFIED.includes(family) ? splitSideBySide(whole) : [whole])
		switch (family) {
			case 'summary':
			case 'appropriation_summary':
				append(
					out.summary,
					normalizeSummary(
						ctx,
						grid,
						unit,
						family === 'summary' ? 'summary' : 'appropriation_summary'
					)
				);
				break;
			case 'income':
				append(
					out.income_by_function,
					isIncomeBySource(grid)
						? normalizeIncomeBySource(ctx, grid, unit)
						: normalizeIncome(ctx, grid, unit)
				);
				break;
			case 'expenditure':
				append(out.expenditure_by_function, normalizeExpenditure(ctx, grid, unit));
				break;
			case 'appropriation': {
				const fund = seg.match.fund ?? 'general';
				if (fund === 'all')
					allFunds.push({
						seg,
						appropriation: normalizeAppropriation(ctx, grid, unit, 'general'),
						basic: []
					});
				else append(out.appropriation_by_function, normalizeAppropriation(ctx, grid, unit, fund));
				break;
			}
			case 'basic_economic':
				if (seg.match.fund === 'all')
					allFunds.push({
						seg,
						appropriation: [],
						basic: normalizeBasicEconomic(ctx, grid, unit)
					});
				else append(out.basic_by_economic, normalizeBasicEconomic(ctx, grid, unit));
				break;
			case 'three_public': {
				const r = normalizeThreePublic(ctx, grid, unit, identity.fiscal_year, measure);
				append(out.three_public, r.three_public);
				append(out.related_expenses, r.related_expenses);
				break;
			}
			case 'admin_operation':
				append(
					out.related_expenses,
					normalizeAdminOperation(ctx, grid, unit, identity.fiscal_year, measure)
				);
				break;
			case 'procurement':
				append(out.procurement, normalizeProcurement(ctx, grid, unit));
				break;
			case 'assets':
				append(out.assets, normalizeAssets(ctx, grid, seg.declaredUnit));
				break;
		}
}
