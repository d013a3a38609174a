/**
 * Disclosure quality score per project and per department-year (SQL over the
 * loaded indicators, projects, documents and flags). Documented in
 * docs/rules.md:
 *   measurable_share = indicators with a numeric target / indicators
 *   consistency      = 1 − indicators carrying an error or warning flag / indicators
 *   flags_per_10     = 10 × (error + warning flags) / indicators
 *   score = 100 × (0.5 × measurable_share + 0.3 × consistency
 *                 + 0.2 × max(0, 1 − flags_per_10 / 10)), one decimal.
 * Placeholder indicators (无, 不涉及, /) are not counted. Info flags do not
 * lower the score. No Svelte, no DuckDB imports.
 */
import type { Statement } from '../../db/types';
import { deptKey, Params } from '../../queries/sql';

export interface QualityFilter {
	docIds?: readonly string[];
	departments?: readonly string[];
}

export interface QualityProjectRow {
	doc_id: string;
	dept_key: string;
	fiscal_year: number | null;
	project_seq: number;
	project_code: string | null;
	project_name: string;
	indicators: number;
	measurable: number;
	flagged_indicators: number;
	flags: number;
	measurable_share: number;
	consistency: number;
	flags_per_10: number;
	score: number;
}

export interface QualityDepartmentRow {
	dept_key: string;
	fiscal_year: number | null;
	documents: number;
	projects: number;
	indicators: number;
	measurable: number;
	flags: number;
	measurable_share: number;
	consistency: number;
	flags_per_10: number;
	score: number;
	rank: number;
}

const PLACEHOLDERS = `('', '无', '/', '—', '-', '——', '不适用', '不涉及', '暂无', '无此项')`;

function base(p: Params, f: QualityFilter): string {
	const docFilter = [
		p.inList('d.doc_id', f.docIds ?? []),
		p.inList(deptKey('d'), f.departments ?? [])
	].join(' AND ');
	return `
docs AS (
	SELECT d.doc_id, ${deptKey('d')} AS dept_key, d.fiscal_year::INTEGER AS fiscal_year FROM documents d WHERE ${docFilter}
),
ind AS (
	SELECT i.doc_id, i.project_seq, i.source_line, i.target_value IS NOT NULL AS measurable
	FROM indicators i JOIN docs USING (doc_id)
	WHERE trim(i.name) NOT IN ${PLACEHOLDERS}
),
fl AS (
	SELECT f.flag_id, f.doc_id, f.project_code, f.source_line, f.severity, f.table_name
	FROM flags f JOIN docs USING (doc_id) WHERE f.severity IN ('error', 'warning')
),
-- A flag belongs to a project through one of its lines (indicators, project row) or its code.
proj_lines AS (
	SELECT doc_id, project_seq, source_line FROM indicators WHERE project_seq IS NOT NULL
	UNION SELECT doc_id, project_seq, source_line FROM projects
),
fl_proj AS (
	SELECT fl.flag_id, l.doc_id, l.project_seq FROM fl JOIN proj_lines l ON l.doc_id = fl.doc_id AND l.source_line = fl.source_line
	UNION
	SELECT fl.flag_id, pr.doc_id, pr.project_seq FROM fl JOIN projects pr ON pr.doc_id = fl.doc_id AND pr.project_code = fl.project_code
),
ind_flag AS (
	SELECT DISTINCT i.doc_id, i.project_seq, i.source_line
	FROM ind i JOIN fl ON fl.doc_id = i.doc_id AND fl.source_line = i.source_line AND fl.table_name = 'indicators'
)`;
}

const SCORE = (m: string, c: string, f: string) =>
	`round(100 * (0.5 * ${m} + 0.3 * ${c} + 0.2 * greatest(0, 1 - ${f} / 10)), 1)`;

export function qualityByProjectQuery(filter: QualityFilter = {}): Statement {
	const p = new Params();
	return p.statement(`
WITH ${base(p, filter)},
per AS (
	SELECT pr.doc_id, docs.dept_key, docs.fiscal_year, pr.project_seq::INTEGER AS project_seq, pr.project_code, pr.project_name,
		(SELECT count(*) FROM ind WHERE ind.doc_id = pr.doc_id AND ind.project_seq = pr.project_seq)::INTEGER AS indicators,
		(SELECT count(*) FROM ind WHERE ind.doc_id = pr.doc_id AND ind.project_seq = pr.project_seq AND measurable)::INTEGER AS measurable,
		(SELECT count(*) FROM ind_flag x WHERE x.doc_id = pr.doc_id AND x.project_seq = pr.project_seq)::INTEGER AS flagged_indicators,
		(SELECT count(DISTINCT x.flag_id) FROM fl_proj x WHERE x.doc_id = pr.doc_id AND x.project_seq = pr.project_seq)::INTEGER AS flags
	FROM projects pr JOIN docs USING (doc_id)
),
ratios AS (
	SELECT *,
		CASE WHEN indicators = 0 THEN 0 ELSE measurable / indicators END AS measurable_share,
		CASE WHEN indicators = 0 THEN 0 ELSE 1 - flagged_indicators / indicators END AS consistency,
		CASE WHEN indicators = 0 THEN 10 ELSE 10 * flags / indicators END AS flags_per_10
	FROM per
)
SELECT doc_id, dept_key, fiscal_year, project_seq, project_code, project_name, indicators, measurable,
	flagged_indicators, flags, round(measurable_share, 4)::DOUBLE AS measurable_share,
	round(consistency, 4)::DOUBLE AS consistency, round(flags_per_10, 2)::DOUBLE AS flags_per_10,
	${SCORE('measurable_share', 'consistency', 'flags_per_10')}::DOUBLE AS score
FROM ratios
ORDER BY score, dept_key, doc_id, project_seq`);
}

export function qualityByDepartmentQuery(filter: QualityFilter = {}): Statement {
	const p = new Params();
	return p.statement(`
WITH ${base(p, filter)},
per AS (
	SELECT docs.dept_key, docs.fiscal_year,
		count(DISTINCT docs.doc_id)::INTEGER AS documents,
		(SELECT count(*) FROM projects pr JOIN docs d2 USING (doc_id) WHERE d2.dept_key = docs.dept_key AND d2.fiscal_year IS NOT DISTINCT FROM docs.fiscal_year)::INTEGER AS projects,
		(SELECT count(*) FROM ind JOIN docs d2 USING (doc_id) WHERE d2.dept_key = docs.dept_key AND d2.fiscal_year IS NOT DISTINCT FROM docs.fiscal_year)::INTEGER AS indicators,
		(SELECT count(*) FROM ind JOIN docs d2 USING (doc_id) WHERE d2.dept_key = docs.dept_key AND d2.fiscal_year IS NOT DISTINCT FROM docs.fiscal_year AND measurable)::INTEGER AS measurable,
		(SELECT count(*) FROM ind_flag x JOIN docs d2 USING (doc_id) WHERE d2.dept_key = docs.dept_key AND d2.fiscal_year IS NOT DISTINCT FROM docs.fiscal_year)::INTEGER AS flagged_indicators,
		(SELECT count(*) FROM fl JOIN docs d2 USING (doc_id) WHERE d2.dept_key = docs.dept_key AND d2.fiscal_year IS NOT DISTINCT FROM docs.fiscal_year)::INTEGER AS flags
	FROM docs GROUP BY docs.dept_key, docs.fiscal_year
),
ratios AS (
	SELECT *,
		CASE WHEN indicators = 0 THEN NULL ELSE measurable / indicators END AS measurable_share,
		CASE WHEN indicators = 0 THEN NULL ELSE 1 - flagged_indicators / indicators END AS consistency,
		CASE WHEN indicators = 0 THEN NULL ELSE 10 * flags / indicators END AS flags_per_10
	FROM per
)
SELECT dept_key, fiscal_year, documents, projects, indicators, measurable, flags,
	round(measurable_share, 4)::DOUBLE AS measurable_share, round(consistency, 4)::DOUBLE AS consistency,
	round(flags_per_10, 2)::DOUBLE AS flags_per_10,
	${SCORE('measurable_share', 'consistency', 'flags_per_10')}::DOUBLE AS score,
	(rank() OVER (ORDER BY ${SCORE('measurable_share', 'consistency', 'flags_per_10')} DESC NULLS LAST))::INTEGER AS rank
FROM ratios
ORDER BY rank, dept_key, fiscal_year`);
}
