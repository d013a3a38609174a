/**
 * Builds the rollup tables (schema/rollups.ts) inside the writer's DuckDB.
 * rollup_per_capita (queries/per-capita.ts perCapitaSteps over the whole
 * snapshot) comes first, BEFORE the peer rules, which read it
 * (buildPerCapitaRollup: one CREATE TABLE per step, so DuckDB holds one
 * step's intermediate at a time; the steps are dropped after). Then, after
 * peer flags: rollup_per_capita_groups / _departments aggregate it (the
 * per-capita view's unfiltered groups and departments statements);
 * rollup_documents is overviewQuery() (queries/overview.ts) materialized
 * over the whole snapshot plus documents.province;
 * rollup_overview groups it by (fiscal_year, province, kind) with exact
 * DECIMAL sums and the flag counts. Node only (runs on the writer's
 * connection; the files are written by finish.ts).
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { overviewQuery } from '../queries/overview';
import {
	PER_CAPITA_DEPARTMENTS_SQL,
	PER_CAPITA_GROUPS_SELECT,
	PER_CAPITA_GROUPS_TAIL,
	perCapitaRowsSql,
	perCapitaSteps
} from '../queries/per-capita';
import {
	rollupDocuments,
	rollupOverview,
	rollupPerCapita,
	rollupPerCapitaDepartments,
	rollupPerCapitaGroups,
	type RollupDef
} from '../schema/rollups';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `ORDER BY` list of a rollup (its keys are unique per row: a total order); names are quoted, expressions kept. */
export function rollupOrder(def: RollupDef, nulls: 'FIRST' | 'LAST'): string {
	const key = (k: string) => (/^[a-z_][a-z0-9_]*$/.test(k) ? quote(k) : k);
	return def.orderBy.map((k) => `${key(k)} ASC NULLS ${nulls}`).join(', ');
}

function rollupDocumentsSql(): { sql: string; params: DuckDBValue[] } {
	const overview = overviewQuery();
	// Same order as the overview query itself (DuckDB's default: NULLs last).
	return {
		sql: `CREATE TABLE ${rollupDocuments.name} AS
SELECT o.*, d.province
FROM (${overview.sql}) o LEFT JOIN documents d ON d.doc_id = o.doc_id
ORDER BY ${rollupOrder(rollupDocuments, 'LAST')}`,
		params: overview.params as DuckDBValue[]
	};
}

const dec = (col: string) => `sum(r.${col})::DECIMAL(18,4) AS ${col}`;
const int = (expr: string, as: string) => `coalesce(${expr}, 0)::INTEGER AS ${as}`;

function rollupOverviewSql(): string {
	return `CREATE TABLE ${rollupOverview.name} AS
WITH f AS (
	SELECT doc_id,
		count(*) FILTER (WHERE severity = 'error') AS e,
		count(*) FILTER (WHERE severity = 'warning') AS w,
		count(*) FILTER (WHERE severity = 'info') AS i
	FROM flags GROUP BY doc_id
)
SELECT r.fiscal_year::INTEGER AS fiscal_year, r.province, r.kind,
	count(*)::INTEGER AS documents, count(DISTINCT r.dept_key)::INTEGER AS departments,
	${['expenditure_total', 'basic_total', 'project_total', 'three_public_total'].map(dec).join(', ')},
	${int('sum(r.project_count)', 'project_count')}, ${int('sum(r.indicator_count)', 'indicator_count')},
	${int('sum(r.issue_count)', 'issue_count')},
	${int('sum(f.e)', 'flags_error')}, ${int('sum(f.w)', 'flags_warning')}, ${int('sum(f.i)', 'flags_info')}
FROM ${rollupDocuments.name} r LEFT JOIN f ON f.doc_id = r.doc_id
GROUP BY r.fiscal_year, r.province, r.kind
ORDER BY ${rollupOrder(rollupOverview, 'FIRST')}`;
}

/**
 * Creates rollup_per_capita on `conn` (documents, indicators and projects
 * loaded) unless it exists. `staged` (default) runs perCapitaSteps() as
 * separate temporary tables; false runs the single live statement (the same
 * rows; kept to measure the difference).
 */
export async function buildPerCapitaRollup(
	conn: DuckDBConnection,
	opts: { staged?: boolean } = {}
): Promise<void> {
	const exists = await conn.runAndReadAll(
		`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = '${rollupPerCapita.name}' AND NOT temporary`
	);
	if (Number(exists.getRowsJS()[0]?.[0] ?? 0) > 0) return;
	const order = `ORDER BY ${rollupOrder(rollupPerCapita, 'LAST')}`;
	if (opts.staged === false) {
		await conn.run(
			`CREATE TABLE ${rollupPerCapita.name} AS SELECT * FROM (${perCapitaRowsSql()}) ${order}`
		);
		return;
	}
	const steps = perCapitaSteps();
	const last = steps.at(-1)!;
	try {
		for (const s of steps.slice(0, -1)) {
			await conn.run(`CREATE OR REPLACE TEMP TABLE ${s.name} AS ${s.sql}`);
		}
		await conn.run(`CREATE TABLE ${rollupPerCapita.name} AS SELECT * FROM (${last.sql}) ${order}`);
	} finally {
		for (const s of steps.slice(0, -1)) await conn.run(`DROP TABLE IF EXISTS temp.${s.name}`);
	}
}

/**
 * rollup_per_capita_groups and rollup_per_capita_departments from
 * rollup_per_capita: the unfiltered groups and departments statements of
 * queries/per-capita.ts (same SELECT), so the view need not aggregate ~1M
 * rows at 100k documents.
 */
async function buildPerCapitaSiblings(conn: DuckDBConnection): Promise<void> {
	const from = rollupPerCapita.name;
	await conn.run(`CREATE TABLE ${rollupPerCapitaGroups.name} AS
SELECT ${PER_CAPITA_GROUPS_SELECT} FROM ${from} r WHERE TRUE ${PER_CAPITA_GROUPS_TAIL}
ORDER BY ${rollupOrder(rollupPerCapitaGroups, 'LAST')}`);
	await conn.run(`CREATE TABLE ${rollupPerCapitaDepartments.name} AS
${PER_CAPITA_DEPARTMENTS_SQL(from)} ORDER BY ${rollupOrder(rollupPerCapitaDepartments, 'LAST')}`);
}

/**
 * Creates every rollup table on `conn` (the snapshot tables must be loaded,
 * peer flags included; rollup_per_capita is usually built before them).
 */
export async function buildRollups(conn: DuckDBConnection): Promise<void> {
	await buildPerCapitaRollup(conn);
	await buildPerCapitaSiblings(conn);
	const docs = rollupDocumentsSql();
	await conn.run(docs.sql, docs.params.length > 0 ? docs.params : undefined);
	await conn.run(rollupOverviewSql());
}
