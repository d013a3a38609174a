/**
 * Snapshot tables about the documents themselves: documents, source_lines
 * (every line of every source, verbatim) and parse_issues.
 */
import type { DocumentRecord, ParseIssueRecord, SourceLineRecord } from '../ingest/model';
import { defineTable } from './define';
import { col, docId } from './columns';

const int = (zh: string, en: string) => col('INTEGER', false, zh, en);

/** The documents row: the parsed record plus columns the snapshot derives (schema/rows.ts). */
export type DocumentRow = DocumentRecord & { province: string | null };

export const documents = defineTable<DocumentRow>({
	name: 'documents',
	zh: '文档：每个源文件一行',
	en: 'Documents: one row per source file',
	columns: {
		doc_id: docId,
		source_name: col('VARCHAR', false, '源文件名（不含路径）', 'Source file name (no path)'),
		sha256: col('VARCHAR', false, '源文件 SHA-256（十六进制）', 'SHA-256 of the source file (hex)'),
		department_code: col('VARCHAR', true, '部门（单位）编码', 'Department (unit) budget code'),
		department_name: col('VARCHAR', true, '部门（单位）名称', 'Department (unit) name'),
		region: col('VARCHAR', true, '地区', 'Region'),
		fiscal_year: col('INTEGER', true, '预算（决算）年度', 'Fiscal year'),
		kind: col('VARCHAR', false, '类型：budget 预算，final 决算', "Kind: 'budget' or 'final'"),
		scope: col(
			'VARCHAR',
			false,
			'口径：department 部门，unit 单位',
			"Scope: 'department' or 'unit'"
		),
		layout: col(
			'VARCHAR',
			false,
			'版式：hebei / shanghai / jiangsu / generic',
			'Regional layout variant: hebei, shanghai, jiangsu or generic'
		),
		amount_unit: col(
			'VARCHAR',
			false,
			'多数财务表声明的金额单位（万元 / 元）；快照中金额均已换算为万元',
			'Unit most financial tables declare (万元 or 元); snapshot amounts are all in 万元'
		),
		title: col('VARCHAR', true, '文档标题', 'Document title'),
		line_count: int('源文件行数', 'Number of lines in the source'),
		rows_seen: int('表格行数（含制表符的行）', 'Table rows (lines with a tab) in the source'),
		rows_stored: int('进入标准表的表格行数', 'Table rows that landed in a normalized table'),
		rows_reported: int(
			'仅进入 parse_issues 的表格行数',
			'Table rows that landed only in parse_issues'
		),
		tables_found: col(
			'VARCHAR',
			false,
			'识别出的标准表，逗号分隔',
			'Standard tables recognized, comma-separated'
		),
		department_key: col(
			'VARCHAR',
			true,
			'跨年度稳定的部门标识：地区/规范化部门名称（如“上海市普陀区/万里街道办事处”）；未识别部门时为空',
			'Department identity stable across years: region/normalized name (e.g. 上海市普陀区/万里街道办事处); NULL when no department is named'
		),
		tables_expected: col(
			'VARCHAR',
			false,
			'该类型（预算/决算）与版式应公开的标准表，逗号分隔（summary,income,expenditure,appropriation_summary,general_appropriation,basic_economic,gov_fund,soe_capital,three_public）',
			'Standard tables a document of this kind and layout publishes, comma-separated ids'
		),
		tables_missing: col(
			'VARCHAR',
			false,
			'应公开但文档中未出现的标准表，逗号分隔；空串表示齐全',
			"Expected standard tables the document does not print, comma-separated; '' when complete"
		),
		province: col(
			'VARCHAR',
			true,
			'省级单位（由地区推出，如 河北省、上海市、江苏省）；地区为空或无法识别时为空。大快照按它与 fiscal_year 分区',
			'Province-level unit of region (河北省, 上海市, 江苏省…); NULL when region is NULL or unknown. Large snapshots are partitioned by it and fiscal_year'
		)
	},
	orderBy: ['doc_id']
});

export const sourceLines = defineTable<SourceLineRecord>({
	name: 'source_lines',
	zh: '源文件全文：每行一条，原样保存',
	en: 'Every line of every source, verbatim',
	columns: {
		doc_id: docId,
		line_no: int('行号（从 1 开始）', 'Line number (1-based)'),
		text: col(
			'VARCHAR',
			false,
			'该行原文（单元格以制表符分隔）',
			'The line as printed (cells tab-separated)'
		),
		page: col(
			'INTEGER',
			true,
			'PDF 页码（从 1 开始）；文本来源为空',
			'PDF page (1-based); NULL for text sources'
		),
		x: col(
			'INTEGER',
			true,
			'PDF 中该行外框左边距页面左边的距离（磅，1/72 英寸）',
			'PDF: left edge of the line box from the page’s left edge (points, 1/72 inch)'
		),
		y: col(
			'INTEGER',
			true,
			'PDF 中该行外框上边距页面顶边的距离（磅，向下为正）',
			'PDF: top edge of the line box from the page’s top edge (points, downwards)'
		),
		width: col('INTEGER', true, 'PDF 中该行外框宽度（磅）', 'PDF: width of the line box (points)'),
		height: col('INTEGER', true, 'PDF 中该行外框高度（磅）', 'PDF: height of the line box (points)')
	},
	orderBy: ['doc_id', 'line_no']
});

export const parseIssues = defineTable<ParseIssueRecord>({
	name: 'parse_issues',
	zh: '解析问题：未识别的行、异常数值等，附原文',
	en: 'Parse issues: unrecognized rows, bad values…, with the raw text',
	columns: {
		doc_id: docId,
		table_name: col(
			'VARCHAR',
			false,
			'相关的标准表（或 unrecognized / snapshot）',
			"Table concerned (or 'unrecognized' / 'snapshot')"
		),
		source_line: col('INTEGER', true, '相关源文件行号', 'Source line concerned'),
		severity: col(
			'VARCHAR',
			false,
			'级别：error / warning / info',
			'Severity: error, warning or info'
		),
		code: col(
			'VARCHAR',
			false,
			'问题代码（如 unrecognized_row）',
			"Issue code (e.g. 'unrecognized_row')"
		),
		message: col(
			'VARCHAR',
			false,
			'说明（含文件名、行号与表名）',
			'Message naming document, line and table'
		),
		raw: col('VARCHAR', true, '该行原文', 'Raw text of the line')
	},
	orderBy: ['doc_id', 'source_line']
});
