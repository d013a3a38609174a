/**
 * Document completeness: the standard tables a disclosure of a given kind
 * (budget 预算 / final accounts 决算) and layout is expected to print, and
 * which of them the document actually prints (a table counts as printed
 * when its title is recognized, even when it has no figures: an empty
 * 政府性基金 table with its "本表无数据" note is present, not missing).
 *
 * Ids are finer than snapshot table names: the 收支总表 and the
 * 财政拨款收支总表 both land in `summary`, and the three 财政拨款 fund
 * tables all land in `appropriation_by_function`, but a reader must know
 * which one is absent.
 */
import type { DocKind, Layout } from '../../model';
import type { TitleMatch } from './titles';

export type StandardTable =
	| 'summary'
	| 'income'
	| 'expenditure'
	| 'appropriation_summary'
	| 'general_appropriation'
	| 'basic_economic'
	| 'gov_fund'
	| 'soe_capital'
	| 'three_public'
	| 'admin_operation'
	| 'procurement'
	| 'assets';

/** Chinese names for messages and the app. */
export const STANDARD_TABLE_NAMES: Record<StandardTable, string> = {
	summary: '收支总表',
	income: '收入总表',
	expenditure: '支出总表',
	appropriation_summary: '财政拨款收支总表',
	general_appropriation: '一般公共预算财政拨款支出表',
	basic_economic: '一般公共预算基本支出（经济分类）表',
	gov_fund: '政府性基金预算财政拨款支出表',
	soe_capital: '国有资本经营预算财政拨款支出表',
	three_public: '“三公”经费表',
	admin_operation: '机关运行经费表',
	procurement: '政府采购表',
	assets: '国有资产占用表'
};

/**
 * The nine tables of the national layout (财政部 部门预算/决算 公开 templates):
 * both budgets and final accounts print them, under their own titles
 * (收入支出决算总表 …). Regional variants print the same nine, renamed
 * (Shanghai 部门财务收支预算总表 …) or split (Jiangsu 财政拨款支出表 for all
 * funds, which stands for the 一般公共预算 one here).
 */
const NATIONAL: StandardTable[] = [
	'summary',
	'income',
	'expenditure',
	'appropriation_summary',
	'general_appropriation',
	'basic_economic',
	'gov_fund',
	'soe_capital',
	'three_public'
];

/**
 * Years before the 国有资本经营预算财政拨款支出表 joined the set: the corpus's
 * 2017–2019 disclosures print eight tables, every 2023+ one prints nine (or
 * lists the ninth in its table of contents).
 */
const SOE_TABLE_FROM = 2020;

/**
 * Standard tables expected for a document of this kind, layout and year, in
 * print order. Every kind and layout seen so far publishes the same set;
 * the parameters keep room for a variant that publishes more or fewer.
 */
export function expectedTables(
	kind: DocKind,
	layout: Layout,
	fiscalYear: number | null
): StandardTable[] {
	void kind;
	void layout;
	return NATIONAL.filter(
		(t) => t !== 'soe_capital' || fiscalYear === null || fiscalYear >= SOE_TABLE_FROM
	);
}

/** The standard table a recognized title stands for. */
export function standardTableOf(match: TitleMatch): StandardTable {
	switch (match.family) {
		case 'appropriation':
			if (match.fund === 'gov_fund') return 'gov_fund';
			if (match.fund === 'soe_capital') return 'soe_capital';
			return 'general_appropriation';
		default:
			return match.family;
	}
}

/** Expected tables not found, in the expected order. */
export function missingTables(expected: StandardTable[], found: StandardTable[]): StandardTable[] {
	const have = new Set(found);
	return expected.filter((t) => !have.has(t));
}
