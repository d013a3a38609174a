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
 *
 * Semantics: group keys and medians are always computed over EVERY document
 * of the database (peers are the point); the filters (docIds, departments,
 * group) only select which rows are returned. The rows come from the
 * snapshot's `rollup_per_capita` (the same rows, built by the writer:
 * snapshot/rollups.ts) or are computed now ('live': snapshots without the
 * rollup, or once documents were dropped onto the page). The whole-snapshot
 * computation is a list of steps (`perCapitaSteps`) that the live query
 * nests as CTEs and the writer runs as separate CREATE TABLE statements.
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

/** 'rollup': the snapshot's rollup_per_capita; 'live': computed now from the tables. */
export type PerCapitaSource = 'rollup' | 'live';

/** The rollup table holding perCapitaRowsSql()'s rows. */
export const PER_CAPITA_ROLLUP = 'rollup_per_capita';

export interface PerCapitaInput {
	docIds?: readonly string[];
	departments?: readonly string[];
	/** Only this normalized group (exact match on group_key). */
	group?: string | null;
	/** Only these groups (group_key); an empty list selects nothing, undefined everything. */
	groups?: readonly string[];
	/**
	 * Rows query only: at most this many rows per (group_key, per_unit), every
	 * k-th in cost order, k a power of two (an even, deterministic sample of
	 * more than half that many rows; the groups query and group_median still
	 * count every row).
	 */
	perGroup?: number;
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
	/** Median of cost_yuan within (group_key, per_unit), over every document. */
	group_median: DecimalString | null;
	group_size: number;
	note: string | null;
	source_line: number;
	/** 0-based position within (group_key, per_unit) in cost order, over every row. */
	group_pos: number;
	/** Rows of (group_key, per_unit), with or without a cost. */
	group_rows: number;
	/** The smallest perGroup whose sample holds this row (1 for the group's first). */
	sample_from: number;
}

/** A SQL string literal (constants only: the patterns below, never user input). */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Order within a group (group_pos); ends in a unique key (kind, doc, project, line, name). */
const IN_GROUP_ORDER = `cost_yuan NULLS LAST, dept_key, kind, doc_id, project_seq NULLS FIRST,
	source_line, indicator_name, target_raw NULLS LAST`;
const GROUP_PARTITION = 'PARTITION BY group_key, per_unit';
/**
 * Power of two above any group's size: the sample step of position 0. A row
 * at step s is in the perGroup = n sample iff s ≥ rows / n, i.e. iff
 * n ≥ ceil(rows / s) = sample_from.
 */
const FIRST_STEP = 1073741824;
/**
 * The largest power-of-two step k whose every-k-th sample (positions 0, k,
 * 2k, …) holds position `pos`: pos & -pos, FIRST_STEP for 0.
 */
const sampleStepSql = (pos: string) =>
	`(CASE WHEN ${pos} = 0 THEN ${FIRST_STEP} ELSE ${pos} & -${pos} END)`;

/** One step of the whole-snapshot computation: a named SELECT over tables and earlier steps. */
export interface PerCapitaStep {
	name: string;
	sql: string;
}

/**
 * The steps, in order; the last one (`per_capita_rows`) yields the rows
 * (PerCapitaRow columns, unordered). Names start with `pc_` so that the
 * writer can create them as tables and drop them after.
 */
export function perCapitaSteps(): PerCapitaStep[] {
	const beneficiaries = BENEFICIARY_UNITS.map((u) => `'${u}'`).join(', ');
	const unit = cleanUnitSql('i.target_unit');
	const full = lit(COST_UNIT_PATTERN);
	const moneyOnly = lit(MONEY_ONLY_PATTERN);
	const cost = `
SELECT i.doc_id, i.project_seq, i.project_code, i.name, i.target_raw, i.target_unit, i.target_value,
	i.source_line, ${unit} AS u, ${normalizedNameSql('i.name')} AS group_key
FROM indicators i WHERE i.level2 LIKE '%成本%'`;
	const impliedBase = `
WITH counts AS (
	SELECT i.doc_id, i.project_seq, i.name, i.target_raw, i.target_unit, i.target_value,
		${unit} AS u, i.source_line
	FROM indicators i
	WHERE i.project_seq IS NOT NULL AND i.level2 LIKE '%数量%' AND i.target_value > 0
		AND ${unit} IN (${beneficiaries})
	QUALIFY row_number() OVER (PARTITION BY i.doc_id, i.project_seq ORDER BY i.seq, i.source_line) = 1
)
SELECT c.*, pr.project_code, pr.amount,
	${normalizedNameSql('pr.project_name')} AS pname, ${normalizedNameSql('c.name')} AS cname
FROM counts c JOIN projects pr ON pr.doc_id = c.doc_id AND pr.project_seq = c.project_seq`;
	const rows = `
WITH declared_units AS (
	SELECT c.*, regexp_matches(u, ${full}) AS full_unit, regexp_matches(u, ${moneyOnly}) AS money_only
	FROM pc_cost c
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
keys AS (
	SELECT DISTINCT group_key AS k FROM pc_cost
	WHERE regexp_matches(u, ${full}) OR regexp_matches(name, '人均|户均|每人|每户')
),
implied_key AS (
	SELECT b.doc_id, b.project_seq, arg_max(keys.k, (length(keys.k), keys.k)) AS k
	FROM pc_implied_base b JOIN keys
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
	FROM pc_implied_base b
	LEFT JOIN implied_key ik ON ik.doc_id = b.doc_id AND ik.project_seq = b.project_seq
)
SELECT kind, doc_id, project_seq, project_code, indicator_name, group_key, target_raw,
	target_unit, per_unit, cost_yuan, note, source_line FROM declared_cost
UNION ALL
SELECT kind, doc_id, project_seq, project_code, indicator_name, group_key, target_raw,
	target_unit, per_unit, cost_yuan, note, source_line FROM implied`;
	const final = `
WITH grouped AS (
	SELECT r.*,
		median(cost_yuan) OVER (PARTITION BY group_key, per_unit)::DECIMAL(18,4) AS group_median,
		count(cost_yuan) OVER (PARTITION BY group_key, per_unit)::INTEGER AS group_size
	FROM pc_rows r
),
joined AS (
	SELECT g.kind, g.doc_id, ${deptKey('d')} AS dept_key, d.department_name,
		d.fiscal_year::INTEGER AS fiscal_year, g.project_seq::INTEGER AS project_seq, g.project_code,
		pr.project_name, g.indicator_name, g.group_key, g.target_raw, g.target_unit, g.per_unit, g.cost_yuan,
		CASE WHEN g.per_unit IS NULL THEN NULL ELSE g.group_median END AS group_median,
		g.group_size, g.note, g.source_line::INTEGER AS source_line
	FROM grouped g JOIN documents d ON d.doc_id = g.doc_id
	LEFT JOIN projects pr ON pr.doc_id = g.doc_id AND pr.project_seq = g.project_seq
),
positioned AS (
	SELECT j.*,
		(row_number() OVER (${GROUP_PARTITION} ORDER BY ${IN_GROUP_ORDER}) - 1)::INTEGER AS group_pos,
		count(*) OVER (${GROUP_PARTITION})::INTEGER AS group_rows
	FROM joined j
)
SELECT p.*, ceil(p.group_rows / ${sampleStepSql('p.group_pos')})::INTEGER AS sample_from
FROM positioned p`;
	return [
		{ name: 'pc_cost', sql: cost },
		{ name: 'pc_implied_base', sql: impliedBase },
		{ name: 'pc_rows', sql: rows },
		{ name: 'per_capita_rows', sql: final }
	];
}

/** The steps as one statement's CTE list (`name AS MATERIALIZED (...)`, joined by commas). */
function liveCtes(): string {
	return perCapitaSteps()
		.map((s) => `${s.name} AS MATERIALIZED (${s.sql}\n)`)
		.join(',\n');
}

/** Every per-capita row of the database (no filter), unordered: what rollup_per_capita holds. */
export function perCapitaRowsSql(): string {
	return `WITH ${liveCtes()}\nSELECT * FROM per_capita_rows`;
}

/** `WITH` prefix (live) and the relation to read the rows from. */
export function perCapitaFrom(source: PerCapitaSource): { ctes: string[]; from: string } {
	return source === 'rollup'
		? { ctes: [], from: PER_CAPITA_ROLLUP }
		: { ctes: [liveCtes()], from: 'per_capita_rows' };
}

/**
 * The view's row order: by group, then group_pos (the position in
 * IN_GROUP_ORDER, computed over every row, so also right for any subset).
 */
export const PER_CAPITA_ORDER = `group_key, per_unit NULLS LAST, group_pos`;

/** Rollups the 人均成本 view reads in 'rollup' mode (all three, or it computes live). */
export const PER_CAPITA_GROUPS_ROLLUP = 'rollup_per_capita_groups';
export const PER_CAPITA_DEPARTMENTS_ROLLUP = 'rollup_per_capita_departments';
export const PER_CAPITA_ROLLUPS = [
	PER_CAPITA_ROLLUP,
	PER_CAPITA_GROUPS_ROLLUP,
	PER_CAPITA_DEPARTMENTS_ROLLUP
] as const;

/**
 * True when the input selects whole groups only (no document or department
 * filter): the precomputed group_pos/group_rows and rollup_per_capita_groups
 * then hold exactly what the statements would compute.
 */
export function wholeGroups(input: PerCapitaInput): boolean {
	return (input.docIds ?? []).length === 0 && (input.departments ?? []).length === 0;
}

/** The group / groups filters on `r` (`group_key`), ANDed. */
function groupFilters(p: Params, input: PerCapitaInput): string {
	return [
		input.group ? `r.group_key = ${p.add(input.group)}` : 'TRUE',
		input.groups === undefined
			? 'TRUE'
			: input.groups.length === 0
				? 'FALSE'
				: p.inList('r.group_key', input.groups)
	].join(' AND ');
}

function filtered(input: PerCapitaInput, source: PerCapitaSource, select: string, tail: string) {
	const p = new Params();
	const { ctes, from } = perCapitaFrom(source);
	const where = [
		p.inList('r.doc_id', input.docIds ?? []),
		deptIn(p, input.departments ?? [], 'r.dept_key', 'r.department_name'),
		groupFilters(p, input)
	].join(' AND ');
	const withClause = ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n` : '';
	return p.statement(`${withClause}SELECT ${select} FROM ${from} r WHERE ${where}\n${tail}`);
}

/**
 * Per-capita rows: medians over every document, only the rows of the
 * chosen documents / departments / group returned, in PER_CAPITA_ORDER.
 * `perGroup`: every k-th row of each group, k the smallest power of two
 * ≥ rows / perGroup (so at most perGroup rows); for whole groups that is a
 * constant filter on the stored sample_from (the file keeps each group's
 * small samples together at its start, so DuckDB reads a few vectors),
 * otherwise positions are counted among the selected rows (a window).
 */
export function perCapitaQuery(
	input: PerCapitaInput = {},
	source: PerCapitaSource = 'live'
): Statement {
	const n = input.perGroup === undefined ? null : Math.max(1, Math.floor(input.perGroup));
	const w = 'PARTITION BY r.group_key, r.per_unit';
	let sample = '';
	if (n !== null && wholeGroups(input)) sample = `AND r.sample_from <= ${n}\n`;
	else if (n !== null)
		sample = `QUALIFY ${sampleStepSql(`(row_number() OVER (${w} ORDER BY r.group_pos) - 1)`)}
	>= ceil(count(*) OVER (${w}) / ${n})\n`;
	return filtered(
		input,
		source,
		'r.*',
		`${sample}ORDER BY r.group_key, r.per_unit NULLS LAST, r.group_pos`
	);
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

const GROUPS_ORDER = 'ORDER BY departments DESC, n DESC, group_key, per_unit';

/** The groups aggregate over per-capita rows `r` (rows with a cost only); no ORDER BY. */
export const PER_CAPITA_GROUPS_SELECT = `r.group_key, r.per_unit, count(*)::INTEGER AS n,
	count(DISTINCT r.dept_key)::INTEGER AS departments, median(r.cost_yuan)::DECIMAL(18,4) AS median,
	min(r.cost_yuan) AS min, max(r.cost_yuan) AS max`;
export const PER_CAPITA_GROUPS_TAIL = `AND r.cost_yuan IS NOT NULL
GROUP BY r.group_key, r.per_unit`;

/**
 * Groups of the selected per-capita rows (only rows with a cost), largest
 * groups first: n, departments, median, min and max of the rows returned.
 * 'rollup' with whole groups reads rollup_per_capita_groups (the unfiltered
 * result, precomputed); otherwise aggregates the selected rows.
 */
export function perCapitaGroupsQuery(
	input: PerCapitaInput = {},
	source: PerCapitaSource = 'live'
): Statement {
	if (source === 'rollup' && wholeGroups(input)) {
		const p = new Params();
		return p.statement(
			`SELECT r.group_key, r.per_unit, r.n, r.departments, r.median, r.min, r.max
FROM ${PER_CAPITA_GROUPS_ROLLUP} r WHERE ${groupFilters(p, input)}
${GROUPS_ORDER}`
		);
	}
	return filtered(
		input,
		source,
		PER_CAPITA_GROUPS_SELECT,
		`${PER_CAPITA_GROUPS_TAIL}\n${GROUPS_ORDER}`
	);
}

/** The departments aggregate over per-capita rows `r`. */
export const PER_CAPITA_DEPARTMENTS_SQL = (from: string) =>
	`SELECT r.dept_key, count(*)::INTEGER AS n FROM ${from} r GROUP BY r.dept_key`;

/** Departments (dept_key) with any per-capita row, and how many rows, by key. */
export function perCapitaDepartmentsQuery(source: PerCapitaSource = 'live'): Statement {
	if (source === 'rollup')
		return {
			sql: `SELECT r.dept_key, r.n FROM ${PER_CAPITA_DEPARTMENTS_ROLLUP} r ORDER BY r.dept_key`,
			params: []
		};
	return filtered(
		{},
		source,
		'r.dept_key, count(*)::INTEGER AS n',
		'GROUP BY r.dept_key ORDER BY r.dept_key'
	);
}
