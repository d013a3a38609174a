/**
 * 部门画像 department profile, one document (one department, one year):
 * the documents of a department, the 收支总表 lines, the functional
 * classification hierarchy (类 → 款 → 项 with basic/project split) and the
 * economic classification of basic spending.
 */
import type { Statement } from '../db/types';
import { deptKey, Params, type DecimalString, deptIn } from './sql';

export interface DepartmentDocRow {
	doc_id: string;
	dept_key: string;
	department_name: string | null;
	region: string | null;
	fiscal_year: number | null;
	kind: string;
	scope: string;
	source_name: string;
}

/** Documents of the given departments (all when empty), by department and year. */
export function departmentDocsQuery(departments: readonly string[] = []): Statement {
	const p = new Params();
	return p.statement(`
SELECT d.doc_id, ${deptKey('d')} AS dept_key, d.department_name, d.region,
	d.fiscal_year::INTEGER AS fiscal_year, d.kind, d.scope, d.source_name
FROM documents d WHERE ${deptIn(p, departments, deptKey('d'), 'd.department_name')}
ORDER BY dept_key, d.fiscal_year, d.kind, d.doc_id`);
}

export interface SummaryLineRow {
	table_kind: string;
	side: 'income' | 'expense';
	seq: number;
	item: string;
	amount: DecimalString | null;
	general: DecimalString | null;
	gov_fund: DecimalString | null;
	soe_capital: DecimalString | null;
	source_line: number;
}

export function summaryLinesQuery(docId: string): Statement {
	const p = new Params();
	return p.statement(`
SELECT table_kind, side, seq::INTEGER AS seq, item, amount, general, gov_fund, soe_capital,
	source_line::INTEGER AS source_line
FROM summary WHERE doc_id = ${p.add(docId)}
ORDER BY table_kind DESC, side DESC, seq`);
}

export interface FunctionNodeRow {
	func_code: string | null;
	func_name: string;
	level: number;
	/** Code of the parent (类 for a 款, 款 for a 项); null for 类 and 合计. */
	parent_code: string | null;
	total: DecimalString | null;
	basic: DecimalString | null;
	project: DecimalString | null;
	/** total ÷ the document's 合计 (DOUBLE, for charts). */
	share: number | null;
	source_line: number;
}

/** 支出总表 by function: every level in source order, with parent codes for a hierarchy. */
export function functionTreeQuery(docId: string): Statement {
	const p = new Params();
	return p.statement(`
WITH f AS (SELECT * FROM expenditure_by_function WHERE doc_id = ${p.add(docId)}),
grand AS (
	SELECT coalesce(max(total) FILTER (WHERE level = 0), sum(total) FILTER (WHERE level = 1)) AS g
	FROM f
)
SELECT func_code, func_name, level::INTEGER AS level,
	CASE WHEN level = 2 THEN left(func_code, 3) WHEN level = 3 THEN left(func_code, 5) END AS parent_code,
	total, basic, project,
	CASE WHEN grand.g IS NULL OR grand.g = 0 THEN NULL ELSE (total / grand.g)::DOUBLE END AS share,
	source_line::INTEGER AS source_line
FROM f, grand
ORDER BY source_line, level, func_code`);
}

export interface EconomicNodeRow {
	econ_code: string | null;
	econ_name: string;
	level: number;
	parent_code: string | null;
	total: DecimalString | null;
	personnel: DecimalString | null;
	public: DecimalString | null;
	share: number | null;
	source_line: number;
}

/** 基本支出 by economic classification (301/302/303 … and their 款). */
export function economicTreeQuery(docId: string): Statement {
	const p = new Params();
	return p.statement(`
WITH e AS (SELECT * FROM basic_by_economic WHERE doc_id = ${p.add(docId)}),
-- The grand total: the printed 合计; else the block totals a side-by-side 决算
-- table prints instead (人员经费合计 + 公用经费合计); else the sum of the 类 rows.
grand AS (
	SELECT coalesce(
		max(total) FILTER (WHERE level = 0 AND econ_name = '合计'),
		sum(total) FILTER (WHERE level = 0),
		sum(total) FILTER (WHERE level = 1)
	) AS g
	FROM e
)
SELECT econ_code, econ_name, level::INTEGER AS level,
	CASE WHEN level = 2 THEN left(econ_code, 3) END AS parent_code,
	total, personnel, public,
	CASE WHEN grand.g IS NULL OR grand.g = 0 THEN NULL ELSE (total / grand.g)::DOUBLE END AS share,
	source_line::INTEGER AS source_line
FROM e, grand
ORDER BY level = 0 DESC, coalesce(econ_code, ''), source_line, econ_name`);
}
