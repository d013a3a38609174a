/**
 * 三公经费 queries. `threePublicCompareQuery` (部门画像): each category of one
 * document's year beside the prior year, where the prior figure comes from
 * this document's narrative or from the department's own document of that
 * year. `threePublicFiguresQuery`: every figure, marked table or narrative.
 * `threePublicTrendQuery` (三公趋势): one chosen figure per department, year
 * and category (table before narrative, then the year's own document, then a
 * budget for 预算数 / final accounts for 决算数, then the latest document), with
 * year-over-year change and rank among departments.
 */
import type { Statement } from '../db/types';
import { deptKey, Params, type DecimalString, deptIn } from './sql';

export const THREE_PUBLIC_CATEGORIES = [
	'total',
	'outbound_travel',
	'vehicle_total',
	'vehicle_purchase',
	'vehicle_operation',
	'reception'
] as const;

const CATEGORY_ORDER = `CASE category ${THREE_PUBLIC_CATEGORIES.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} ELSE 99 END`;

/** A figure with its department and document; used by the figures and trend queries. */
const FIGURES = `
	SELECT ${deptKey('d')} AS dept_key, d.department_name, d.doc_id,
		d.fiscal_year::INTEGER AS doc_year, d.kind, t.fiscal_year::INTEGER AS fiscal_year, t.category,
		t.amount, t.source, t.measure, t.source_line::INTEGER AS source_line
	FROM three_public t JOIN documents d ON d.doc_id = t.doc_id`;

export interface ThreePublicFigureRow {
	dept_key: string;
	department_name: string | null;
	doc_id: string;
	doc_year: number | null;
	kind: string;
	fiscal_year: number | null;
	category: string;
	amount: DecimalString | null;
	source: 'table' | 'narrative';
	measure: 'budget' | 'actual';
	source_line: number;
}

export interface ThreePublicFilter {
	departments?: readonly string[];
	years?: readonly number[];
	/** 'budget' (预算数, default) or 'actual' (决算数). */
	measure?: 'budget' | 'actual';
}

export function threePublicFiguresQuery(filter: ThreePublicFilter = {}): Statement {
	const p = new Params();
	return p.statement(`
WITH f AS (${FIGURES})
SELECT * FROM f
WHERE ${deptIn(p, filter.departments ?? [], 'dept_key', 'department_name')} AND ${p.inList('fiscal_year', filter.years ?? [])}
	AND measure = ${p.add(filter.measure ?? 'budget')}
ORDER BY dept_key, fiscal_year, ${CATEGORY_ORDER}, source DESC, doc_year DESC`);
}

export interface ThreePublicTrendRow {
	dept_key: string;
	department_name: string | null;
	fiscal_year: number;
	category: string;
	amount: DecimalString | null;
	source: 'table' | 'narrative';
	doc_id: string;
	source_line: number;
	/** Previous year with a figure for this department and category, and its amount. */
	prev_year: number | null;
	prev_amount: DecimalString | null;
	/** amount − prev_amount (exact). */
	change: DecimalString | null;
	/** change ÷ prev_amount (DOUBLE; null when prev is 0 or missing). */
	change_pct: number | null;
	/** Rank among the departments in the same year and category, largest first. */
	rank: number;
	departments_in_year: number;
}

export function threePublicTrendQuery(filter: ThreePublicFilter = {}): Statement {
	const p = new Params();
	return p.statement(`
WITH f AS (${FIGURES}),
chosen AS (
	SELECT * FROM f
	WHERE fiscal_year IS NOT NULL AND measure = ${p.add(filter.measure ?? 'budget')}
	QUALIFY row_number() OVER (
		PARTITION BY dept_key, fiscal_year, category
		ORDER BY source = 'table' DESC, doc_year = fiscal_year DESC,
			kind = CASE measure WHEN 'actual' THEN 'final' ELSE 'budget' END DESC, doc_year DESC, doc_id
	) = 1
),
trend AS (
	SELECT *,
		lag(fiscal_year) OVER w AS prev_year,
		lag(amount) OVER w AS prev_amount,
		rank() OVER (PARTITION BY fiscal_year, category ORDER BY amount DESC NULLS LAST)::INTEGER AS rank,
		count(*) OVER (PARTITION BY fiscal_year, category)::INTEGER AS departments_in_year
	FROM chosen
	WINDOW w AS (PARTITION BY dept_key, category ORDER BY fiscal_year)
)
SELECT dept_key, department_name, fiscal_year, category, amount, source, doc_id, source_line,
	prev_year, prev_amount, amount - prev_amount AS change,
	CASE WHEN prev_amount IS NULL OR prev_amount = 0 THEN NULL
		ELSE ((amount - prev_amount) / prev_amount)::DOUBLE END AS change_pct,
	rank, departments_in_year
FROM trend
WHERE ${deptIn(p, filter.departments ?? [], 'dept_key', 'department_name')} AND ${p.inList('fiscal_year', filter.years ?? [])}
ORDER BY dept_key, fiscal_year, ${CATEGORY_ORDER}`);
}

export interface ThreePublicCompareRow {
	category: string;
	current_year: number | null;
	current_amount: DecimalString | null;
	current_source: 'table' | 'narrative' | null;
	current_line: number | null;
	prior_year: number | null;
	prior_amount: DecimalString | null;
	prior_source: 'table' | 'narrative' | null;
	/** Document the prior figure comes from (this one for narrative figures). */
	prior_doc_id: string | null;
	prior_line: number | null;
	change: DecimalString | null;
	change_pct: number | null;
}

/**
 * 三公 of one document's year beside the prior year. The prior figure prefers
 * this document's own statement (narrative or table column), then the table
 * of the same department's document for that year.
 */
export function threePublicCompareQuery(docId: string): Statement {
	const p = new Params();
	const doc = p.add(docId);
	return p.statement(`
WITH f AS (${FIGURES}),
me AS (SELECT ${deptKey('d')} AS dept_key, fiscal_year::INTEGER AS y FROM documents d WHERE doc_id = ${doc}),
cur AS (
	SELECT f.* FROM f, me WHERE f.doc_id = ${doc} AND f.fiscal_year = me.y
	QUALIFY row_number() OVER (
		PARTITION BY category
		ORDER BY source = 'table' DESC, measure = CASE kind WHEN 'final' THEN 'actual' ELSE 'budget' END DESC
	) = 1
),
prior AS (
	SELECT f.* FROM f, me
	WHERE f.dept_key = me.dept_key AND f.fiscal_year = me.y - 1
	QUALIFY row_number() OVER (
		PARTITION BY category
		ORDER BY f.doc_id = ${doc} DESC, source = 'table' DESC, measure = 'budget' DESC, doc_year DESC
	) = 1
),
cats AS (SELECT category FROM cur UNION SELECT category FROM prior)
SELECT cats.category, me.y AS current_year, cur.amount AS current_amount,
	cur.source AS current_source, cur.source_line AS current_line,
	me.y - 1 AS prior_year, prior.amount AS prior_amount, prior.source AS prior_source,
	prior.doc_id AS prior_doc_id, prior.source_line AS prior_line,
	cur.amount - prior.amount AS change,
	CASE WHEN prior.amount IS NULL OR prior.amount = 0 THEN NULL
		ELSE ((cur.amount - prior.amount) / prior.amount)::DOUBLE END AS change_pct
FROM cats CROSS JOIN me
LEFT JOIN cur USING (category) LEFT JOIN prior USING (category)
ORDER BY ${CATEGORY_ORDER.replaceAll('category', 'cats.category')}`);
}
