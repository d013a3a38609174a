/**
 * Benchmarks the query layer in Node DuckDB (@duckdb/node-api): load time of
 * a snapshot folder and p50/p95 latency of every view's query builders.
 * The browser timings (DuckDB-WASM) are measured by the app benchmark; this
 * one isolates the SQL.
 *
 *   npx tsx scripts/bench-queries.ts [snapshotDir=static/data/default] [runs=30]
 */
import path from 'node:path';
import { openNodeConnector } from '../src/lib/db/node';
import type { Statement } from '../src/lib/db/types';
import * as q from '../src/lib/queries';

const dir = path.resolve(process.argv[2] ?? 'static/data/default');
const runs = Math.max(1, Number(process.argv[3] ?? 30));

const t0 = performance.now();
const db = await openNodeConnector({ parquetDir: dir });
const loadMs = performance.now() - t0;

const docs = (await db.query(q.overviewQuery())).rows;
const first = String(docs.find((d) => d.project_count !== 0)?.doc_id ?? docs[0]?.doc_id ?? '');
const ids = docs.slice(0, 4).map((d) => String(d.doc_id));
const depts = [...new Set(docs.map((d) => String(d.dept_key)))].slice(0, 3);

const views: Record<string, Statement[]> = {
	总览: [q.overviewQuery(), q.parseIssuesQuery(null)],
	部门画像: [
		q.departmentDocsQuery(),
		q.summaryLinesQuery(first),
		q.functionTreeQuery(first),
		q.economicTreeQuery(first),
		q.threePublicCompareQuery(first),
		q.projectsQuery(first),
		q.indicatorsQuery(first, 1),
		q.sourceLinesQuery(first, 1, 40)
	],
	支出结构对比: [
		q.structureSharesQuery({ docIds: ids, level: 1 }),
		q.structureDiffQuery({ docIds: ids, level: 2 })
	],
	人均成本: [q.perCapitaQuery(), q.perCapitaGroupsQuery()],
	三公趋势: [q.threePublicTrendQuery({ departments: depts }), q.threePublicFiguresQuery()],
	异常指标: [q.flagsQuery(), q.flagCountsQuery()]
};

function pct(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

console.log(`snapshot ${dir}: loaded ${docs.length} documents in ${loadMs.toFixed(0)} ms`);
console.log('view\tstatements\tp50 ms\tp95 ms (all statements of the view, run together)');
for (const [view, statements] of Object.entries(views)) {
	const times: number[] = [];
	for (let i = 0; i < runs + 2; i++) {
		const t = performance.now();
		for (const s of statements) await db.query(s);
		if (i >= 2) times.push(performance.now() - t);
	}
	console.log(
		`${view}\t${statements.length}\t${pct(times, 50).toFixed(1)}\t${pct(times, 95).toFixed(1)}`
	);
}
await db.close();
