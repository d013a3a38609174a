/**
 * The overview chart after documents were dropped onto the page: the
 * snapshot's rollup_overview rows plus the dropped documents' own part,
 * computed live in DuckDB and merged exactly (decimal.js, no floats).
 *
 * droppedOverviewStatement(ids) groups overviewQuery() over only the dropped
 * doc_ids by (fiscal_year, province, kind) the way rollup_overview is built
 * (src/lib/snapshot/rollups.ts): count(*), exact DECIMAL(18,4) sums (NULL
 * when every value is NULL), integer sums. Departments: `new_departments`
 * counts only the dropped documents' departments that no snapshot document
 * of the same (fiscal_year, province, kind) has, so rollup.departments +
 * new_departments is the exact count(DISTINCT dept_key) of the merged group
 * (a revised file of a department already in the snapshot adds a document,
 * not a department). The flag counts are left out: dropping a document
 * recomputes every peer flag, so the rollup's flag counts and live ones
 * would not add up; the chart does not show them.
 *
 * Doc ids come from session.dropped (only those addDocuments really added:
 * a file already loaded, or dropped twice, is skipped there), so no
 * document is counted twice.
 */
import { Decimal } from 'decimal.js';
import type { DataNeed, Row, Statement } from '$lib/db/types';
import { overviewQuery } from '$lib/queries/overview';
import { deptKey, Params } from '$lib/queries/sql';
import type { RollupOverviewRow } from './rollup';

const DEC_COLS = [
	'expenditure_total',
	'basic_total',
	'project_total',
	'three_public_total'
] as const;
const INT_COLS = ['project_count', 'indicator_count', 'issue_count'] as const;

/** One group of the dropped documents (same columns as RollupOverviewRow, plus new_departments). */
export interface DroppedOverviewRow extends RollupOverviewRow {
	/** Departments of the group no snapshot document of the same group has. */
	new_departments: number;
}

/** Tables droppedOverviewStatement reads (whole: it compares with every snapshot document). */
export const DROPPED_NEEDS: DataNeed[] = [
	'documents',
	'expenditure_by_function',
	'three_public',
	'projects',
	'indicators',
	'parse_issues'
].map((table) => ({ table }));

/** The dropped documents' rollup_overview rows (empty `ids`: no rows). */
export function droppedOverviewStatement(ids: readonly string[]): Statement {
	const p = new Params();
	// overviewQuery() without filters binds no parameters, so it nests as is.
	const overview = overviewQuery().sql;
	const mine = ids.length === 0 ? 'FALSE' : p.inList('o.doc_id', ids);
	const others = ids.length === 0 ? 'TRUE' : `NOT (${p.inList('d.doc_id', ids)})`;
	const dec = DEC_COLS.map((c) => `sum(r.${c})::DECIMAL(18,4) AS ${c}`).join(', ');
	const int = INT_COLS.map((c) => `coalesce(sum(r.${c}), 0)::INTEGER AS ${c}`).join(', ');
	return p.statement(`
WITH r AS (
	SELECT o.*, d.province FROM (${overview}) o JOIN documents d ON d.doc_id = o.doc_id
	WHERE ${mine}
),
known AS (
	SELECT DISTINCT ${deptKey('d')} AS dept_key, d.fiscal_year::INTEGER AS fiscal_year, d.province, d.kind
	FROM documents d WHERE ${others}
)
SELECT r.fiscal_year::INTEGER AS fiscal_year, r.province, r.kind,
	count(*)::INTEGER AS documents, count(DISTINCT r.dept_key)::INTEGER AS departments,
	count(DISTINCT r.dept_key) FILTER (WHERE k.dept_key IS NULL)::INTEGER AS new_departments,
	${dec}, ${int}
FROM r LEFT JOIN known k ON k.dept_key = r.dept_key AND k.kind = r.kind
	AND k.fiscal_year IS NOT DISTINCT FROM r.fiscal_year AND k.province IS NOT DISTINCT FROM r.province
GROUP BY r.fiscal_year, r.province, r.kind
ORDER BY r.fiscal_year NULLS FIRST, r.province NULLS FIRST, r.kind`);
}

const toInt = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const toDec = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Result rows of droppedOverviewStatement, typed. */
export function droppedRows(rows: readonly Row[]): DroppedOverviewRow[] {
	return rows.map((r) => ({
		fiscal_year:
			r.fiscal_year === null || r.fiscal_year === undefined ? null : toInt(r.fiscal_year),
		province: r.province === null || r.province === undefined ? null : String(r.province),
		kind: String(r.kind ?? ''),
		documents: toInt(r.documents),
		departments: toInt(r.departments),
		new_departments: toInt(r.new_departments),
		expenditure_total: toDec(r.expenditure_total),
		basic_total: toDec(r.basic_total),
		project_total: toDec(r.project_total),
		three_public_total: toDec(r.three_public_total),
		project_count: toInt(r.project_count),
		indicator_count: toInt(r.indicator_count),
		issue_count: toInt(r.issue_count)
	}));
}

/** SQL's sum over the union of two groups: NULL only when both are NULL; exact, 4 places. */
export function addDecimal(a: string | null, b: string | null): string | null {
	if (a === null && b === null) return null;
	return new Decimal(a ?? 0).plus(b ?? 0).toFixed(4);
}

const groupKey = (r: RollupOverviewRow) =>
	`${r.fiscal_year ?? ''}\u0000${r.province === null ? '\u0001' : r.province}\u0000${r.kind}`;

/** rollup_overview's order: fiscal_year, province (NULLs first), kind; code-point order like DuckDB. */
function compare(a: RollupOverviewRow, b: RollupOverviewRow): number {
	const cmp = (x: string | number | null, y: string | number | null) =>
		x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
	return cmp(a.fiscal_year, b.fiscal_year) || cmp(a.province, b.province) || cmp(a.kind, b.kind);
}

/**
 * rollup_overview rows with the dropped documents' rows added per
 * (fiscal_year, province, kind): counts added, decimals added exactly,
 * departments + new_departments. Groups only the drop has are new rows.
 */
export function mergeDropped(
	rollup: readonly RollupOverviewRow[],
	dropped: readonly DroppedOverviewRow[]
): RollupOverviewRow[] {
	const out = new Map(rollup.map((r) => [groupKey(r), { ...r }]));
	for (const d of dropped) {
		const k = groupKey(d);
		const base = out.get(k);
		const merged: RollupOverviewRow = {
			fiscal_year: d.fiscal_year,
			province: d.province,
			kind: d.kind,
			documents: (base?.documents ?? 0) + d.documents,
			departments: (base?.departments ?? 0) + d.new_departments,
			expenditure_total: addDecimal(base?.expenditure_total ?? null, d.expenditure_total),
			basic_total: addDecimal(base?.basic_total ?? null, d.basic_total),
			project_total: addDecimal(base?.project_total ?? null, d.project_total),
			three_public_total: addDecimal(base?.three_public_total ?? null, d.three_public_total),
			project_count: (base?.project_count ?? 0) + d.project_count,
			indicator_count: (base?.indicator_count ?? 0) + d.indicator_count,
			issue_count: (base?.issue_count ?? 0) + d.issue_count
		};
		out.set(k, merged);
	}
	return [...out.values()].sort(compare);
}
