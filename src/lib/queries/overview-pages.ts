/**
 * 总览 at any size: the document list one page at a time, its totals, and a
 * department search, so no view ever pulls 100,000 rows into the page.
 *
 * The rows come from `rollup_documents` (the snapshot's precomputed
 * overviewQuery() rows plus `province`, loaded when the snapshot opens), or —
 * for snapshots written before rollups, and once documents were dropped onto
 * the page — from overviewQuery() itself as a subquery ('live'), which gives
 * the same columns.
 */
import type { Statement } from '../db/types';
import { overviewQuery, type OverviewRow } from './overview';
import { deptKey, Params } from './sql';

/** 'rollup': the rollup_documents table; 'live': overviewQuery() computed now. */
export type OverviewSource = 'rollup' | 'live';

export interface OverviewPageRow extends OverviewRow {
	province: string | null;
}

export interface OverviewFilter {
	/** Substring of the department key or name, or an exact doc id. */
	search?: string;
	years?: readonly number[];
	/** Only these documents. */
	docIds?: readonly string[];
	/** Only documents with a 支出合计. */
	withExpenditure?: boolean;
}

export const OVERVIEW_PAGE_MAX = 1000;

function from(source: OverviewSource): string {
	if (source === 'rollup') return 'rollup_documents';
	// overviewQuery() without filters binds no parameters, so it nests as is.
	// documents.province as in rollup_documents, so the list shows it after a drop too.
	return `(SELECT o.*, d.province FROM (${overviewQuery().sql}) o LEFT JOIN documents d ON d.doc_id = o.doc_id)`;
}

function where(p: Params, f: OverviewFilter): string {
	const parts = [p.inList('fiscal_year', f.years ?? []), p.inList('doc_id', f.docIds ?? [])];
	const s = (f.search ?? '').trim();
	if (s !== '') {
		const v = p.add(s.toLowerCase());
		parts.push(
			`(contains(lower(dept_key), ${v}) OR contains(lower(coalesce(department_name, '')), ${v}) OR doc_id = ${v})`
		);
	}
	if (f.withExpenditure) parts.push('expenditure_total IS NOT NULL');
	return parts.join(' AND ');
}

/** One page of overview rows (overviewQuery's order), at most OVERVIEW_PAGE_MAX. */
export function overviewPageQuery(
	filter: OverviewFilter,
	page: { offset: number; limit: number },
	source: OverviewSource = 'rollup'
): Statement {
	const p = new Params();
	const limit = Math.max(1, Math.min(Math.floor(page.limit), OVERVIEW_PAGE_MAX));
	const offset = Math.max(0, Math.floor(page.offset));
	return p.statement(`
SELECT * FROM ${from(source)}
WHERE ${where(p, filter)}
ORDER BY dept_key, fiscal_year, kind, doc_id
LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`);
}

export interface OverviewStatsRow {
	documents: number;
	departments: number;
	regions: number;
	/** Distinct fiscal years, ascending. */
	years: number[];
	kinds: string[];
	issue_count: number;
	issue_errors: number;
}

/** Totals over every row the filter matches (the page count and the summary cards). */
export function overviewStatsQuery(
	filter: OverviewFilter = {},
	source: OverviewSource = 'rollup'
): Statement {
	const p = new Params();
	return p.statement(`
SELECT count(*)::INTEGER AS documents, count(DISTINCT dept_key)::INTEGER AS departments,
	count(DISTINCT region)::INTEGER AS regions,
	coalesce(list_sort(list_distinct(list(fiscal_year))), [])::INTEGER[] AS years,
	coalesce(list_sort(list_distinct(list(kind))), [])::VARCHAR[] AS kinds,
	coalesce(sum(issue_count), 0)::INTEGER AS issue_count,
	coalesce(sum(issue_errors), 0)::INTEGER AS issue_errors
FROM ${from(source)}
WHERE ${where(p, filter)}`);
}

export interface DepartmentHitRow {
	dept_key: string;
	department_name: string | null;
	documents: number;
}

/**
 * Departments whose key or published name contains `search` (all when empty),
 * by key, at most `limit` (≤ 1000). Reads only `documents`.
 */
export function departmentSearchQuery(search: string, limit = 50): Statement {
	const p = new Params();
	const s = search.trim().toLowerCase();
	const cond =
		s === ''
			? 'TRUE'
			: `(contains(lower(dept_key), ${p.add(s)}) OR contains(lower(coalesce(department_name, '')), $${p.values.length}))`;
	const n = Math.max(1, Math.min(Math.floor(limit), 1000));
	return p.statement(`
SELECT dept_key, min(department_name) AS department_name, count(*)::INTEGER AS documents
FROM (SELECT ${deptKey('d')} AS dept_key, d.department_name FROM documents d)
WHERE ${cond}
GROUP BY dept_key
ORDER BY dept_key
LIMIT ${p.add(n)}`);
}
