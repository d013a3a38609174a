/**
 * The view needs (needs.ts) against the query builders: every builder has a
 * plan; every table a statement's SQL names (found with the SQL tokenizer) is
 * in its needs; and on the Parquet fixture, loading only the needed rows gives
 * the same answer as loading everything.
 */
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tablesNamed } from '$lib/db/sql-tables';
import { ROLLUPS } from '$lib/schema/rollups';
import { TABLES } from '$lib/schema/tables';
import type { DataNeed, Statement } from '$lib/db/types';
import { OPEN_TABLES, plans, type Plan } from './needs';
import { deptKey } from '$lib/queries/sql';

const FIXTURE = path.resolve(process.cwd(), 'tests/fixtures/snapshot');
const QHD = '河北省秦皇岛市秦皇岛经济技术开发区民生保障局';
const WL = '上海市普陀区人民政府万里街道办事处';

/** Rollups loaded on first use (not at open): a plan must name them. */
const LAZY_ROLLUPS = ROLLUPS.filter((r) => r.lazy).map((r) => r.name);

/** Snapshot tables and lazy rollups a statement names (the SQL tokenizer's words and quoted identifiers). */
function tablesIn(sql: string): Set<string> {
	return new Set(tablesNamed(sql));
}

const samples: Record<keyof typeof plans, Plan[]> = {
	overviewQuery: [plans.overviewQuery(), plans.overviewQuery({ departments: [WL] })],
	parseIssuesQuery: [plans.parseIssuesQuery('d_qhd_2024'), plans.parseIssuesQuery(null)],
	overviewPageQuery: [plans.overviewPageQuery({ search: '万里' }, { offset: 0, limit: 2 }, 'live')],
	overviewStatsQuery: [plans.overviewStatsQuery({}, 'live')],
	departmentSearchQuery: [plans.departmentSearchQuery('万里'), plans.departmentSearchQuery('')],
	departmentDocsQuery: [plans.departmentDocsQuery([WL])],
	summaryLinesQuery: [plans.summaryLinesQuery('d_qhd_2024')],
	functionTreeQuery: [plans.functionTreeQuery('d_qhd_2024')],
	economicTreeQuery: [plans.economicTreeQuery('d_qhd_2024')],
	projectsQuery: [plans.projectsQuery('d_qhd_2024')],
	indicatorsQuery: [
		plans.indicatorsQuery('d_qhd_2024', 1),
		plans.indicatorsQuery('d_wl_2024', null)
	],
	spendingPlanQuery: [plans.spendingPlanQuery('d_qhd_2024', 1)],
	sourceLinesQuery: [plans.sourceLinesQuery('d_qhd_2024', 1, 40)],
	sourceLocationQuery: [plans.sourceLocationQuery('d_qhd_2024', 5)],
	threePublicFiguresQuery: [
		plans.threePublicFiguresQuery({ departments: [WL] }),
		plans.threePublicFiguresQuery()
	],
	threePublicTrendQuery: [plans.threePublicTrendQuery({ departments: [QHD] })],
	threePublicCompareQuery: [plans.threePublicCompareQuery('d_wl_2024', WL)],
	structureSharesQuery: [
		plans.structureSharesQuery({ docIds: ['d_qhd_2024', 'd_wl_2024'], level: 1 }),
		plans.structureSharesQuery({
			docIds: ['d_qhd_2024', 'd_wl_2024'],
			level: 1,
			classification: 'economic'
		})
	],
	structureDiffQuery: [
		plans.structureDiffQuery({ docIds: ['d_qhd_2024', 'd_wl_2024'], level: 2 }),
		plans.structureDiffQuery({ docIds: ['d_qhd_2024'], level: 1, classification: 'economic' })
	],
	perCapitaQuery: [
		plans.perCapitaQuery({ departments: [QHD] }),
		plans.perCapitaQuery({ departments: [QHD] }, 'rollup'),
		plans.perCapitaQuery({ group: '义务兵家庭优待金' }, 'rollup'),
		plans.perCapitaQuery({ groups: ['义务兵家庭优待金'], departments: [WL] }, 'rollup'),
		plans.perCapitaQuery({ perGroup: 2 }, 'rollup'),
		plans.perCapitaQuery({ perGroup: 2, departments: [QHD] }, 'rollup')
	],
	perCapitaGroupsQuery: [
		plans.perCapitaGroupsQuery({ departments: [WL] }),
		plans.perCapitaGroupsQuery({}, 'rollup'),
		plans.perCapitaGroupsQuery({ departments: [WL] }, 'rollup'),
		plans.perCapitaGroupsQuery({ group: '义务兵家庭优待金' }, 'rollup')
	],
	perCapitaDepartmentsQuery: [
		plans.perCapitaDepartmentsQuery(),
		plans.perCapitaDepartmentsQuery('rollup')
	],
	flagsQuery: [
		plans.flagsQuery({ departments: [QHD] }),
		plans.flagsQuery({ departments: [QHD] }, undefined, 'live', ['d_qhd_2024']),
		plans.flagsQuery({}, { offset: 0, limit: 2 }, 'rollup', ['d_qhd_2024', 'd_wl_2024'])
	],
	flagPageQuery: [
		plans.flagPageQuery({ departments: [QHD] }),
		plans.flagPageQuery({}, { offset: 1, limit: 1 }, 'rollup')
	],
	flagCountsQuery: [
		plans.flagCountsQuery(),
		plans.flagCountsQuery({ departments: [QHD] }, 'rollup')
	]
};

describe('view needs', () => {
	it('has a plan for every query builder', () => {
		const modules = import.meta.glob<Record<string, unknown>>(
			['../queries/*.ts', '!../queries/*.test.ts'],
			{ eager: true }
		);
		const builders = [
			...new Set(
				Object.values(modules).flatMap((m) =>
					Object.keys(m).filter((k) => k.endsWith('Query') && typeof m[k] === 'function')
				)
			)
		];
		expect(builders.length).toBeGreaterThan(15);
		expect(Object.keys(plans).sort()).toEqual(builders.sort());
	});

	it('names in the needs every table a statement reads', () => {
		for (const [name, list] of Object.entries(samples)) {
			for (const [statement, needs] of list) {
				const named = [...tablesIn(statement.sql)];
				expect(named.length, name).toBeGreaterThan(0);
				const covered = new Set<string>([...needs.map((n) => n.table), ...OPEN_TABLES]);
				expect(
					named.filter((t) => !covered.has(t)),
					name
				).toEqual([]);
			}
		}
	});

	it('finds tables the way the SQL page will', () => {
		expect([...tablesIn(`SELECT * FROM "three_public" t JOIN documents USING (doc_id)`)]).toEqual([
			'three_public',
			'documents'
		]);
		expect([...tablesIn(`SELECT 'projects' AS x -- indicators`)]).toEqual([]);
		// A lazy rollup is empty until loaded: the SQL page must see it named.
		expect([...tablesIn(`SELECT count(*) FROM rollup_per_capita`)]).toEqual(['rollup_per_capita']);
	});
});

/** A database holding, of each fixture table, only the rows `needs` ask for (all when null). */
async function partialDb(needs: readonly DataNeed[] | null): Promise<DuckDBConnection> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const file = (t: string) => `'${path.join(FIXTURE, `${t}.parquet`)}'`;
	const list = (xs: readonly string[]) => xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ');
	for (const t of [...TABLES.map((d) => d.name as string), ...LAZY_ROLLUPS]) {
		const mine = needs?.filter((n) => n.table === t) ?? null;
		let where: string;
		if (mine === null || mine.some((n) => !n.docs && !n.departments)) where = 'TRUE';
		else if (mine.length === 0) where = 'FALSE';
		else
			where = mine
				.map((n) =>
					n.docs
						? `doc_id IN (${list(n.docs)})`
						: `doc_id IN (SELECT doc_id FROM read_parquet(${file('documents')}) d WHERE ${deptKey('d')} IN (${list(n.departments!)}))`
				)
				.join(' OR ');
		await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet(${file(t)}) WHERE ${where}`);
	}
	// Loaded whole when the snapshot opens, whatever the view.
	for (const t of OPEN_TABLES)
		await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet(${file(t)})`);
	return conn;
}

async function answer(conn: DuckDBConnection, s: Statement): Promise<unknown[]> {
	const r = await conn.runAndReadAll(s.sql, s.params as never);
	return r.getRowObjectsJson();
}

describe('loading only the needed rows', () => {
	let full: DuckDBConnection;
	beforeAll(async () => {
		full = await partialDb(null);
	});
	afterAll(() => full?.closeSync());

	it('gives the same rows as loading everything, for every plan', async () => {
		let nonEmpty = 0;
		for (const [name, list] of Object.entries(samples)) {
			for (const [statement, needs] of list) {
				const part = await partialDb(needs);
				const want = await answer(full, statement);
				if (want.length > 0) nonEmpty++;
				expect(await answer(part, statement), name).toEqual(want);
				part.closeSync();
			}
		}
		expect(nonEmpty).toBeGreaterThan(20);
	});

	it('would notice a need that is too narrow', async () => {
		// The prior year of 万里街道 2024 comes from its 2023 document.
		const [statement] = plans.threePublicCompareQuery('d_wl_2024', WL);
		const narrow = await partialDb([
			{ table: 'documents' },
			{ table: 'three_public', docs: ['d_wl_2024'] }
		]);
		expect(await answer(narrow, statement)).not.toEqual(await answer(full, statement));
		narrow.closeSync();
	});
});
