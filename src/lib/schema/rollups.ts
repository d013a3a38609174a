/**
 * The rollup tables of a snapshot (format v3): small, precomputed summaries
 * written next to the tables in both layouts, so the overview page can draw
 * before any large table is fetched. Columns, types and bilingual
 * descriptions here are the contract; the SQL that builds them lives in
 * src/lib/snapshot/rollups.ts and a test checks the written files match.
 * Pure TypeScript (browser and Node).
 */
import type { Column, ColumnType } from './define';

export type RollupName =
	| 'rollup_overview'
	| 'rollup_documents'
	| 'rollup_per_capita'
	| 'rollup_per_capita_groups'
	| 'rollup_per_capita_departments';

export interface RollupDef {
	name: RollupName;
	zh: string;
	en: string;
	columns: Column[];
	/** Row order of the file: column names, or SQL expressions over them. */
	orderBy: string[];
	/**
	 * Not fetched when the snapshot opens: loaded when a view needs it
	 * (db/browser.ts creates it empty, db/browser-lazy.ts fills it).
	 */
	lazy?: boolean;
}

const c = (name: string, type: ColumnType, nullable: boolean, zh: string, en: string): Column => ({
	name,
	type,
	nullable,
	zh,
	en
});
const DEC = 'DECIMAL(18,4)';

export const rollupDocuments: RollupDef = {
	name: 'rollup_documents',
	zh: '文档汇总：总览查询（overviewQuery）对整个快照的结果，每个文档一行，外加 province',
	en: 'Document rollup: the overview query (overviewQuery) over the whole snapshot, one row per document, plus province',
	columns: [
		c('doc_id', 'VARCHAR', false, '文档标识', 'Document id'),
		c(
			'dept_key',
			'VARCHAR',
			false,
			'部门键：department_key，否则部门名称，否则源文件名',
			'Department key: department_key, else department name, else source file name'
		),
		c('department_name', 'VARCHAR', true, '部门（单位）名称', 'Department (unit) name'),
		c('department_code', 'VARCHAR', true, '部门（单位）编码', 'Department (unit) code'),
		c('region', 'VARCHAR', true, '地区', 'Region'),
		c('fiscal_year', 'INTEGER', true, '年度', 'Fiscal year'),
		c('kind', 'VARCHAR', false, '类型：budget / final', "Kind: 'budget' or 'final'"),
		c('scope', 'VARCHAR', false, '口径：department / unit', "Scope: 'department' or 'unit'"),
		c('layout', 'VARCHAR', false, '版式', 'Regional layout variant'),
		c('source_name', 'VARCHAR', false, '源文件名', 'Source file name'),
		c(
			'expenditure_total',
			DEC,
			true,
			'支出合计（万元）：支出总表合计行，否则各类之和',
			'Total expenditure (万元): the 合计 row of the expenditure table, else the sum of its 类 rows'
		),
		c('basic_total', DEC, true, '基本支出合计（万元）', 'Basic expenditure total (万元)'),
		c('project_total', DEC, true, '项目支出合计（万元）', 'Project expenditure total (万元)'),
		c(
			'three_public_total',
			DEC,
			true,
			'本年度“三公”经费合计（万元；决算取决算数）',
			'三公 total of the document’s own year (万元; 决算数 for final accounts)'
		),
		c('project_count', 'INTEGER', false, '项目数', 'Number of projects'),
		c('indicator_count', 'INTEGER', false, '绩效指标数', 'Number of performance indicators'),
		c('issue_count', 'INTEGER', false, '解析问题数', 'Number of parse issues'),
		c('issue_errors', 'INTEGER', false, '其中 error 级', 'Of which errors'),
		c('issue_warnings', 'INTEGER', false, '其中 warning 级', 'Of which warnings'),
		c('rows_seen', 'INTEGER', false, '表格行数', 'Table rows seen'),
		c('rows_stored', 'INTEGER', false, '进入标准表的行数', 'Table rows stored'),
		c('rows_reported', 'INTEGER', false, '仅进入 parse_issues 的行数', 'Table rows only reported'),
		c(
			'province',
			'VARCHAR',
			true,
			'省级单位（documents.province）',
			'Province (documents.province)'
		)
	],
	orderBy: ['dept_key', 'fiscal_year', 'kind', 'doc_id']
};

const count = (name: string, zh: string, en: string) => c(name, 'INTEGER', false, zh, en);
const sum = (name: string, zh: string, en: string) =>
	c(
		name,
		DEC,
		true,
		`${zh}之和（万元，精确；全为空时为空）`,
		`Sum of ${en} (万元, exact; NULL when all NULL)`
	);

export const rollupOverview: RollupDef = {
	name: 'rollup_overview',
	zh: '总览汇总：每个（年度、省级单位、类型）一行，由 rollup_documents 与 flags 精确汇总',
	en: 'Overview rollup: one row per (fiscal_year, province, kind), exact sums over rollup_documents and flags',
	columns: [
		c('fiscal_year', 'INTEGER', true, '年度', 'Fiscal year'),
		c('province', 'VARCHAR', true, '省级单位', 'Province'),
		c('kind', 'VARCHAR', false, '类型：budget / final', "Kind: 'budget' or 'final'"),
		count('documents', '文档数', 'Number of documents'),
		count('departments', '部门数（不同 dept_key）', 'Number of departments (distinct dept_key)'),
		sum('expenditure_total', '支出合计', 'expenditure_total'),
		sum('basic_total', '基本支出', 'basic_total'),
		sum('project_total', '项目支出', 'project_total'),
		sum('three_public_total', '“三公”经费', 'three_public_total'),
		count('project_count', '项目数', 'Number of projects'),
		count('indicator_count', '绩效指标数', 'Number of performance indicators'),
		count('issue_count', '解析问题数', 'Number of parse issues'),
		count('flags_error', 'error 级提示数（flags）', 'Flags of severity error'),
		count('flags_warning', 'warning 级提示数（flags）', 'Flags of severity warning'),
		count('flags_info', 'info 级提示数（flags）', 'Flags of severity info')
	],
	orderBy: ['fiscal_year', 'province', 'kind']
};

const DEPT_KEY_ZH = '部门键：department_key，否则部门名称，否则源文件名';
const DEPT_KEY_EN = 'Department key: department_key, else department name, else source file name';

/** rollup_per_capita keeps the rows of samples up to this size together (see orderBy). */
export const SAMPLE_HEAD = 1024;

export const rollupPerCapita: RollupDef = {
	name: 'rollup_per_capita',
	zh: '人均成本汇总：人均成本查询（perCapitaQuery）对整个快照的结果；分组与中位数按全部文档计算',
	en: 'Per-capita rollup: the per-capita query (perCapitaQuery) over the whole snapshot; groups and medians over every document',
	columns: [
		c(
			'kind',
			'VARCHAR',
			false,
			'来源：declared（申报的成本指标）/ implied（项目金额 ÷ 受益数量）',
			"Source: 'declared' (a cost indicator) or 'implied' (project amount ÷ beneficiary count)"
		),
		c('doc_id', 'VARCHAR', false, '文档标识', 'Document id'),
		c('dept_key', 'VARCHAR', true, DEPT_KEY_ZH, DEPT_KEY_EN),
		c('department_name', 'VARCHAR', true, '部门（单位）名称', 'Department (unit) name'),
		c('fiscal_year', 'INTEGER', true, '年度', 'Fiscal year'),
		c('project_seq', 'INTEGER', true, '项目序号（文档内）', 'Project number within the document'),
		c('project_code', 'VARCHAR', true, '项目编码', 'Project code'),
		c('project_name', 'VARCHAR', true, '项目名称', 'Project name'),
		c(
			'indicator_name',
			'VARCHAR',
			true,
			'指标名称：成本指标（declared）或数量指标（implied）',
			'Indicator name: the cost indicator (declared) or the count indicator (implied)'
		),
		c(
			'group_key',
			'VARCHAR',
			true,
			'指标组：规范化的指标名或项目名（indicator-name.ts）',
			'Group: the normalized indicator or project name (indicator-name.ts)'
		),
		c('target_raw', 'VARCHAR', true, '指标值原文', 'Target value as printed'),
		c('target_unit', 'VARCHAR', true, '指标值单位原文', 'Target unit as printed'),
		c(
			'per_unit',
			'VARCHAR',
			true,
			'受益单位：人 / 户 / 人次；无法识别时为空',
			'Beneficiary unit: 人, 户 or 人次; NULL when the unit could not be read'
		),
		c(
			'cost_yuan',
			DEC,
			true,
			'元/受益单位/年（精确；无法换算时为空）',
			'元 per beneficiary per year (exact; NULL when not convertible)'
		),
		c(
			'group_median',
			DEC,
			true,
			'同组（group_key、per_unit）cost_yuan 的中位数，覆盖全部文档',
			'Median of cost_yuan within (group_key, per_unit), over every document'
		),
		c(
			'group_size',
			'INTEGER',
			true,
			'同组有 cost_yuan 的行数',
			'Rows of the group with a cost_yuan'
		),
		c(
			'note',
			'VARCHAR',
			true,
			'说明（无法换算的原因、推定）',
			'Note (why not convertible, inferences)'
		),
		c('source_line', 'INTEGER', true, '源文件行号', 'Line in the source document'),
		c(
			'group_pos',
			'INTEGER',
			true,
			'本行在同组（group_key、per_unit）内按成本排序的位置，从 0 起（等距抽样用）',
			'0-based position of the row within its (group_key, per_unit) in cost order (IN_GROUP_ORDER; for the even sample)'
		),
		c(
			'group_rows',
			'INTEGER',
			true,
			'同组（group_key、per_unit）的行数（含无 cost_yuan 的行）',
			'Rows of the (group_key, per_unit) group, with or without a cost_yuan'
		),
		c(
			'sample_from',
			'INTEGER',
			true,
			'最小抽样条数：每组至多抽 n 条（每隔 k 行一条，k 为 2 的幂）时，n ≥ 此值即包含本行；组内第一行为 1',
			'Smallest sample size n (perGroup: every k-th row, k a power of two, at most n per group) whose sample holds the row; 1 for the group’s first row'
		)
	],
	// group_pos, group_rows, sample_from: never NULL as written; nullable so that an older
	// rollup_per_capita without them still loads (the view then computes live, see
	// routes/per-capita/per-capita-source.ts).
	// Sorted by group (zone maps skip other groups); within a group, rows of any sample of
	// at most SAMPLE_HEAD rows come first (by sample_from), so a sample reads a few vectors,
	// and the rest stays in cost order (compresses like the unsampled order).
	orderBy: ['group_key', 'per_unit', `least(sample_from, ${SAMPLE_HEAD})`, 'group_pos'],
	lazy: true
};

export const rollupPerCapitaGroups: RollupDef = {
	name: 'rollup_per_capita_groups',
	zh: '人均成本分组汇总：不加筛选时分组查询（perCapitaGroupsQuery）的结果，每个（group_key、per_unit）一行，只计有 cost_yuan 的行',
	en: 'Per-capita groups rollup: the groups query (perCapitaGroupsQuery) without filters, one row per (group_key, per_unit), over rows with a cost_yuan',
	columns: [
		c('group_key', 'VARCHAR', true, '指标组', 'Group (normalized name)'),
		c('per_unit', 'VARCHAR', true, '受益单位：人 / 户 / 人次', 'Beneficiary unit: 人, 户 or 人次'),
		c('n', 'INTEGER', false, '有 cost_yuan 的行数', 'Rows with a cost_yuan'),
		c(
			'departments',
			'INTEGER',
			false,
			'部门数（不同 dept_key）',
			'Departments (distinct dept_key)'
		),
		c('median', DEC, true, 'cost_yuan 中位数（元，精确）', 'Median cost_yuan (元, exact)'),
		c('min', DEC, true, '最低 cost_yuan（元）', 'Lowest cost_yuan (元)'),
		c('max', DEC, true, '最高 cost_yuan（元）', 'Highest cost_yuan (元)')
	],
	orderBy: ['group_key', 'per_unit'],
	lazy: true
};

export const rollupPerCapitaDepartments: RollupDef = {
	name: 'rollup_per_capita_departments',
	zh: '人均成本部门汇总：有人均成本行的部门（dept_key）及行数（perCapitaDepartmentsQuery）',
	en: 'Per-capita departments rollup: departments (dept_key) with any per-capita row and their row counts (perCapitaDepartmentsQuery)',
	columns: [
		c('dept_key', 'VARCHAR', true, DEPT_KEY_ZH, DEPT_KEY_EN),
		c('n', 'INTEGER', false, 'rollup_per_capita 中的行数', 'Rows in rollup_per_capita')
	],
	orderBy: ['dept_key'],
	lazy: true
};

/** Every rollup, in manifest order. */
export const ROLLUPS: readonly RollupDef[] = [
	rollupOverview,
	rollupDocuments,
	rollupPerCapita,
	rollupPerCapitaGroups,
	rollupPerCapitaDepartments
];
