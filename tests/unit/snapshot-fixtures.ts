/**
 * Hand-built records for the snapshot tests: one fully populated record of
 * every model.ts record type (TypeScript rejects a missing or unknown field),
 * and a small ParsedDocument built from them.
 */
import Decimal from 'decimal.js';
import type {
	AppropriationByFunctionRecord,
	AssetRecord,
	BasicByEconomicRecord,
	DocumentRecord,
	FlagRecord,
	ExpenditureByFunctionRecord,
	IncomeByFunctionRecord,
	IndicatorRecord,
	ParsedDocument,
	ParseIssueRecord,
	ProcurementRecord,
	ProjectRecord,
	RelatedExpenseRecord,
	SourceLineRecord,
	SpendingPlanRecord,
	SummaryRecord,
	TableName,
	ThreePublicRecord
} from '../../src/lib/ingest/model';
import type { DocumentRow } from '../../src/lib/schema/tables-core';

const D = (s: string) => new Decimal(s);
const doc_id = 'abcdef0123456789';

export const document: DocumentRecord = {
	doc_id,
	source_name: 'sample.txt',
	sha256: 'ab'.repeat(32),
	department_code: '323',
	department_name: '示例局',
	region: '河北省',
	fiscal_year: 2024,
	kind: 'budget',
	scope: 'department',
	layout: 'hebei',
	amount_unit: '万元',
	title: '2024年部门预算',
	line_count: 6,
	rows_seen: 5,
	rows_stored: 4,
	rows_reported: 1,
	tables_found: 'summary,expenditure_by_function',
	department_key: '河北省/示例局',
	tables_expected: 'summary,expenditure',
	tables_missing: 'expenditure'
};
const line = { doc_id, source_line: 2 };
const fn = {
	...line,
	func_code: '208',
	func_name: '社会保障和就业支出',
	level: 1 as const,
	measure: 'budget' as const
};
export const summary: SummaryRecord = {
	...line,
	table_kind: 'summary',
	side: 'income',
	seq: 1,
	item: '一般公共预算拨款收入',
	amount: D('6473.03'),
	general: D('1'),
	gov_fund: D('2'),
	soe_capital: D('3'),
	measure: 'budget'
};
export const income: IncomeByFunctionRecord = {
	...fn,
	total: D('1'),
	current_year: D('2'),
	fiscal_appropriation: D('3'),
	fiscal_special_account: D('4'),
	business_income: D('5'),
	operating_income: D('6'),
	superior_subsidy: D('7'),
	subordinate_remittance: D('8'),
	other_income: D('9'),
	carryover: D('10')
};
export const expenditure: ExpenditureByFunctionRecord = {
	...fn,
	total: D('6473.03'),
	basic: D('1'),
	project: D('2'),
	operating: D('3'),
	remit_superior: D('4'),
	subsidy_subordinate: D('5')
};
export const appropriation: AppropriationByFunctionRecord = {
	...fn,
	fund: 'general',
	total: D('1'),
	basic: D('2'),
	project: D('3')
};
export const basic: BasicByEconomicRecord = {
	...line,
	econ_code: '301',
	econ_name: '工资福利支出',
	level: 1,
	total: D('1'),
	personnel: D('2'),
	public: D('3'),
	measure: 'actual'
};
export const threePublic: ThreePublicRecord = {
	...line,
	fiscal_year: 2024,
	category: 'reception',
	amount: D('0.5'),
	source: 'table',
	measure: 'budget'
};
export const related: RelatedExpenseRecord = {
	...line,
	fiscal_year: 2024,
	category: 'meeting',
	amount: D('1.25'),
	source: 'narrative',
	measure: 'actual'
};
export const project: ProjectRecord = {
	...line,
	project_seq: 1,
	project_code: 'P1',
	project_name: '示例项目',
	amount: D('10'),
	fiscal_amount: D('9'),
	other_amount: D('1'),
	purpose: '目的',
	goals: '目标',
	managing_department: '主管',
	implementing_unit: '实施',
	project_nature: '经常性',
	project_category: '其他',
	start_date: '2024-01',
	end_date: '2024-12'
};
export const spending: SpendingPlanRecord = {
	...line,
	project_seq: 1,
	period: '3月底',
	percent: D('25'),
	amount: D('2.5')
};
export const indicator: IndicatorRecord = {
	...line,
	project_seq: 1,
	project_code: 'P1',
	seq: 1,
	level1: '产出指标',
	level2: '数量指标',
	name: '覆盖人数',
	description: '说明',
	target_raw: '≥1200人',
	target_op: '≥',
	target_value: D('1200'),
	target_unit: '人',
	basis: '计划'
};
export const procurement: ProcurementRecord = {
	...line,
	project_name: '示例项目',
	item_name: '电脑',
	catalog_code: 'A02010104',
	unit: '台',
	quantity: D('3'),
	unit_price: D('0.6'),
	amount: D('1.8')
};
export const asset: AssetRecord = {
	...line,
	item: '车辆',
	quantity: D('2'),
	amount: D('30'),
	declared_unit: '万元'
};
export const sourceLine: SourceLineRecord = {
	doc_id,
	line_no: 1,
	text: '标题',
	page: 1,
	x: 56,
	y: 72,
	width: 240,
	height: 18
};
export const issue: ParseIssueRecord = {
	doc_id,
	table_name: 'unrecognized',
	source_line: 5,
	severity: 'info',
	code: 'unrecognized_row',
	message: 'sample.txt 第5行: 未识别',
	raw: '其他\t1'
};
export const flag: FlagRecord = {
	flag_id: 'wrong_direction:0123456789abcdef:5:1',
	rule_id: 'wrong_direction',
	severity: 'error',
	doc_id,
	project_code: 'P001',
	table_name: 'indicators',
	source_line: 5,
	message: '满意度目标方向反了。',
	evidence: '{"target_raw":"≤90%"}'
};

/** The documents row adds what the snapshot derives (province from region). */
const documentRow: DocumentRow = { ...document, province: '河北省' };

/** One sample record (row) per snapshot table. */
export const SAMPLES: Record<TableName, object> = {
	documents: documentRow,
	summary,
	income_by_function: income,
	expenditure_by_function: expenditure,
	appropriation_by_function: appropriation,
	basic_by_economic: basic,
	three_public: threePublic,
	related_expenses: related,
	projects: project,
	spending_plan: spending,
	indicators: indicator,
	procurement,
	assets: asset,
	source_lines: sourceLine,
	parse_issues: issue,
	flags: flag
};

const LINES = [
	'标题',
	'项目\t金额',
	'一般公共预算拨款收入\t6473.03',
	'合计\t6473.03',
	'其他\t1',
	'尾'
];

/** A small ParsedDocument; `id` and `name` vary the document identity. */
export function sampleDocument(id = doc_id, name = 'sample.txt'): ParsedDocument {
	const withId = <T extends object>(r: T): T => ({ ...r, doc_id: id });
	return {
		document: { ...document, doc_id: id, source_name: name },
		tables: {
			summary: [withId(summary), withId({ ...summary, side: 'expense', seq: 1, source_line: 3 })],
			income_by_function: [withId(income)],
			expenditure_by_function: [
				withId({ ...expenditure, source_line: 4, func_code: null, func_name: '合计', level: 0 }),
				withId(expenditure)
			],
			appropriation_by_function: [withId(appropriation)],
			basic_by_economic: [withId(basic)],
			three_public: [withId(threePublic)],
			related_expenses: [withId(related)],
			projects: [withId(project)],
			spending_plan: [withId(spending)],
			indicators: [withId(indicator)],
			procurement: [withId(procurement)],
			assets: [withId(asset)]
		},
		issues: [withId(issue)],
		lines: LINES.map((text, i) => ({ doc_id: id, line_no: i + 1, text })),
		accounting: { rows_seen: 5, rows_stored: 4, rows_reported: 1 }
	};
}
