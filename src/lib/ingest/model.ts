/**
 * The normalized records BudgetLens extracts from one disclosure document.
 *
 * This file is the contract between the parser (src/lib/ingest), the snapshot
 * writer (src/lib/snapshot) and everything that reads the snapshot. Every
 * field is documented in docs/schema.md; change both together.
 *
 * Amounts are `Decimal` (decimal.js) in 万元, converted from 元 where the
 * table declares 元. They are never JavaScript numbers.
 */
import type Decimal from 'decimal.js';

export type DocKind = 'budget' | 'final';
export type AmountUnit = '万元' | '元';
export type Scope = 'department' | 'unit';
export type Severity = 'error' | 'warning' | 'info';
/**
 * Whether a figure is budgeted (预算数) or actual (决算数). Budgets and actuals
 * are never added together. Records that leave it out take it from their
 * document: 'budget' for a budget document, 'actual' for final accounts.
 */
export type Measure = 'budget' | 'actual';

/** Which regional variant of the national layout a document follows. */
export type Layout = 'hebei' | 'shanghai' | 'jiangsu' | 'generic';

/** Names of the snapshot tables; also used as `table_name` in parse_issues. */
export type TableName =
	| 'documents'
	| 'summary'
	| 'income_by_function'
	| 'expenditure_by_function'
	| 'appropriation_by_function'
	| 'basic_by_economic'
	| 'three_public'
	| 'related_expenses'
	| 'projects'
	| 'spending_plan'
	| 'indicators'
	| 'procurement'
	| 'assets'
	| 'source_lines'
	| 'parse_issues'
	| 'flags';

export interface DocumentRecord {
	doc_id: string;
	source_name: string;
	sha256: string;
	department_code: string | null;
	department_name: string | null;
	region: string | null;
	fiscal_year: number | null;
	kind: DocKind;
	scope: Scope;
	layout: Layout;
	/** Unit most financial tables declare (the document's dominant unit). */
	amount_unit: AmountUnit;
	title: string | null;
	line_count: number;
	/** Table rows (lines with at least one tab) in the source. */
	rows_seen: number;
	/** Table rows that landed in a normalized table. */
	rows_stored: number;
	/** Table rows that landed only in parse_issues. */
	rows_reported: number;
	/** Comma-separated standard tables found, e.g. "summary,income_by_function". */
	tables_found: string;
	/**
	 * Stable department identity across years (recognize/department-key.ts):
	 * region and normalized department name, e.g. `上海市普陀区/万里街道办事处`;
	 * null when the document names no department.
	 */
	department_key: string | null;
	/**
	 * Comma-separated standard tables a document of this kind and layout
	 * prints (recognize/financial/standard.ts ids, e.g. "summary,income,…,gov_fund").
	 */
	tables_expected: string;
	/** Comma-separated ids of tables_expected the document does not print ('' = complete). */
	tables_missing: string;
}

export type FundType = 'general' | 'gov_fund' | 'soe_capital';

export interface SummaryRecord {
	doc_id: string;
	/** Which standard table the line comes from: 'summary' (收支总表) or 'appropriation_summary' (财政拨款收支总表). */
	table_kind: 'summary' | 'appropriation_summary';
	side: 'income' | 'expense';
	/** Order of the line within its side of its table (1-based). */
	seq: number;
	item: string;
	amount: Decimal | null;
	/** For 财政拨款收支总表 expense lines: the per-fund columns. */
	general: Decimal | null;
	gov_fund: Decimal | null;
	soe_capital: Decimal | null;
	/** 'budget' (预算数) or 'actual' (决算数); absent = from the document's kind. */
	measure?: Measure;
	source_line: number;
}

export interface FunctionRow {
	doc_id: string;
	/** 3, 5 or 7 digit functional classification code; null for the 合计 row. */
	func_code: string | null;
	func_name: string;
	/** 0 = 合计, 1 = 类, 2 = 款, 3 = 项. */
	level: 0 | 1 | 2 | 3;
	/** 'budget' (预算数) or 'actual' (决算数); absent = from the document's kind. */
	measure?: Measure;
	source_line: number;
}

export interface IncomeByFunctionRecord extends FunctionRow {
	total: Decimal | null;
	/** 本年收入 小计 */
	current_year: Decimal | null;
	fiscal_appropriation: Decimal | null;
	fiscal_special_account: Decimal | null;
	business_income: Decimal | null;
	operating_income: Decimal | null;
	superior_subsidy: Decimal | null;
	subordinate_remittance: Decimal | null;
	other_income: Decimal | null;
	/** 上年结转(结余) */
	carryover: Decimal | null;
}

export interface ExpenditureByFunctionRecord extends FunctionRow {
	total: Decimal | null;
	basic: Decimal | null;
	project: Decimal | null;
	operating: Decimal | null;
	remit_superior: Decimal | null;
	subsidy_subordinate: Decimal | null;
}

export interface AppropriationByFunctionRecord extends FunctionRow {
	fund: FundType;
	total: Decimal | null;
	basic: Decimal | null;
	project: Decimal | null;
}

export interface BasicByEconomicRecord {
	doc_id: string;
	/** 3 or 5 digit economic classification code; null for 合计. */
	econ_code: string | null;
	econ_name: string;
	/** 0 = 合计, 1 = 类, 2 = 款. */
	level: 0 | 1 | 2;
	total: Decimal | null;
	personnel: Decimal | null;
	public: Decimal | null;
	/** 'budget' (预算数) or 'actual' (决算数); absent = from the document's kind. */
	measure?: Measure;
	source_line: number;
}

export type ThreePublicCategory =
	| 'total'
	| 'outbound_travel'
	| 'vehicle_purchase'
	| 'vehicle_operation'
	| 'vehicle_total'
	| 'reception';

export interface ThreePublicRecord {
	doc_id: string;
	fiscal_year: number | null;
	category: ThreePublicCategory;
	amount: Decimal | null;
	/** 'table' for the 三公 table, 'narrative' for figures stated only in the text. */
	source: 'table' | 'narrative';
	/** 'budget' or 'actual' (决算数). */
	measure: Measure;
	source_line: number;
}

export type RelatedExpenseCategory = 'meeting' | 'training' | 'admin_operation';

export interface RelatedExpenseRecord {
	doc_id: string;
	fiscal_year: number | null;
	category: RelatedExpenseCategory;
	amount: Decimal | null;
	source: 'table' | 'narrative';
	measure: Measure;
	source_line: number;
}

export interface ProjectRecord {
	doc_id: string;
	/** Order of the 绩效目标表 in the document, 1-based. Joins indicators and spending_plan. */
	project_seq: number;
	project_code: string | null;
	project_name: string;
	amount: Decimal | null;
	fiscal_amount: Decimal | null;
	other_amount: Decimal | null;
	purpose: string | null;
	goals: string | null;
	/** Shanghai: 主管部门 / 实施单位 / 项目性质 / 项目类别 */
	managing_department: string | null;
	implementing_unit: string | null;
	project_nature: string | null;
	project_category: string | null;
	start_date: string | null;
	end_date: string | null;
	source_line: number;
}

export interface SpendingPlanRecord {
	doc_id: string;
	project_seq: number;
	/** The column label as printed: '3月底', '6月底', '第一季度'… */
	period: string;
	/** Cumulative percent (0–100) when given as a percent. */
	percent: Decimal | null;
	/** Amount in 万元 when the plan is given as money. */
	amount: Decimal | null;
	source_line: number;
}

export type TargetOp = '≥' | '≤' | '>' | '<' | '=';

export interface IndicatorRecord {
	doc_id: string;
	/** NULL for department-level 整体绩效目标 indicators. */
	project_seq: number | null;
	project_code: string | null;
	/** Order within its project (or within the department-level set), 1-based. */
	seq: number;
	level1: string | null;
	level2: string | null;
	/** 三级指标 */
	name: string;
	description: string | null;
	target_raw: string | null;
	target_op: TargetOp | null;
	target_value: Decimal | null;
	target_unit: string | null;
	basis: string | null;
	source_line: number;
}

export interface ProcurementRecord {
	doc_id: string;
	project_name: string | null;
	item_name: string | null;
	catalog_code: string | null;
	unit: string | null;
	quantity: Decimal | null;
	unit_price: Decimal | null;
	amount: Decimal | null;
	source_line: number;
}

export interface AssetRecord {
	doc_id: string;
	item: string;
	quantity: Decimal | null;
	amount: Decimal | null;
	/** The unit the document declared for the amount, before conversion. */
	declared_unit: string | null;
	source_line: number;
}

export interface SourceLineRecord {
	doc_id: string;
	line_no: number;
	text: string;
	/** PDF sources: 1-based page the line is printed on; null for text sources. */
	page?: number | null;
	/**
	 * PDF sources: bounding box in whole PDF points (1/72 inch, rounded
	 * outwards), origin at the page's top-left corner, y downwards; null for
	 * text sources and for blank separator lines.
	 */
	x?: number | null;
	y?: number | null;
	width?: number | null;
	height?: number | null;
}

export interface ParseIssueRecord {
	doc_id: string;
	table_name: string;
	source_line: number | null;
	severity: Severity;
	code: string;
	message: string;
	raw: string | null;
}

/** All record arrays produced for one document. */
export interface ParsedTables {
	summary: SummaryRecord[];
	income_by_function: IncomeByFunctionRecord[];
	expenditure_by_function: ExpenditureByFunctionRecord[];
	appropriation_by_function: AppropriationByFunctionRecord[];
	basic_by_economic: BasicByEconomicRecord[];
	three_public: ThreePublicRecord[];
	related_expenses: RelatedExpenseRecord[];
	projects: ProjectRecord[];
	spending_plan: SpendingPlanRecord[];
	indicators: IndicatorRecord[];
	procurement: ProcurementRecord[];
	assets: AssetRecord[];
}

export const RECORD_TABLES = [
	'summary',
	'income_by_function',
	'expenditure_by_function',
	'appropriation_by_function',
	'basic_by_economic',
	'three_public',
	'related_expenses',
	'projects',
	'spending_plan',
	'indicators',
	'procurement',
	'assets'
] as const satisfies readonly (keyof ParsedTables)[];

export function emptyTables(): ParsedTables {
	return {
		summary: [],
		income_by_function: [],
		expenditure_by_function: [],
		appropriation_by_function: [],
		basic_by_economic: [],
		three_public: [],
		related_expenses: [],
		projects: [],
		spending_plan: [],
		indicators: [],
		procurement: [],
		assets: []
	};
}

/** Row accounting for the "nothing is lost" guarantee. */
export interface RowAccounting {
	rows_seen: number;
	rows_stored: number;
	rows_reported: number;
}

/**
 * One 异常指标 flag raised by the outlier engine (src/lib/rules): a target,
 * figure or text a supervisor should question. `rule_id` names an entry of
 * the rule catalogue (src/lib/rules/catalogue.ts, docs/rules.md); `evidence`
 * is JSON text holding the numbers compared (amounts as exact decimal strings).
 */
export interface FlagRecord {
	/** Deterministic id: rule, document, line and a per-line counter. */
	flag_id: string;
	rule_id: string;
	severity: Severity;
	doc_id: string;
	project_code: string | null;
	/** The snapshot table the flagged record lives in (e.g. 'indicators'). */
	table_name: string | null;
	source_line: number | null;
	/** One Chinese sentence saying what does not hold up. */
	message: string;
	evidence: string | null;
}

export interface ParsedDocument {
	document: DocumentRecord;
	tables: ParsedTables;
	issues: ParseIssueRecord[];
	lines: SourceLineRecord[];
	accounting: RowAccounting;
	/** Flags of the single-document rules (src/lib/rules), set by parseDocument. */
	flags?: FlagRecord[];
}
