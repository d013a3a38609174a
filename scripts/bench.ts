/**
 * `npm run bench`: one benchmark run of BudgetLens.
 *
 *   npm run bench -- [--runs 5] [--scales 1e5,1e6,1e7] [--skip-ingest] [--no-build]
 *       [--dir /work/scale/bench] [--base DIR] [--layout partitioned|flat]
 *       [--timeout 180] [--ingest-seconds 5] [--documents N] [--snapshot DIR]
 *
 * --snapshot DIR benches an existing snapshot (e.g. one written by
 * `npm run ingest` from a 100,000-document synthetic corpus) instead of the
 * scaled ones: served as /data/bench-snapshot/, same walk and replay.
 *
 * 1. Ingest: scripts/bench-ingest.ts on the real corpus (MB/s, documents/s);
 *    with --documents N also scripts/bench-scale.ts on N synthetic documents.
 * 2. Per scale: the scaled snapshot (scripts/bench-scale-data.ts, cached in
 *    --dir), served beside the built app at /data/bench-<scale>/ (and, so a
 *    build without the `data` URL parameter measures it too, at
 *    /data/default/); Chromium walks every view --runs times
 *    (scripts/lib/bench-browser.ts): cold start, statements, bytes.
 * 3. The same statements replayed in native DuckDB over the whole snapshot
 *    (scripts/lib/native-replay.ts), --runs times each: p50/p95 and ratio.
 * Writes bench-results/bench.json and bench-results/bench.md (also printed).
 * A scale that fails (e.g. out of memory in DuckDB-WASM) is recorded with
 * its error text; the run goes on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import {
	DEFAULT_DIR,
	ensureBase,
	ensureScale,
	parseScale,
	type Layout,
	type ScaleInfo
} from './bench-scale-data';
import { walk, type ViewSpec } from './lib/bench-browser';
import { markdown, type BenchReport, type ScaleResult } from './lib/bench-markdown';
import { serveBench } from './lib/bench-serve';
import { machine, summarizeCold, summarizeView } from './lib/bench-stats';
import { openNative, replay, type LoggedStatement } from './lib/native-replay';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		scales: { type: 'string', default: '1e5,1e6,1e7' },
		'skip-ingest': { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		dir: { type: 'string', default: DEFAULT_DIR },
		base: { type: 'string' },
		layout: { type: 'string', default: 'partitioned' },
		timeout: { type: 'string', default: '180' },
		'ingest-seconds': { type: 'string', default: '5' },
		documents: { type: 'string' },
		snapshot: { type: 'string' }
	}
});
const RUNS = Math.max(1, Number(values.runs) || 5);
const TIMEOUT_MS = Math.max(10, Number(values.timeout) || 180) * 1000;
const SQL_QUERY =
	'SELECT d.fiscal_year, count(*) AS n FROM indicators i JOIN documents d USING (doc_id) GROUP BY ALL ORDER BY 1';

function views(dept: string, year: number | null): ViewSpec[] {
	const d = `/department?d=${encodeURIComponent(dept)}${year === null ? '' : `&y=${year}`}`;
	return [
		{ id: 'overview', url: '/' },
		{ id: 'department', url: d },
		{ id: 'compare', url: '/compare' },
		{ id: 'per-capita', url: '/per-capita' },
		{ id: 'three-public', url: '/three-public' },
		{ id: 'flags', url: '/flags' },
		// One fiscal year in scope (sy): only that year's partitions load (the whole tables, 118 MB on
		// the 100k snapshot, are over the SQL page's ceiling). Native replay runs the text unscoped.
		{
			id: 'sql',
			url: `/sql?q=${encodeURIComponent(SQL_QUERY)}${year === null ? '' : `&sy=${year}`}`
		}
	];
}

const errText = (e: unknown) => String(e instanceof Error ? e.message : e).slice(0, 500);

function ingest(): BenchReport['ingest'] {
	const r = spawnSync(
		'npx',
		['tsx', 'scripts/bench-ingest.ts', '--seconds', String(Number(values['ingest-seconds']) || 5)],
		{ stdio: ['ignore', 'inherit', 'inherit'], timeout: 1_800_000 }
	);
	if (r.status !== 0)
		return {
			results: [],
			corpus_documents: null,
			error: `bench-ingest failed (${r.status ?? r.signal})`
		};
	const j = JSON.parse(readFileSync('bench-results/ingest.json', 'utf8'));
	return { results: j.results, corpus_documents: j.corpus?.documents ?? null, error: null };
}

function syntheticIngest(n: string): string {
	const r = spawnSync('npx', ['tsx', 'scripts/bench-scale.ts', '--documents', n], {
		encoding: 'utf8',
		timeout: 3_600_000
	});
	return (r.stdout || '').trim() + (r.status === 0 ? '' : `\n(failed: ${r.status ?? r.signal})`);
}

/** A department with projects (middle of the key order) and its latest year, from the rollup. */
async function pickDepartment(dir: string): Promise<{ key: string; year: number | null }> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const file = path.join(dir, 'rollup_documents.parquet').replace(/'/g, "''");
		const r = await conn.runAndReadAll(`WITH k AS (
			SELECT dept_key, max(fiscal_year) AS y FROM read_parquet('${file}')
			WHERE project_count > 0 GROUP BY dept_key)
			SELECT dept_key, y FROM k ORDER BY dept_key LIMIT 1 OFFSET (SELECT count(*) / 2 FROM k)`);
		const row = r.getRows()[0];
		if (!row) throw new Error(`no department with projects in ${dir}`);
		return { key: String(row[0]), year: row[1] === null ? null : Number(row[1]) };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/** ScaleInfo of a snapshot written elsewhere (--snapshot), from its manifest. */
function existingSnapshot(dir: string): ScaleInfo {
	const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
		snapshot_id: string;
		layout?: Layout;
		document_count?: number;
		tables: Record<string, { rows: number; bytes: number }>;
	};
	const tables = Object.entries(m.tables);
	return {
		scale: 'snapshot',
		target: 0,
		dir: path.resolve(dir),
		base: path.resolve(dir),
		base_snapshot_id: m.snapshot_id,
		layout: m.layout ?? 'flat',
		copies: 1,
		documents: m.document_count ?? 0,
		fact_rows: tables
			.filter(([name]) => name !== 'documents' && name !== 'source_lines')
			.reduce((s, [, t]) => s + t.rows, 0),
		bytes: tables.reduce((s, [, t]) => s + t.bytes, 0),
		build_seconds: null
	};
}

async function benchScale(scale: string, base: string, layout: Layout): Promise<ScaleResult> {
	const name = `bench-${scale}`;
	const res: ScaleResult = {
		scale,
		data_name: name,
		snapshot: null,
		department: null,
		data_folders: [],
		native_load_ms: null,
		cold: null,
		views: {},
		error: null
	};
	try {
		const info =
			scale === 'snapshot' && values.snapshot
				? existingSnapshot(values.snapshot)
				: await ensureScale(values.dir, base, scale, layout);
		res.snapshot = { ...info };
		const dept = await pickDepartment(info.dir);
		res.department = dept.key;
		const { server, url } = await serveBench('build', { [name]: info.dir, default: info.dir });
		let walked;
		try {
			const list = views(dept.key, dept.year);
			console.error(
				`bench: ${name}: Chromium, ${RUNS} cold starts + ${RUNS} rounds of ${list.length} views`
			);
			walked = await walk({
				baseUrl: url,
				dataName: name,
				views: list,
				runs: RUNS,
				timeoutMs: TIMEOUT_MS
			});
		} finally {
			server.close();
		}
		res.data_folders = [
			...new Set(walked.dataUrls.map((u) => /\/data\/[^/]+\//.exec(new URL(u).pathname)?.[0] ?? ''))
		].filter(Boolean);
		res.cold = summarizeCold(walked.cold);
		// Replay round 0's statements of each view natively, RUNS times each.
		const statements: LoggedStatement[] = Object.values(walked.visits).flatMap((vs) =>
			(vs.find((v) => v.round === 0)?.queries ?? []).flatMap((q) =>
				q.sql
					? [
							{
								view: q.view,
								sql: q.sql,
								params: q.params ?? [],
								...(q.scope ? { scope: q.scope } : {})
							}
						]
					: []
			)
		);
		console.error(`bench: ${name}: native replay of ${statements.length} statements`);
		let native: Awaited<ReturnType<typeof replay>> = {};
		try {
			const db = await openNative(info.dir);
			res.native_load_ms = Math.round(db.loadMs);
			try {
				native = await replay(db.conn, statements, RUNS);
			} finally {
				db.close();
			}
		} catch (e) {
			res.error = `native: ${errText(e)}`;
		}
		for (const [id, vs] of Object.entries(walked.visits))
			res.views[id] = summarizeView(vs, native[id]);
		writeFileSync(
			path.join('bench-results', `bench-${scale}-log.json`),
			JSON.stringify(walked, null, 1) + '\n'
		);
	} catch (e) {
		res.error = (res.error ? res.error + '; ' : '') + errText(e);
	}
	return res;
}

async function main(): Promise<void> {
	const layout = values.layout as Layout;
	if (layout !== 'flat' && layout !== 'partitioned') throw new Error(`bad --layout ${layout}`);
	const scales = values.snapshot ? ['snapshot'] : values.scales.split(',').filter(Boolean);
	if (!values.snapshot) scales.forEach(parseScale);
	mkdirSync('bench-results', { recursive: true });
	const report: BenchReport = {
		machine: {},
		runs: RUNS,
		ingest: null,
		synthetic_ingest: null,
		scales: []
	};
	const loadStart = machine().load_average;
	if (!values['skip-ingest']) report.ingest = ingest();
	if (values.documents) report.synthetic_ingest = syntheticIngest(values.documents);
	if (!values['no-build'] || !existsSync('build/index.html')) {
		const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
			stdio: 'inherit',
			timeout: 900_000
		});
		if (b.status !== 0) throw new Error('vite build failed');
	}
	const base = values.snapshot ? values.snapshot : ensureBase(values.dir, values.base);
	for (const s of scales) {
		report.scales.push(await benchScale(s, base, layout));
		writeFileSync('bench-results/bench.json', JSON.stringify(report, null, '\t') + '\n');
	}
	report.machine = { ...machine(), load_average_start: loadStart ?? '?' };
	const md = markdown(report);
	writeFileSync('bench-results/bench.json', JSON.stringify(report, null, '\t') + '\n');
	writeFileSync('bench-results/bench.md', md + '\n');
	console.log(md);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
