/**
 * Column helpers shared by the table declarations: `col()` builds one column
 * spec on one line, and the common columns (doc_id, source_line, the
 * functional-classification key) are declared once here.
 */
import type { ColumnType } from './define';

export function col<T extends ColumnType, N extends boolean>(
	type: T,
	nullable: N,
	zh: string,
	en: string
): { type: T; nullable: N; zh: string; en: string } {
	return { type, nullable, zh, en };
}

export const MONEY = 'DECIMAL(18,4)';

/** A nullable amount in 万元. */
export function money(zh: string, en: string) {
	return col(MONEY, true, `${zh}（万元）`, `${en} (万元, 10,000 CNY)`);
}

export const docId = col(
	'VARCHAR',
	false,
	'文档标识：源文件 SHA-256 的前 16 位十六进制',
	'Document id: first 16 hex digits of the source file SHA-256'
);

export const sourceLine = col(
	'INTEGER',
	false,
	'记录来自源文件的行号（从 1 开始）',
	'Source line (1-based) the record was read from'
);

export const functionKey = {
	doc_id: docId,
	func_code: col(
		'VARCHAR',
		true,
		'支出功能分类科目编码（3、5 或 7 位）；合计行为空',
		'Functional classification code (3, 5 or 7 digits); NULL for the total row'
	),
	func_name: col('VARCHAR', false, '功能分类科目名称', 'Functional classification name'),
	level: col(
		'INTEGER',
		false,
		'科目级次：0 合计，1 类，2 款，3 项',
		'Level: 0 total, 1 类 (class), 2 款 (section), 3 项 (item)'
	)
} as const;

export const fiscalYear = col(
	'INTEGER',
	true,
	'数字所属年度（叙述中的上年数为上一年）',
	'Fiscal year the figure belongs to (prior year for narrative comparatives)'
);

export const figureSource = col(
	'VARCHAR',
	false,
	'来源：table 表格，narrative 仅见于文字说明',
	"Origin: 'table' or 'narrative' (stated only in the text)"
);

export const measure = col(
	'VARCHAR',
	false,
	'口径：budget 预算数，actual 决算数',
	"Measure: 'budget' or 'actual' (决算数)"
);
