/**
 * Peer rules as SQL (DuckDB), run over whatever is loaded — the snapshot and
 * any document a user drops into the page. Each builder returns a SELECT
 * producing rows of the `flags` table (flag_id, rule_id, severity, doc_id,
 * project_code, table_name, source_line, message, evidence):
 * - peer_per_capita_outlier: declared per-capita costs (queries/per-capita)
 *   far from their group's median, measured in MADs (robust z > 3.5), or
 *   more than 5× off the median when the MAD is zero;
 * - peer_target_conflict: one department, one year, the same rate or
 *   per-unit standard (normalized name, unit, 二级指标) with different targets
 *   in two projects (totals and head counts differ by nature: not compared);
 * - peer_three_public_jump: 三公 total (budget) up or down > 50% and > 5 万元
 *   against the department's previous year (table, else narrative figures);
 * - peer_share_jump: a 类's share of total expenditure moving > 10 points.
 * RE2 regexes only (linear time). Amounts stay DECIMAL.
 */
import type { Statement } from '../../db/types';
import { perCapitaFrom, type PerCapitaSource } from '../../queries/per-capita';
import { cleanUnitSql, normalizedNameSql } from '../../queries/indicator-name';
import { deptKey } from '../../queries/sql';
import { ruleById } from '../catalogue';
import { flagColumns, jsonObject } from './json';

const sev = (id: string) => ruleById(id).severity;

/**
 * `source` 'rollup' reads the per-capita rows from rollup_per_capita (the
 * Node writer builds it before the peer rules); 'live' computes them (the
 * browser, after documents are dropped). Same rows, same flags.
 */
export function perCapitaOutlierSql(source: PerCapitaSource = 'live'): Statement {
	const { ctes, from } = perCapitaFrom(source);
	const id = 'peer_per_capita_outlier';
	return {
		sql: `
WITH ${[...ctes, ''].join(',\n')}declared AS (
	SELECT * FROM ${from} WHERE kind = 'declared' AND cost_yuan IS NOT NULL AND per_unit IS NOT NULL
),
grp AS (
	SELECT group_key, per_unit, median(cost_yuan::DOUBLE) AS med, count(*) AS n,
		count(DISTINCT doc_id || ':' || coalesce(project_seq::VARCHAR, '')) AS projects
	FROM declared GROUP BY ALL HAVING count(*) >= 4
),
mad AS (
	SELECT d.group_key, d.per_unit, median(abs(d.cost_yuan::DOUBLE - g.med)) AS mad
	FROM declared d JOIN grp g USING (group_key, per_unit) GROUP BY ALL
),
scored AS (
	SELECT d.*, g.med, g.n, m.mad,
		CASE WHEN m.mad > 0 THEN abs(d.cost_yuan::DOUBLE - g.med) / (1.4826 * m.mad) END AS z
	FROM declared d JOIN grp g USING (group_key, per_unit) JOIN mad m USING (group_key, per_unit)
	WHERE g.projects >= 3
),
hits AS (
	SELECT * FROM scored
	WHERE (z IS NOT NULL AND z > 3.5)
		OR (mad = 0 AND med > 0 AND (cost_yuan::DOUBLE > 5 * med OR cost_yuan::DOUBLE < med / 5))
)
SELECT ${flagColumns(id, sev(id), {
			doc: 'doc_id',
			project: 'project_code',
			table: "'indicators'",
			line: 'source_line',
			message: `'人均成本指标“' || indicator_name || '”折合每' || per_unit || '每年 ' || round(cost_yuan::DOUBLE, 2)::VARCHAR || ' 元，同类 ' || n::VARCHAR || ' 项的中位数为 ' || round(med, 2)::VARCHAR || ' 元，明显偏离。'`,
			evidence: jsonObject([
				['group_key', 'group_key'],
				['per_unit', 'per_unit'],
				['cost_yuan', 'cost_yuan'],
				['group_median_yuan', 'round(med, 4)'],
				['group_mad_yuan', 'round(mad, 4)'],
				['robust_z', 'round(z, 2)'],
				['group_size', 'n'],
				['target_raw', 'target_raw']
			])
		})}
FROM hits
ORDER BY doc_id, source_line, flag_id`,
		params: []
	};
}

/**
 * `year`: only the documents of that fiscal year (null: those without one).
 * The rule compares within one department and one year, so the per-year
 * statements together give exactly the rows of the one without `year`; the
 * snapshot writer runs it per year to stay within DuckDB's memory limit.
 */
export function targetConflictSql(year?: number | null): Statement {
	const id = 'peer_target_conflict';
	const yearFilter = year === undefined ? '' : '\n\t\tAND d.fiscal_year IS NOT DISTINCT FROM $1';
	return {
		sql: `
WITH ind AS (
	SELECT i.doc_id, i.project_seq, i.project_code, i.name, i.level2, i.target_raw, i.target_op,
		i.target_value, i.source_line, ${deptKey('d')} AS dept, d.fiscal_year,
		${normalizedNameSql('i.name')} AS k, ${cleanUnitSql('i.target_unit')} AS u
	FROM indicators i JOIN documents d USING (doc_id)
	WHERE i.project_seq IS NOT NULL AND i.target_value IS NOT NULL AND length(i.name) >= 3${yearFilter}
),
-- Rates and per-unit standards should agree across projects; totals and head counts differ by nature.
std AS (
	SELECT * FROM ind WHERE u IN ('%', '％') OR (contains(u, '/') AND regexp_matches(u, '^(万元|元)/'))
),
-- The usual target: the most frequent value, ties broken by the smaller value (deterministic).
freq AS (
	SELECT dept, fiscal_year, k, u, level2, target_value, count(*) AS n FROM std GROUP BY ALL
),
usual AS (
	SELECT dept, fiscal_year, k, u, level2, first(target_value ORDER BY n DESC, target_value) AS usual
	FROM freq GROUP BY ALL
),
grp AS (
	SELECT s.dept, s.fiscal_year, s.k, s.u, s.level2, any_value(m.usual) AS usual,
		count(DISTINCT s.target_value) AS targets,
		count(DISTINCT s.doc_id || ':' || s.project_seq::VARCHAR) AS projects,
		string_agg(DISTINCT s.target_raw, ' / ' ORDER BY s.target_raw) AS seen
	FROM std s JOIN usual m ON m.dept = s.dept AND m.fiscal_year IS NOT DISTINCT FROM s.fiscal_year
		AND m.k = s.k AND m.u = s.u AND m.level2 IS NOT DISTINCT FROM s.level2
	GROUP BY s.dept, s.fiscal_year, s.k, s.u, s.level2
	HAVING count(DISTINCT s.target_value) > 1
		AND count(DISTINCT s.doc_id || ':' || s.project_seq::VARCHAR) >= 2
),
hits AS (
	SELECT i.*, g.usual, g.projects, g.seen
	FROM std i JOIN grp g ON g.dept = i.dept AND g.fiscal_year IS NOT DISTINCT FROM i.fiscal_year
		AND g.k = i.k AND g.u = i.u AND g.level2 IS NOT DISTINCT FROM i.level2
	WHERE i.target_value <> g.usual
)
SELECT ${flagColumns(id, sev(id), {
			doc: 'doc_id',
			project: 'project_code',
			table: "'indicators'",
			line: 'source_line',
			message: `'指标“' || name || '”在本部门 ' || projects::VARCHAR || ' 个项目中目标不一（' || seen || '），此处为“' || target_raw || '”。'`,
			evidence: jsonObject([
				['name', 'name'],
				['normalized_name', 'k'],
				['unit', 'u'],
				['target_raw', 'target_raw'],
				['target_value', 'target_value'],
				['usual_target', 'usual'],
				['targets_seen', 'seen'],
				['projects', 'projects']
			])
		})}
FROM hits
ORDER BY doc_id, source_line, flag_id`,
		params: year === undefined ? [] : [year]
	};
}

export function threePublicJumpSql(): Statement {
	const id = 'peer_three_public_jump';
	return {
		sql: `
WITH tp AS (
	SELECT t.doc_id, ${deptKey('d')} AS dept, d.kind, t.fiscal_year, t.amount, t.source, t.source_line,
		d.fiscal_year AS doc_year
	FROM three_public t JOIN documents d USING (doc_id)
	WHERE t.category = 'total' AND t.measure = 'budget' AND t.fiscal_year IS NOT NULL AND t.amount IS NOT NULL
),
yearly AS (
	SELECT dept, fiscal_year,
		arg_min(amount, (CASE WHEN source = 'table' THEN 0 ELSE 1 END, CASE WHEN doc_year = fiscal_year THEN 0 ELSE 1 END, source_line)) AS amount,
		arg_min(doc_id, (CASE WHEN doc_year = fiscal_year THEN 0 ELSE 1 END, CASE WHEN source = 'table' THEN 0 ELSE 1 END, source_line)) AS doc_id,
		arg_min(source_line, (CASE WHEN doc_year = fiscal_year THEN 0 ELSE 1 END, CASE WHEN source = 'table' THEN 0 ELSE 1 END, source_line)) AS source_line
	FROM tp GROUP BY dept, fiscal_year
),
paired AS (
	SELECT y.*, lag(amount) OVER (PARTITION BY dept ORDER BY fiscal_year) AS prev,
		lag(fiscal_year) OVER (PARTITION BY dept ORDER BY fiscal_year) AS prev_year
	FROM yearly y
),
hits AS (
	SELECT * FROM paired
	WHERE prev IS NOT NULL AND prev_year = fiscal_year - 1 AND abs(amount - prev) > 5
		AND (prev = 0 OR abs(amount - prev) / prev > 0.5)
)
SELECT ${flagColumns(id, sev(id), {
			doc: 'doc_id',
			project: 'NULL::VARCHAR',
			table: "'three_public'",
			line: 'source_line',
			message: `dept || ' ' || fiscal_year::VARCHAR || ' 年三公经费预算 ' || amount::DOUBLE::VARCHAR || ' 万元，比上年 ' || prev::DOUBLE::VARCHAR || ' 万元' || CASE WHEN amount > prev THEN '增加' ELSE '减少' END || ' ' || abs(amount - prev)::DOUBLE::VARCHAR || ' 万元。'`,
			evidence: jsonObject([
				['department', 'dept'],
				['fiscal_year', 'fiscal_year'],
				['amount', 'amount'],
				['previous_year', 'prev_year'],
				['previous_amount', 'prev'],
				['change', 'amount - prev']
			])
		})}
FROM hits
ORDER BY doc_id, source_line, flag_id`,
		params: []
	};
}

export function shareJumpSql(): Statement {
	const id = 'peer_share_jump';
	return {
		sql: `
WITH tot AS (
	SELECT doc_id, total FROM expenditure_by_function WHERE level = 0 AND total > 0
	QUALIFY count(*) OVER (PARTITION BY doc_id) = 1
),
shares AS (
	SELECT e.doc_id, ${deptKey('d')} AS dept, d.kind, d.fiscal_year, e.func_code, e.func_name, e.source_line,
		e.total AS amount, t.total AS doc_total, e.total::DOUBLE / t.total::DOUBLE AS share
	FROM expenditure_by_function e JOIN tot t USING (doc_id) JOIN documents d USING (doc_id)
	WHERE e.level = 1 AND e.total IS NOT NULL AND d.fiscal_year IS NOT NULL
),
one AS (
	SELECT * FROM shares QUALIFY count(*) OVER (PARTITION BY dept, kind, fiscal_year, func_code) = 1
),
years AS (
	SELECT DISTINCT dept, kind, fiscal_year, doc_id FROM one
),
paired AS (
	SELECT cur.*, prev.share AS prev_share, prev.fiscal_year AS prev_year
	FROM one cur
	JOIN years py ON py.dept = cur.dept AND py.kind = cur.kind AND py.fiscal_year = cur.fiscal_year - 1
	LEFT JOIN one prev ON prev.dept = cur.dept AND prev.kind = cur.kind
		AND prev.fiscal_year = cur.fiscal_year - 1 AND prev.func_code = cur.func_code
),
hits AS (
	SELECT *, coalesce(prev_share, 0) AS before FROM paired
	WHERE abs(share - coalesce(prev_share, 0)) > 0.10
)
SELECT ${flagColumns(id, sev(id), {
			doc: 'doc_id',
			project: 'NULL::VARCHAR',
			table: "'expenditure_by_function'",
			line: 'source_line',
			message: `func_code || ' ' || func_name || ' 占支出合计的比重由上年 ' || round(100 * before, 1)::VARCHAR || '% 变为 ' || round(100 * share, 1)::VARCHAR || '%。'`,
			evidence: jsonObject([
				['func_code', 'func_code'],
				['fiscal_year', 'fiscal_year'],
				['amount', 'amount'],
				['total', 'doc_total'],
				['share', 'round(share, 4)'],
				['previous_share', 'round(before, 4)']
			])
		})}
FROM hits
ORDER BY doc_id, source_line, flag_id`,
		params: []
	};
}
