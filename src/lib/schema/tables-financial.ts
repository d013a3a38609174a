/**
 * Snapshot tables for the standard financial tables: 收支总表, 收入总表,
 * 支出总表, 财政拨款支出表 (by fund), 基本支出经济分类表, 三公 and related expenses.
 */
import type {
	AppropriationByFunctionRecord,
	BasicByEconomicRecord,
	ExpenditureByFunctionRecord,
	IncomeByFunctionRecord,
	RelatedExpenseRecord,
	SummaryRecord,
	ThreePublicRecord
} from '../ingest/model';
import { defineTable } from './define';
import {
	col,
	docId,
	figureSource,
	fiscalYear,
	functionKey,
	measure,
	money,
	sourceLine
} from './columns';

export const summary = defineTable<SummaryRecord>({
	name: 'summary',
	zh: '收支总表与财政拨款收支总表的各行',
	en: 'Lines of the budget summary (收支总表) and the appropriation summary (财政拨款收支总表)',
	columns: {
		doc_id: docId,
		table_kind: col(
			'VARCHAR',
			false,
			'来源表：summary 收支总表，appropriation_summary 财政拨款收支总表',
			"Source table: 'summary' or 'appropriation_summary'"
		),
		side: col('VARCHAR', false, '收入或支出一侧：income / expense', "Side: 'income' or 'expense'"),
		seq: col('INTEGER', false, '该侧内的行序（从 1 开始）', 'Order of the line within its side'),
		item: col('VARCHAR', false, '项目名称（如“一般公共预算拨款收入”）', 'Line item as printed'),
		amount: money('金额', 'Amount'),
		general: money('一般公共预算（财政拨款收支总表支出行）', 'General public budget column'),
		gov_fund: money('政府性基金预算', 'Government fund budget column'),
		soe_capital: money('国有资本经营预算', 'State capital operation budget column'),
		measure,
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line', 'table_kind', 'side', 'seq']
});

export const incomeByFunction = defineTable<IncomeByFunctionRecord>({
	name: 'income_by_function',
	zh: '收入总表：按支出功能分类科目的收入',
	en: 'Income by functional classification (收入总表)',
	columns: {
		...functionKey,
		total: money('合计', 'Total'),
		current_year: money('本年收入小计', 'Current-year income subtotal'),
		fiscal_appropriation: money('财政拨款收入', 'Fiscal appropriation'),
		fiscal_special_account: money('财政专户管理资金收入', 'Funds in the fiscal special account'),
		business_income: money('事业收入', 'Public-service (事业) income'),
		operating_income: money('事业单位经营收入', 'Operating income of public institutions'),
		superior_subsidy: money('上级补助收入', 'Subsidy from the superior unit'),
		subordinate_remittance: money('附属单位上缴收入', 'Remittance from subordinate units'),
		other_income: money('其他收入', 'Other income'),
		carryover: money('上年结转（结余）', 'Carry-over from the prior year'),
		measure,
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line']
});

export const expenditureByFunction = defineTable<ExpenditureByFunctionRecord>({
	name: 'expenditure_by_function',
	zh: '支出总表：按支出功能分类科目的支出',
	en: 'Expenditure by functional classification (支出总表)',
	columns: {
		...functionKey,
		total: money('合计', 'Total'),
		basic: money('基本支出', 'Basic (operating) expenditure'),
		project: money('项目支出', 'Project expenditure'),
		operating: money('事业单位经营支出', 'Operating expenditure of public institutions'),
		remit_superior: money('上缴上级支出', 'Remittance to the superior unit'),
		subsidy_subordinate: money('对附属单位补助支出', 'Subsidy to subordinate units'),
		measure,
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line']
});

export const appropriationByFunction = defineTable<AppropriationByFunctionRecord>({
	name: 'appropriation_by_function',
	zh: '财政拨款支出表（一般公共预算、政府性基金、国有资本经营）按功能分类',
	en: 'Appropriation expenditure by functional classification, one row per fund',
	columns: {
		...functionKey,
		fund: col(
			'VARCHAR',
			false,
			'资金性质：general 一般公共预算，gov_fund 政府性基金，soe_capital 国有资本经营',
			"Fund: 'general', 'gov_fund' or 'soe_capital'"
		),
		total: money('合计', 'Total'),
		basic: money('基本支出', 'Basic expenditure'),
		project: money('项目支出', 'Project expenditure'),
		measure,
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line', 'fund']
});

export const basicByEconomic = defineTable<BasicByEconomicRecord>({
	name: 'basic_by_economic',
	zh: '一般公共预算财政拨款基本支出表：按经济分类',
	en: 'Basic expenditure by economic classification',
	columns: {
		doc_id: docId,
		econ_code: col(
			'VARCHAR',
			true,
			'部门预算支出经济分类科目编码（3 或 5 位）；合计行为空',
			'Economic classification code (3 or 5 digits); NULL for the total row'
		),
		econ_name: col('VARCHAR', false, '经济分类科目名称', 'Economic classification name'),
		level: col('INTEGER', false, '级次：0 合计，1 类，2 款', 'Level: 0 total, 1 类, 2 款'),
		total: money('合计', 'Total'),
		personnel: money('人员经费', 'Personnel expenses'),
		public: money('公用经费', 'Public (office) expenses'),
		measure,
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line']
});

export const threePublic = defineTable<ThreePublicRecord>({
	name: 'three_public',
	zh: '“三公”经费：因公出国（境）费、公务用车购置及运行费、公务接待费',
	en: '"Three public" expenses: outbound travel, official vehicles, official reception',
	columns: {
		doc_id: docId,
		fiscal_year: fiscalYear,
		category: col(
			'VARCHAR',
			false,
			'类别：total 合计，outbound_travel 因公出国（境），vehicle_purchase 车辆购置，vehicle_operation 车辆运行，vehicle_total 公务用车小计，reception 公务接待',
			'Category: total, outbound_travel, vehicle_purchase, vehicle_operation, vehicle_total, reception'
		),
		amount: money('金额', 'Amount'),
		source: figureSource,
		measure,
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line', 'measure', 'category']
});

export const relatedExpenses = defineTable<RelatedExpenseRecord>({
	name: 'related_expenses',
	zh: '会议费、培训费与机关运行经费',
	en: 'Meeting, training and administrative operation expenses',
	columns: {
		doc_id: docId,
		fiscal_year: fiscalYear,
		category: col(
			'VARCHAR',
			false,
			'类别：meeting 会议费，training 培训费，admin_operation 机关运行经费',
			'Category: meeting, training, admin_operation'
		),
		amount: money('金额', 'Amount'),
		source: figureSource,
		measure,
		source_line: sourceLine
	},
	orderBy: ['doc_id', 'source_line', 'measure', 'category']
});
