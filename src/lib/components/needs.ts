/**
 * Which rows each view statement needs loaded, in one place next to the query
 * builders: every builder of src/lib/queries has a plan here returning
 * `[statement, needs]`, spread into `session.run(view, ...plan)`.
 *
 * Rules (audited against each builder's SQL, checked by needs.test.ts):
 * - a statement over one document (or a few chosen ones) needs those docs'
 *   rows of every table it reads;
 * - a department's statement needs that department's rows;
 * - anything comparing with other departments (ranks, medians, peer groups,
 *   "any loaded document") or listing all documents needs whole tables;
 * - `documents` and the rollups are loaded when the snapshot opens (except
 *   the per-capita rollups, loaded on first use); documents is still listed so
 *   the needs name every table a statement reads.
 */
import type { DataNeed, Statement } from '$lib/db/types';
import * as q from '$lib/queries';
import { sourceLocationQuery } from '$lib/queries/source-location';

export type Plan = [Statement, DataNeed[]];

/** Tables loaded with the snapshot itself; never passed to ensure(). */
export const OPEN_TABLES = ['rollup_documents', 'rollup_overview'] as const;

function whole(...tables: string[]): DataNeed[] {
	return tables.map((table) => ({ table }));
}
function ofDocs(docs: readonly string[], ...tables: string[]): DataNeed[] {
	return tables.map((table) => ({ table, docs: [...docs] }));
}
/** The departments' rows; whole tables when no department is named (= all). */
function ofDepts(departments: readonly string[] | undefined, ...tables: string[]): DataNeed[] {
	if (!departments || departments.length === 0) return whole(...tables);
	return tables.map((table) => ({ table, departments: [...departments] }));
}

const OVERVIEW_TABLES = [
	'documents',
	'expenditure_by_function',
	'three_public',
	'projects',
	'indicators',
	'parse_issues'
];

function overviewSourceNeeds(source: q.OverviewSource | undefined): DataNeed[] {
	return source === 'live' ? whole(...OVERVIEW_TABLES) : [];
}

/** Live: the tables the rows are computed from; rollup: the one rollup the statement reads. */
function perCapitaNeeds(source: q.PerCapitaSource, rollup = 'rollup_per_capita'): DataNeed[] {
	return source === 'rollup'
		? whole('documents', rollup)
		: whole('documents', 'indicators', 'projects');
}

/** One plan per query builder, same name and arguments. */
export const plans = {
	overviewQuery: (input: q.OverviewInput = {}): Plan => [
		q.overviewQuery(input),
		ofDepts(input.departments, ...OVERVIEW_TABLES)
	],
	parseIssuesQuery: (docId: string | null, limit?: number): Plan => [
		q.parseIssuesQuery(docId, limit),
		docId === null ? whole('parse_issues') : ofDocs([docId], 'parse_issues')
	],
	overviewPageQuery: (
		filter: q.OverviewFilter,
		page: { offset: number; limit: number },
		source?: q.OverviewSource
	): Plan => [q.overviewPageQuery(filter, page, source), overviewSourceNeeds(source)],
	overviewStatsQuery: (filter?: q.OverviewFilter, source?: q.OverviewSource): Plan => [
		q.overviewStatsQuery(filter, source),
		overviewSourceNeeds(source)
	],
	departmentSearchQuery: (search: string, limit?: number): Plan => [
		q.departmentSearchQuery(search, limit),
		whole('documents')
	],
	departmentDocsQuery: (departments: readonly string[] = []): Plan => [
		q.departmentDocsQuery(departments),
		whole('documents')
	],
	summaryLinesQuery: (docId: string): Plan => [
		q.summaryLinesQuery(docId),
		ofDocs([docId], 'summary')
	],
	functionTreeQuery: (docId: string): Plan => [
		q.functionTreeQuery(docId),
		ofDocs([docId], 'expenditure_by_function')
	],
	economicTreeQuery: (docId: string): Plan => [
		q.economicTreeQuery(docId),
		ofDocs([docId], 'basic_by_economic')
	],
	projectsQuery: (docId: string): Plan => [
		q.projectsQuery(docId),
		ofDocs([docId], 'projects', 'indicators', 'spending_plan')
	],
	indicatorsQuery: (docId: string, projectSeq: number | null): Plan => [
		q.indicatorsQuery(docId, projectSeq),
		ofDocs([docId], 'indicators')
	],
	spendingPlanQuery: (docId: string, projectSeq: number): Plan => [
		q.spendingPlanQuery(docId, projectSeq),
		ofDocs([docId], 'spending_plan')
	],
	sourceLinesQuery: (docId: string, from: number, to?: number): Plan => [
		q.sourceLinesQuery(docId, from, to),
		ofDocs([docId], 'source_lines')
	],
	sourceLocationQuery: (docId: string, line: number): Plan => [
		sourceLocationQuery(docId, line),
		[...whole('documents'), ...ofDocs([docId], 'source_lines')]
	],
	threePublicFiguresQuery: (filter: q.ThreePublicFilter = {}): Plan => [
		q.threePublicFiguresQuery(filter),
		[...whole('documents'), ...ofDepts(filter.departments, 'three_public')]
	],
	// Ranks every department in each year: the whole table even for a few departments.
	threePublicTrendQuery: (filter: q.ThreePublicFilter = {}): Plan => [
		q.threePublicTrendQuery(filter),
		whole('documents', 'three_public')
	],
	// The prior year may come from another document of the same department.
	threePublicCompareQuery: (docId: string, deptKey: string): Plan => [
		q.threePublicCompareQuery(docId),
		[...whole('documents'), ...ofDepts([deptKey], 'three_public')]
	],
	structureSharesQuery: (input: q.StructureInput): Plan => [
		q.structureSharesQuery(input),
		[
			...whole('documents'),
			...ofDocs(
				input.docIds,
				input.classification === 'economic' ? 'basic_by_economic' : 'expenditure_by_function'
			)
		]
	],
	structureDiffQuery: (input: q.StructureInput): Plan => [
		q.structureDiffQuery(input),
		ofDocs(
			input.docIds,
			input.classification === 'economic' ? 'basic_by_economic' : 'expenditure_by_function'
		)
	],
	// 'rollup': the snapshot's per-capita rollups (whole snapshot, fetched on first use, not
	// at open): unfiltered groups / departments read the small siblings, not rollup_per_capita. 'live': group keys come from any loaded document's cost indicators and
	// medians span every department: whole tables whatever the filter.
	perCapitaQuery: (input: q.PerCapitaInput = {}, source: q.PerCapitaSource = 'live'): Plan => [
		q.perCapitaQuery(input, source),
		perCapitaNeeds(source)
	],
	perCapitaGroupsQuery: (
		input: q.PerCapitaInput = {},
		source: q.PerCapitaSource = 'live'
	): Plan => [
		q.perCapitaGroupsQuery(input, source),
		perCapitaNeeds(source, q.wholeGroups(input) ? 'rollup_per_capita_groups' : 'rollup_per_capita')
	],
	perCapitaDepartmentsQuery: (source: q.PerCapitaSource = 'live'): Plan => [
		q.perCapitaDepartmentsQuery(source),
		perCapitaNeeds(source, 'rollup_per_capita_departments')
	],
	// The line text of each flag: source_lines of the flagged documents only. Views pass
	// the doc ids of a first run without them (`lineDocs` = [] → no source_lines need,
	// line_text may be null), then run again with them; undefined → the whole table.
	// Source 'rollup' reads departments from rollup_documents (loaded when the snapshot opens).
	flagsQuery: (
		filter: q.FlagFilter = {},
		page?: q.FlagPage,
		source: q.FlagSource = 'live',
		lineDocs?: readonly string[]
	): Plan => [
		q.flagsQuery(filter, page, source),
		[
			...whole('flags', 'documents'),
			...(lineDocs === undefined
				? whole('source_lines')
				: lineDocs.length > 0
					? ofDocs(lineDocs, 'source_lines')
					: [])
		]
	],
	flagPageQuery: (
		filter: q.FlagFilter = {},
		page?: q.FlagPage,
		source: q.FlagSource = 'live'
	): Plan => [q.flagPageQuery(filter, page, source), whole('flags', 'documents')],
	flagCountsQuery: (filter: q.FlagFilter = {}, source: q.FlagSource = 'live'): Plan => [
		q.flagCountsQuery(filter, source),
		whole('flags', 'documents')
	]
} as const;
