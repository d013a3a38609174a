/**
 * 异常指标 flags: the list a supervisor works through, one page at a time,
 * filterable by rule, severity, department and document, each with its
 * source line's text; and counts by rule and severity. Reads the `flags`
 * table, which the loaders create empty when the snapshot has none.
 *
 * Speed at 100,000 documents (413 k flags, DuckDB-WASM, one thread): the
 * department of each flag comes from `rollup_documents` (source 'rollup',
 * loaded with the snapshot, dept_key precomputed) rather than documents +
 * the deptKey expression per row; the view sorts only the narrow keys of a
 * page (flagPageQuery), then reads those rows whole (flagsQuery with flagIds).
 * 'live' reads `documents`, for snapshots without rollups and after the user
 * dropped documents into the page (the rollup does not hold them).
 */
import type { Statement } from '../db/types';
import type { OverviewSource } from './overview-pages';
import { deptKey, Params, deptIn } from './sql';

export type FlagSource = OverviewSource;

export interface FlagFilter {
	rules?: readonly string[];
	severities?: readonly string[];
	departments?: readonly string[];
	docIds?: readonly string[];
	/** Only these flags (a page's ids from flagPageQuery). */
	flagIds?: readonly string[];
}

export interface FlagPage {
	offset: number;
	limit: number;
}

/** Rows per page of the flags view. */
export const FLAG_PAGE = 200;

export interface FlagRow {
	flag_id: string;
	rule_id: string;
	severity: string;
	doc_id: string;
	dept_key: string | null;
	department_name: string | null;
	fiscal_year: number | null;
	project_code: string | null;
	table_name: string | null;
	source_line: number | null;
	message: string;
	evidence: string | null;
	/** Text of the source line, when the snapshot holds it. */
	line_text: string | null;
}

/** doc_id → department key, name and year, from the rollup or computed from documents. */
function deptOfDoc(source: FlagSource): string {
	return source === 'rollup'
		? `SELECT doc_id, dept_key, department_name, fiscal_year FROM rollup_documents`
		: `SELECT d.doc_id, ${deptKey('d')} AS dept_key, d.department_name,
		d.fiscal_year::INTEGER AS fiscal_year FROM documents d`;
}

function where(p: Params, f: FlagFilter): string {
	return [
		p.inList('f.rule_id', f.rules ?? []),
		p.inList('f.severity', f.severities ?? []),
		deptIn(p, f.departments ?? [], 'dk.dept_key', 'dk.department_name'),
		p.inList('f.doc_id', f.docIds ?? []),
		p.inList('f.flag_id', f.flagIds ?? [])
	].join(' AND ');
}

/** The list's order; every column qualified (doc_id is in more than one input). */
const order = (a: string) =>
	`CASE ${a}.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, ${a}.rule_id, dept_key, ${a}.doc_id, ${a}.source_line, ${a}.flag_id`;

const clampPage = (page: FlagPage): FlagPage => ({
	offset: Math.max(0, Math.floor(page.offset)),
	limit: Math.max(1, Math.min(Math.floor(page.limit), 100_000))
});

/**
 * Flags with their department and source line text, most severe first, then
 * by rule, department, document and line. With `filter.flagIds` (the ids of
 * one page from flagPageQuery) only those rows are joined: that is how the
 * view reads a page.
 */
export function flagsQuery(
	filter: FlagFilter = {},
	page: FlagPage = { offset: 0, limit: FLAG_PAGE },
	source: FlagSource = 'live'
): Statement {
	const p = new Params();
	const { offset, limit } = clampPage(page);
	return p.statement(`
WITH dk AS (${deptOfDoc(source)}),
page AS (
	SELECT f.flag_id::VARCHAR AS flag_id, f.rule_id, f.severity, f.doc_id,
		CASE WHEN dk.doc_id IS NULL THEN NULL ELSE dk.dept_key END AS dept_key, dk.department_name,
		dk.fiscal_year::INTEGER AS fiscal_year, f.project_code, f.table_name,
		f.source_line::INTEGER AS source_line, f.message, f.evidence::VARCHAR AS evidence
	FROM flags f LEFT JOIN dk ON dk.doc_id = f.doc_id
	WHERE ${where(p, filter)}
	ORDER BY ${order('f')}
	LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}
)
SELECT page.*, s.text AS line_text
FROM page LEFT JOIN source_lines s ON s.doc_id = page.doc_id AND s.line_no = page.source_line
ORDER BY ${order('page')}`);
}

export interface FlagKeyRow {
	flag_id: string;
	doc_id: string;
}

/**
 * The ids of one page of flags, in the list's order: only the narrow sort
 * keys cross the join and the sort (at 413 k flags in DuckDB-WASM about half
 * the time of sorting whole rows); flagsQuery({ flagIds }) then reads the page.
 */
export function flagPageQuery(
	filter: FlagFilter = {},
	page: FlagPage = { offset: 0, limit: FLAG_PAGE },
	source: FlagSource = 'live'
): Statement {
	const p = new Params();
	const { offset, limit } = clampPage(page);
	return p.statement(`
WITH dk AS (${deptOfDoc(source)})
SELECT f.flag_id::VARCHAR AS flag_id, f.doc_id
FROM flags f LEFT JOIN dk ON dk.doc_id = f.doc_id
WHERE ${where(p, filter)}
ORDER BY ${order('f')}
LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`);
}

export interface FlagCountRow {
	rule_id: string;
	severity: string;
	n: number;
}

/**
 * Flags per rule and severity (the rule and severity pickers, the bar chart
 * and the pager's total). Joins the documents only when filtering by department.
 */
export function flagCountsQuery(filter: FlagFilter = {}, source: FlagSource = 'live'): Statement {
	const p = new Params();
	const byDept = (filter.departments ?? []).length > 0;
	return p.statement(`
${byDept ? `WITH dk AS (${deptOfDoc(source)})` : ''}
SELECT f.rule_id, f.severity, count(*)::INTEGER AS n
FROM flags f ${byDept ? 'LEFT JOIN dk ON dk.doc_id = f.doc_id' : ''}
WHERE ${where(p, filter)}
GROUP BY f.rule_id, f.severity
ORDER BY n DESC, f.rule_id, f.severity`);
}
