/**
 * 支出结构对比 structure comparison. For chosen documents and a level of the
 * functional (支出总表) or economic (基本支出) classification: each code's amount
 * and its share of the document's total at that level (shares of one document
 * sum to 1), and a difference table sorted by the largest share gap.
 * Amounts stay DECIMAL; shares are DOUBLE for charts.
 */
import type { Statement } from '../db/types';
import { deptKey, Params, type DecimalString } from './sql';

export type StructureClassification = 'function' | 'economic';
export type StructureMeasure = 'total' | 'basic' | 'project';

export interface StructureInput {
	docIds: readonly string[];
	/** 1 = 类, 2 = 款, 3 = 项 (economic: 1 = 类, 2 = 款). */
	level: 1 | 2 | 3;
	classification?: StructureClassification;
	/** Functional classification only: which column to compare. */
	measure?: StructureMeasure;
}

export interface StructureShareRow {
	doc_id: string;
	dept_key: string;
	department_name: string | null;
	fiscal_year: number | null;
	code: string;
	name: string;
	amount: DecimalString | null;
	/** Sum of the level's amounts in this document (the denominator of share). */
	level_total: DecimalString | null;
	/** The document's printed 合计 row (may differ from level_total by rounding residues). */
	doc_total: DecimalString | null;
	share: number | null;
}

/** The amount column to compare, checked against the allowed names (it is spliced into SQL). */
function measureOf(input: StructureInput): StructureMeasure {
	const measure = input.measure ?? 'total';
	if (!['total', 'basic', 'project'].includes(measure)) throw new Error(`未知的金额列 ${measure}`);
	return measure;
}

function source(p: Params, input: StructureInput): string {
	const measure = measureOf(input);
	const level = p.add(input.level);
	const docs = p.inList('doc_id', input.docIds);
	return input.classification === 'economic'
		? `SELECT doc_id, econ_code AS code, econ_name AS name, total AS amount
			FROM basic_by_economic WHERE level = ${level} AND econ_code IS NOT NULL AND ${docs}`
		: `SELECT doc_id, func_code AS code, func_name AS name, ${measure} AS amount
			FROM expenditure_by_function WHERE level = ${level} AND func_code IS NOT NULL AND ${docs}`;
}

function sharesCte(p: Params, input: StructureInput): string {
	return `
src AS (${source(p, input)}),
byc AS (
	SELECT doc_id, code, min(name) AS name, sum(amount)::DECIMAL(18,4) AS amount
	FROM src GROUP BY doc_id, code
),
shares AS (
	SELECT byc.*, sum(amount) OVER (PARTITION BY doc_id)::DECIMAL(18,4) AS level_total,
		CASE WHEN sum(amount) OVER (PARTITION BY doc_id) = 0 THEN NULL
			ELSE (amount / sum(amount) OVER (PARTITION BY doc_id))::DOUBLE END AS share
	FROM byc
)`;
}

export function structureSharesQuery(input: StructureInput): Statement {
	const p = new Params();
	const measure = measureOf(input);
	const grand =
		input.classification === 'economic'
			? `SELECT doc_id, max(total) AS doc_total FROM basic_by_economic WHERE level = 0 GROUP BY doc_id`
			: `SELECT doc_id, max(${measure}) AS doc_total FROM expenditure_by_function WHERE level = 0 GROUP BY doc_id`;
	return p.statement(`
WITH ${sharesCte(p, input)},
grand AS (${grand})
SELECT s.doc_id, ${deptKey('d')} AS dept_key, d.department_name, d.fiscal_year::INTEGER AS fiscal_year,
	s.code, s.name, s.amount, s.level_total, grand.doc_total, s.share
FROM shares s JOIN documents d USING (doc_id) LEFT JOIN grand USING (doc_id)
ORDER BY dept_key, d.fiscal_year, s.doc_id, s.code`);
}

export interface StructureDiffRow {
	code: string;
	name: string;
	/** Documents in the comparison where the code appears. */
	present_in: number;
	min_share: number;
	max_share: number;
	/** max_share − min_share, a code missing from a document counting as 0. */
	share_gap: number;
	min_doc_id: string;
	max_doc_id: string;
	min_amount: DecimalString | null;
	max_amount: DecimalString | null;
	/** Amount in the max-share document minus amount in the min-share document. */
	amount_gap: DecimalString | null;
}

/** One row per code across the chosen documents, largest share gap first. */
export function structureDiffQuery(input: StructureInput): Statement {
	const p = new Params();
	const docs = input.docIds.map((id) => `(${p.add(id)})`).join(', ') || `(NULL)`;
	return p.statement(`
WITH ${sharesCte(p, input)},
chosen(doc_id) AS (VALUES ${docs}),
codes AS (SELECT code, min(name) AS name, count(*) AS n FROM shares GROUP BY code),
grid AS (
	SELECT codes.code, codes.name, codes.n, chosen.doc_id, coalesce(s.share, 0) AS share,
		coalesce(s.amount, 0)::DECIMAL(18,4) AS amount
	FROM codes CROSS JOIN chosen
	LEFT JOIN shares s ON s.code = codes.code AND s.doc_id = chosen.doc_id
)
SELECT code, min(name) AS name, min(n)::INTEGER AS present_in,
	min(share) AS min_share, max(share) AS max_share, max(share) - min(share) AS share_gap,
	arg_min(doc_id, (share, doc_id)) AS min_doc_id, arg_max(doc_id, (share, doc_id)) AS max_doc_id,
	arg_min(amount, (share, doc_id)) AS min_amount, arg_max(amount, (share, doc_id)) AS max_amount,
	arg_max(amount, (share, doc_id)) - arg_min(amount, (share, doc_id)) AS amount_gap
FROM grid
WHERE doc_id IS NOT NULL
GROUP BY code
ORDER BY share_gap DESC, code`);
}
