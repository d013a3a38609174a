/**
 * 人均成本 per-beneficiary costs across departments, in 元 per beneficiary
 * per year:
 * - declared: 成本指标 whose unit reads 元|万元 / 人|户|人次 [/ 年|月]
 *   (exact DECIMAL: value × 10000 for 万元, × 12 for per month), or a bare
 *   元/万元 [/年|月] when the name says 人均/户均 (marked in `note`);
 *   cost indicators whose unit cannot be converted are listed with a null
 *   cost and a `note`, so the view can show them as such;
 * - implied: a project's amount (万元 × 10000) ÷ its first 数量指标 counted in
 *   人/户/人次 (a ratio, rounded to 0.01 元).
 * Rows are grouped by a normalized name (see indicator-name.ts): declared
 * costs by their indicator name; implied ones by the longest per-capita cost
 * indicator name (of any loaded document) found in the project or count indicator name,
 * else by the project name. Each row carries the median of its group and
 * beneficiary unit.
 */
import type { Statement } from '../db/types';
import {
	BENEFICIARY_UNITS,
	cleanUnitSql,
	COST_UNIT_PATTERN,
	MONEY_ONLY_PATTERN,
	normalizedNameSql
} from './indicator-name';
import { deptKey, Params, type DecimalString, deptIn } from './sql';

export interface PerCapitaInput {
	docIds?: readonly string[];
	departments?: readonly string[];
	/** Only this normalized group (exact match on group_key). */
	group?: string | null;
}

export interface PerCapitaRow {
	kind: 'declared' | 'implied';
	doc_id: string;
	dept_key: string;
	department_name: string | null;
	fiscal_year: number | null;
	project_seq: number | null;
	project_code: string | null;
	project_name: string | null;
	/** The cost indicator (declared) or the count indicator (implied). */
	indicator_name: string;
	group_key: string;
	target_raw: string | null;
	target_unit: string | null;
	/** 人, 户 or 人次; null when the unit could not be read. */
	per_unit: string | null;
	/** 元 per beneficiary per year; null when not convertible. */
	cost_yuan: DecimalString | null;
	/** Median of cost_yuan within (group_key, per_unit). */
	group_median: DecimalString | null;
	group_size: number;
	note: string | null;
	source_line: number;
}

export function perCapitaQuery(input: PerCapitaInput = {}): Statement {
	const p = new Params();
	const beneficiaries = BENEFICIARY_UNITS.map((u) => `'${u}'`).join(', ');
	const unit = cleanUnitSql('i.target_unit');
	const full = p.add(COST_UNIT_PATTERN);
	const moneyOnly = p.add(MONEY_ONLY_PATTERN);
	const docFilter = [
		p.inList('d.doc_id', input.docIds ?? []),
		deptIn(p, input.departments ?? [], deptKey('d'), 'd.department_name')
	].join(' AND ');
	const groupFilter = input.group ? `group_key = ${p.add(input.group)}` : 'TRUE';
	return p.statement(`
WITH docs AS (
	SELECT d.doc_id, ${deptKey('d')} AS dept_key, d.department_name, d.fiscal_year::INTEGER AS fiscal_year
	FROM documents d WHERE ${docFilter}
),
cost_all AS MATERIALIZED (
	SELECT i.*, ${unit} AS u, ${normalizedNameSql('i.name')} AS group_key
	FROM indicators i WHERE i.level2 LIKE '%成本%'
),
declared_units AS (
	SELECT c.*, regexp_matches(u, ${full}) AS full_unit, regexp_matches(u, ${moneyOnly}) AS money_only
	FROM cost_all c JOIN docs USING (doc_id)
),
declared AS (
	SELECT 'declared' AS kind, doc_id, project_seq, project_code, name AS indicator_name,
		group_key, target_raw, target_unit, target_value,
		CASE WHEN full_unit THEN regexp_extract(u, ${full}, 1) ELSE regexp_extract(u, ${moneyOnly}, 1) END AS money,
		CASE WHEN full_unit THEN coalesce(nullif(regexp_extract(u, ${full}, 2), ''), nullif(regexp_extract(u, ${full}, 4), ''))
			ELSE nullif(regexp_extract(u, ${moneyOnly}, 2), '') END AS period,
		CASE WHEN full_unit THEN regexp_extract(u, ${full}, 3)
			WHEN money_only AND regexp_matches(name, '人均|每人') THEN '人'
			WHEN money_only AND regexp_matches(name, '户均|每户') THEN '户'
		END AS per_unit,
		NOT full_unit AS inferred, source_line
	FROM declared_units
),
declared_cost AS (
	SELECT *,
		CASE WHEN per_unit IS NULL OR target_value IS NULL THEN NULL
			ELSE (target_value * CASE money WHEN '万元' THEN 10000 ELSE 1 END
				* CASE period WHEN '月' THEN 12 ELSE 1 END)::DECIMAL(18,4) END AS cost_yuan,
		CASE WHEN target_value IS NULL THEN '目标值不是数字'
			WHEN per_unit IS NULL THEN '单位无法换算为 元/人（户、人次）/年'
			WHEN inferred THEN '单位未写受益对象，按指标名中的“' || per_unit || '均”推定'
		END AS note
	FROM declared
),
counts AS (
	SELECT i.doc_id, i.project_seq, i.name, i.target_raw, i.target_unit, i.target_value,
		${unit} AS u, i.source_line
	FROM indicators i JOIN docs USING (doc_id)
	WHERE i.project_seq IS NOT NULL AND i.level2 LIKE '%数量%' AND i.target_value > 0
		AND ${unit} IN (${beneficiaries})
	QUALIFY row_number() OVER (PARTITION BY i.doc_id, i.project_seq ORDER BY i.seq, i.source_line) = 1
),
keys AS (
	SELECT DISTINCT group_key AS k FROM cost_all
	WHERE regexp_matches(u, ${full}) OR regexp_matches(name, '人均|户均|每人|每户')
),
implied_base AS MATERIALIZED (
	SELECT c.*, pr.project_code, pr.amount,
		${normalizedNameSql('pr.project_name')} AS pname, ${normalizedNameSql('c.name')} AS cname
	FROM counts c JOIN projects pr ON pr.doc_id = c.doc_id AND pr.project_seq = c.project_seq
),
implied_key AS (
	SELECT b.doc_id, b.project_seq, arg_max(keys.k, (length(keys.k), keys.k)) AS k
	FROM implied_base b JOIN keys
		ON length(keys.k) >= 4 AND (contains(b.pname, keys.k) OR contains(b.cname, keys.k))
	GROUP BY b.doc_id, b.project_seq
),
implied AS (
	SELECT 'implied' AS kind, b.doc_id, b.project_seq, b.project_code, b.name AS indicator_name,
		coalesce(ik.k, b.pname) AS group_key, b.target_raw, b.target_unit, b.u AS per_unit,
		CASE WHEN b.amount IS NULL THEN NULL
			ELSE round((b.amount * 10000)::DOUBLE / b.target_value::DOUBLE, 2)::DECIMAL(18,4) END AS cost_yuan,
		CASE WHEN b.amount IS NULL THEN '项目没有预算数' END AS note,
		b.source_line
	FROM implied_base b
	LEFT JOIN implied_key ik ON ik.doc_id = b.doc_id AND ik.project_seq = b.project_seq
),
all_rows AS MATERIALIZED (
	SELECT kind, doc_id, project_seq, project_code, indicator_name, group_key, target_raw,
		target_unit, per_unit, cost_yuan, note, source_line FROM declared_cost
	UNION ALL
	SELECT kind, doc_id, project_seq, project_code, indicator_name, group_key, target_raw,
		target_unit, per_unit, cost_yuan, note, source_line FROM implied
),
grouped AS (
	SELECT r.*,
		median(cost_yuan) OVER (PARTITION BY group_key, per_unit)::DECIMAL(18,4) AS group_median,
		count(cost_yuan) OVER (PARTITION BY group_key, per_unit)::INTEGER AS group_size
	FROM all_rows r
)
SELECT g.kind, g.doc_id, docs.dept_key, docs.department_name, docs.fiscal_year,
	g.project_seq::INTEGER AS project_seq, g.project_code, pr.project_name, g.indicator_name,
	g.group_key, g.target_raw, g.target_unit, g.per_unit, g.cost_yuan,
	CASE WHEN g.per_unit IS NULL THEN NULL ELSE g.group_median END AS group_median,
	g.group_size, g.note, g.source_line::INTEGER AS source_line
FROM grouped g JOIN docs USING (doc_id)
LEFT JOIN projects pr ON pr.doc_id = g.doc_id AND pr.project_seq = g.project_seq
WHERE ${groupFilter}
ORDER BY g.group_key, g.per_unit NULLS LAST, g.cost_yuan NULLS LAST, docs.dept_key, g.kind,
	g.doc_id, g.project_seq NULLS FIRST, g.source_line`);
}

export interface PerCapitaGroupRow {
	group_key: string;
	per_unit: string;
	/** Rows with a cost. */
	n: number;
	departments: number;
	median: DecimalString;
	min: DecimalString;
	max: DecimalString;
}

/** Groups of the per-capita rows (only rows with a cost), largest groups first. */
export function perCapitaGroupsQuery(input: PerCapitaInput = {}): Statement {
	const inner = perCapitaQuery(input);
	return {
		sql: `
SELECT group_key, per_unit, count(*)::INTEGER AS n, count(DISTINCT dept_key)::INTEGER AS departments,
	median(cost_yuan)::DECIMAL(18,4) AS median, min(cost_yuan) AS min, max(cost_yuan) AS max
FROM (${inner.sql}) r
WHERE cost_yuan IS NOT NULL
GROUP BY group_key, per_unit
ORDER BY departments DESC, n DESC, group_key, per_unit`,
		params: inner.params
	};
}
