/**
 * Snapshot tables for project 绩效目标表 (projects, spending_plan, indicators)
 * and the 政府采购 / 国有资产 tables.
 */
import type {
	AssetRecord,
	IndicatorRecord,
	ProcurementRecord,
	ProjectRecord,
	SpendingPlanRecord
} from '../ingest/model';
import { defineTable } from './define';
import { col, docId, money, sourceLine } from './columns';

const text = (zh: string, en: string) => col('VARCHAR', true, zh, en);

export const projects = defineTable<ProjectRecord>({
	name: 'projects',
	zh: '项目绩效目标表：每个项目一行',
	en: 'Projects from the project performance target tables (项目绩效目标表), one row each',
	columns: {
		doc_id: docId,
		project_seq: col(
			'INTEGER',
			false,
			'项目绩效目标表在文档中的序号（从 1 开始），关联 indicators 与 spending_plan',
			'Order of the performance table in the document (1-based); joins indicators and spending_plan'
		),
		project_code: text('项目编码', 'Project code'),
		project_name: col('VARCHAR', false, '项目名称', 'Project name'),
		amount: money('项目资金总额', 'Project budget'),
		fiscal_amount: money('其中：财政资金', 'Of which fiscal funds'),
		other_amount: money('其中：其他资金', 'Of which other funds'),
		purpose: text('项目概况 / 立项依据', 'Project overview / purpose'),
		goals: text('年度绩效目标', 'Annual performance goals'),
		managing_department: text('主管部门（上海版式）', 'Managing department (Shanghai layout)'),
		implementing_unit: text('实施单位', 'Implementing unit'),
		project_nature: text('项目性质', 'Project nature'),
		project_category: text('项目类别', 'Project category'),
		start_date: text('项目开始时间（原文）', 'Start date as printed'),
		end_date: text('项目结束时间（原文）', 'End date as printed'),
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'project_seq', 'source_line']
});

export const spendingPlan = defineTable<SpendingPlanRecord>({
	name: 'spending_plan',
	zh: '项目资金支出计划（按时点累计）',
	en: 'Project spending plan by period (cumulative)',
	columns: {
		doc_id: docId,
		project_seq: col('INTEGER', false, '所属项目序号', 'Project (projects.project_seq)'),
		period: col(
			'VARCHAR',
			false,
			'时点标签（原文，如“3月底”“第一季度”）',
			"Period label as printed ('3月底', '第一季度'…)"
		),
		percent: col(
			'DECIMAL(18,4)',
			true,
			'累计支出进度百分比（0–100）',
			'Cumulative percent (0–100) when given as a percent'
		),
		amount: money('计划支出金额', 'Planned amount when given as money'),
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'project_seq', 'source_line']
});

export const indicators = defineTable<IndicatorRecord>({
	name: 'indicators',
	zh: '绩效指标（项目及部门整体）',
	en: 'Performance indicators (per project and department-wide)',
	columns: {
		doc_id: docId,
		project_seq: col(
			'INTEGER',
			true,
			'所属项目序号；部门整体绩效目标为空',
			'Project (projects.project_seq); NULL for department-wide indicators'
		),
		project_code: text('项目编码', 'Project code'),
		seq: col('INTEGER', false, '项目内指标序号（从 1 开始）', 'Order within its project'),
		level1: text('一级指标', 'Level-1 indicator (e.g. 产出指标)'),
		level2: text('二级指标', 'Level-2 indicator (e.g. 数量指标)'),
		name: col('VARCHAR', false, '三级指标（指标名称）', 'Level-3 indicator (the indicator name)'),
		description: text('指标解释 / 指标内容', 'Indicator description'),
		target_raw: text('指标值（原文）', 'Target as printed'),
		target_op: text('比较符：≥ ≤ > < =', 'Comparison operator: ≥ ≤ > < ='),
		target_value: col(
			'DECIMAL(18,6)',
			true,
			'指标值的数字部分（非金额）',
			'Numeric part of the target (not money)'
		),
		target_unit: text('指标值单位（如 %、人、个）', "Target unit ('%', '人', '个'…)"),
		basis: text('指标值设定依据', 'Basis for the target'),
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'project_seq', 'seq', 'source_line']
});

export const procurement = defineTable<ProcurementRecord>({
	name: 'procurement',
	zh: '政府采购预算',
	en: 'Government procurement budget',
	columns: {
		doc_id: docId,
		project_name: text('项目名称', 'Project name'),
		item_name: text('采购品目', 'Item purchased'),
		catalog_code: text('政府采购目录编码', 'Procurement catalogue code'),
		unit: text('计量单位', 'Unit of measure'),
		quantity: col('DECIMAL(18,4)', true, '数量', 'Quantity'),
		unit_price: money('单价', 'Unit price'),
		amount: money('金额', 'Amount'),
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line']
});

export const assets = defineTable<AssetRecord>({
	name: 'assets',
	zh: '国有资产占用情况',
	en: 'State-owned assets held',
	columns: {
		doc_id: docId,
		item: col('VARCHAR', false, '资产项目', 'Asset item'),
		quantity: col('DECIMAL(18,4)', true, '数量', 'Quantity'),
		amount: money('金额', 'Amount'),
		declared_unit: text(
			'文档声明的金额单位（换算前）',
			'Unit the document declared for the amount, before conversion'
		),
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line']
});
