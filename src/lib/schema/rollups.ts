/**
 * The rollup tables of a snapshot (format v3): small, precomputed summaries
 * written next to the tables in both layouts, so the overview page can draw
 * before any large table is fetched. Columns, types and bilingual
 * descriptions here are the contract; the SQL that builds them lives in
 * src/lib/snapshot/rollups.ts and a test checks the written files match.
 * Pure TypeScript (browser and Node).
 */
import type { Column, ColumnType } from './define';

export type RollupName = 'rollup_overview' | 'rollup_documents';

export interface RollupDef {
	name: RollupName;
	zh: string;
	en: string;
	columns: Column[];
	/** Row order of the file. */
	orderBy: string[];
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

/** Every rollup, in manifest order. */
export const ROLLUPS: readonly RollupDef[] = [rollupOverview, rollupDocuments];
