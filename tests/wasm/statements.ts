/**
 * The statements scripts/check-wasm.ts runs on both connectors: every view
 * builder with arguments drawn from the loaded documents.
 */
import type { Statement } from '../../src/lib/db/types';
import * as q from '../../src/lib/queries';

export interface DocLite {
	doc_id: string;
	dept_key: string;
	project_count: number;
}

export function viewStatements(docs: readonly DocLite[]): Record<string, Statement> {
	const first = docs.find((d) => d.project_count > 0)?.doc_id ?? docs[0]?.doc_id ?? '';
	const ids = docs.slice(0, 5).map((d) => d.doc_id);
	const depts = [...new Set(docs.map((d) => d.dept_key))];
	return {
		overview: q.overviewQuery(),
		parseIssues: q.parseIssuesQuery(null, 50),
		departmentDocs: q.departmentDocsQuery(depts.slice(0, 2)),
		summaryLines: q.summaryLinesQuery(first),
		functionTree: q.functionTreeQuery(first),
		economicTree: q.economicTreeQuery(first),
		threePublicCompare: q.threePublicCompareQuery(first),
		projects: q.projectsQuery(first),
		indicators: q.indicatorsQuery(first, 1),
		spendingPlan: q.spendingPlanQuery(first, 1),
		sourceLines: q.sourceLinesQuery(first, 1, 30),
		structureShares: q.structureSharesQuery({ docIds: ids, level: 1 }),
		structureSharesEconomic: q.structureSharesQuery({
			docIds: ids,
			level: 2,
			classification: 'economic'
		}),
		structureDiff: q.structureDiffQuery({ docIds: ids, level: 1 }),
		perCapita: q.perCapitaQuery(),
		perCapitaGroups: q.perCapitaGroupsQuery(),
		threePublicTrend: q.threePublicTrendQuery(),
		threePublicFigures: q.threePublicFiguresQuery(),
		flags: q.flagsQuery({}, { offset: 0, limit: 100 }),
		flagCounts: q.flagCountsQuery()
	};
}

/** Statements the SQL guard or the locked engine must refuse. */
export const HOSTILE_SQL = [
	"COPY documents TO 'leak.csv'",
	"ATTACH 'other.db'",
	'INSTALL httpfs',
	'LOAD httpfs',
	"SELECT * FROM read_csv('http://127.0.0.1:9/a.csv')",
	"SELECT * FROM 'http://127.0.0.1:9/x.parquet'",
	'SET enable_external_access = true',
	'SELECT 1; DROP TABLE documents',
	'CREATE TABLE x AS SELECT 1'
];

/** Read-only statements user SQL must run. */
export const ALLOWED_SQL = [
	'DESCRIBE documents',
	'SHOW TABLES',
	'SUMMARIZE projects',
	'EXPLAIN SELECT 1',
	'FROM documents SELECT doc_id'
];
