/**
 * 总览 overview: one row per loaded document with its department, region,
 * year and kind, headline totals (万元, exact) and parse-issue counts.
 */
import type { Statement } from '../db/types';
import { deptKey, Params, type DecimalString, deptIn } from './sql';

export interface OverviewRow {
	doc_id: string;
	dept_key: string;
	department_name: string | null;
	department_code: string | null;
	region: string | null;
	fiscal_year: number | null;
	kind: string;
	scope: string;
	layout: string;
	source_name: string;
	/** 支出合计: the 合计 row of 支出总表, else the sum of its 类 rows. */
	expenditure_total: DecimalString | null;
	basic_total: DecimalString | null;
	project_total: DecimalString | null;
	/** 三公经费 total of the document's own year from its table (决算数 for final accounts). */
	three_public_total: DecimalString | null;
	project_count: number;
	indicator_count: number;
	issue_count: number;
	issue_errors: number;
	issue_warnings: number;
	rows_seen: number;
	rows_stored: number;
	rows_reported: number;
}

export interface OverviewInput {
	/** Limit to these departments (dept_key); empty = all. */
	departments?: readonly string[];
	years?: readonly number[];
}

export function overviewQuery(input: OverviewInput = {}): Statement {
	const p = new Params();
	const where = [
		deptIn(p, input.departments ?? [], deptKey('d'), 'd.department_name'),
		p.inList('d.fiscal_year', input.years ?? [])
	].join(' AND ');
	return p.statement(`
WITH exp AS (
	SELECT doc_id,
		coalesce(max(total) FILTER (WHERE level = 0), sum(total) FILTER (WHERE level = 1)) AS total,
		coalesce(max(basic) FILTER (WHERE level = 0), sum(basic) FILTER (WHERE level = 1)) AS basic,
		coalesce(max(project) FILTER (WHERE level = 0), sum(project) FILTER (WHERE level = 1)) AS project
	FROM expenditure_by_function GROUP BY doc_id
),
tp AS (
	-- final accounts print 预算数 and 决算数: show 决算数 for them, 预算数 for budgets
	SELECT t.doc_id,
		arg_max(t.amount, CASE WHEN t.measure = CASE d2.kind WHEN 'final' THEN 'actual' ELSE 'budget' END
			THEN 1 ELSE 0 END) AS total
	FROM three_public t JOIN documents d2 ON d2.doc_id = t.doc_id
	WHERE t.category = 'total' AND t.source = 'table' AND t.fiscal_year = d2.fiscal_year
	GROUP BY t.doc_id
),
pr AS (SELECT doc_id, count(*) AS n FROM projects GROUP BY doc_id),
ind AS (SELECT doc_id, count(*) AS n FROM indicators GROUP BY doc_id),
iss AS (
	SELECT doc_id, count(*) AS n,
		count(*) FILTER (WHERE severity = 'error') AS errors,
		count(*) FILTER (WHERE severity = 'warning') AS warnings
	FROM parse_issues GROUP BY doc_id
)
SELECT d.doc_id, ${deptKey('d')} AS dept_key, d.department_name, d.department_code, d.region,
	d.fiscal_year::INTEGER AS fiscal_year, d.kind, d.scope, d.layout, d.source_name,
	exp.total::DECIMAL(18,4) AS expenditure_total, exp.basic::DECIMAL(18,4) AS basic_total,
	exp.project::DECIMAL(18,4) AS project_total, tp.total AS three_public_total,
	coalesce(pr.n, 0)::INTEGER AS project_count, coalesce(ind.n, 0)::INTEGER AS indicator_count,
	coalesce(iss.n, 0)::INTEGER AS issue_count, coalesce(iss.errors, 0)::INTEGER AS issue_errors,
	coalesce(iss.warnings, 0)::INTEGER AS issue_warnings,
	d.rows_seen::INTEGER AS rows_seen, d.rows_stored::INTEGER AS rows_stored,
	d.rows_reported::INTEGER AS rows_reported
FROM documents d
LEFT JOIN exp USING (doc_id) LEFT JOIN tp USING (doc_id) LEFT JOIN pr USING (doc_id)
LEFT JOIN ind USING (doc_id) LEFT JOIN iss USING (doc_id)
WHERE ${where}
ORDER BY dept_key, d.fiscal_year, d.kind, d.doc_id`);
}

export interface ParseIssueRow {
	doc_id: string;
	table_name: string;
	source_line: number | null;
	severity: string;
	code: string;
	message: string;
	raw: string | null;
}

/** Parse issues of one document (or all when docId is null), errors first. */
export function parseIssuesQuery(docId: string | null, limit = 1000): Statement {
	const p = new Params();
	const where = docId === null ? 'TRUE' : `doc_id = ${p.add(docId)}`;
	return p.statement(`
SELECT doc_id, table_name, source_line::INTEGER AS source_line, severity, code, message, raw
FROM parse_issues WHERE ${where}
ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, doc_id, source_line
LIMIT ${p.add(limit)}`);
}
