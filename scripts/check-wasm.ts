/**
 * Checks the browser data layer in real Chromium (Debian's /usr/bin/chromium
 * via playwright-core) against the Node connector, and measures it:
 * serves tests/wasm/ with Vite (the snapshot folder as its public root),
 * opens it, and compares every view statement's rows from DuckDB-WASM with
 * @duckdb/node-api's, checks hostile user SQL is refused, the row cap, cancel
 * and adding a dropped document; lazy loading (one department's rows after
 * ensure, nothing fetched twice), the rollups read with parquet-wasm alone,
 * and the cold-start marks. Every table is ensured whole before the view
 * statements are compared. Prints cold-load time and per-statement
 * p50 latency in the browser. Exit code 1 on any difference or failure.
 *
 *   npx tsx scripts/check-wasm.ts [--build] [snapshotDir=static/data/default]
 *
 * --build measures the production bundle (vite build into a temporary folder,
 * served by vite preview) instead of the dev server.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { build, createServer, preview, type InlineConfig } from 'vite';
import { openNodeConnector } from '../src/lib/db/node';
import { overviewQuery } from '../src/lib/queries';
import { deptKey } from '../src/lib/queries/sql';
import { ALLOWED_SQL, HOSTILE_SQL, viewStatements, type DocLite } from '../tests/wasm/statements';
import type { CheckResult } from '../tests/wasm/main';

const repo = process.cwd();
const args = process.argv.slice(2);
const production = args.includes('--build');
const snapshotDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'static/data/default');
const dropFile = path.resolve(
	repo,
	'../shared/corpus/text/shpt_wanli_jiedao_2023_bumen_yusuan.txt'
);

const config: InlineConfig = {
	configFile: false,
	root: path.join(repo, 'tests/wasm'),
	publicDir: snapshotDir,
	logLevel: 'warn',
	server: { host: '127.0.0.1', port: 0, fs: { allow: [repo, snapshotDir] } },
	preview: { host: '127.0.0.1', port: 0 },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] }
};
let url: string | undefined;
let stop: () => Promise<void>;
const outDir = production ? mkdtempSync(path.join(tmpdir(), 'budgetlens-wasm-')) : null;
if (outDir) {
	await build({ ...config, build: { outDir, emptyOutDir: true, target: 'es2022' } });
	const server = await preview({ ...config, build: { outDir } });
	url = server.resolvedUrls?.local[0];
	stop = async () => {
		await server.close();
		rmSync(outDir, { recursive: true, force: true });
	};
} else {
	const server = await createServer(config);
	await server.listen();
	url = server.resolvedUrls?.local[0];
	stop = () => server.close();
}
if (!url) throw new Error('vite did not start');
console.log(`${production ? 'production build' : 'dev server'}: ${url}`);

let failures = 0;
const fail = (msg: string) => {
	failures++;
	console.log(`FAIL ${msg}`);
};

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox']
});
let result: CheckResult;
try {
	const page = await browser.newPage();
	page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
	// A changed copy of a corpus document, so its doc_id is not in the snapshot yet.
	const text = readFileSync(dropFile, 'utf8') + '\n';
	await page.addInitScript((t) => {
		(window as unknown as { __dropText: string }).__dropText = t;
	}, text);
	await page.goto(url);
	await page.waitForFunction(() => (window as { __check?: unknown }).__check, null, {
		timeout: 300_000
	});
	const got = (await page.evaluate(() => (window as { __check?: unknown }).__check)) as
		CheckResult | { error: string };
	if ('error' in got) throw new Error(got.error);
	result = got;
} finally {
	await browser.close();
	await stop();
}

const node = await openNodeConnector({ parquetDir: snapshotDir });
const docs = (await node.query(overviewQuery())).rows as unknown as DocLite[];
const opened = result.progress.filter((p) => p.at <= result.loadMs).at(-1);
console.log(
	`cold load (manifest + DuckDB-WASM start + ${opened?.filesTotal} Parquet files, ${opened?.bytesTotal ?? 0} bytes): ${result.loadMs.toFixed(0)} ms`
);
const started = result.progress.find((p) => p.phase.startsWith('载入'));
if (started) {
	console.log(
		`  DuckDB-WASM ready and first file fetched at ${started.at.toFixed(0)} ms; tables loaded in the remaining ${(result.loadMs - started.at).toFixed(0)} ms`
	);
}
console.log(`cold-start marks (ms since navigation; bytes): ${JSON.stringify(result.cold)}`);
if (
	!result.cold ||
	!(result.cold.readyMs! >= result.cold.wasmMs!) ||
	!(result.cold.manifestMs! > 0)
) {
	fail(`cold-start marks: ${JSON.stringify(result.cold)}`);
}
if (typeof result.lazy === 'string') fail(`lazy loading: ${result.lazy}`);
else {
	const lazy = result.lazy;
	const expected = Number(
		(
			await node.query({
				sql: `SELECT count(*)::INTEGER AS n FROM source_lines s JOIN documents d USING (doc_id) WHERE ${deptKey('d')} = $1`,
				params: [lazy.department]
			})
		).rows[0]?.n
	);
	const total = Number(
		(await node.query('SELECT count(*)::INTEGER AS n FROM source_lines')).rows[0]?.n
	);
	console.log(
		`lazy: department ${lazy.department}: ${lazy.before} rows before ensure, ${lazy.after} after (Node ${expected}); source_lines loaded ${lazy.loadedAfter}/${total}; bytes ${lazy.bytesAfterDepartment} → ${lazy.bytesAgain} after ensuring it again`
	);
	if (lazy.after !== expected) fail(`lazy: department rows ${lazy.after} ≠ ${expected}`);
	if (lazy.loadedAfter > total) fail(`lazy: loaded ${lazy.loadedAfter} rows > ${total}`);
	if (lazy.bytesAgain !== lazy.bytesAfterDepartment) fail('lazy: a second ensure fetched again');
	const projects = await node.query({
		sql: `SELECT count(*)::INTEGER AS n, (SELECT count(*)::INTEGER FROM projects) AS total FROM projects p JOIN documents d USING (doc_id) WHERE ${deptKey('d')} = $1`,
		params: [lazy.department]
	});
	const [dept, all] = [Number(projects.rows[0]?.n), Number(projects.rows[0]?.total)];
	console.log(
		`concurrent ensures: projects of the department ${lazy.projects} (Node ${dept}), all ${lazy.projectsTotal} (Node ${all})`
	);
	if (lazy.projects !== dept || lazy.projectsTotal !== all) fail('lazy: concurrent ensures');
	if (JSON.stringify(lazy.named) !== JSON.stringify(['projects', 'indicators'])) {
		fail(`tablesNamed: ${JSON.stringify(lazy.named)}`);
	}
}
for (const [name, rows] of Object.entries(result.rollups)) {
	const expected = JSON.parse(JSON.stringify((await node.query(`SELECT * FROM ${name}`)).rows));
	const same = isDeepStrictEqual(expected, rows);
	const sameDuck = isDeepStrictEqual(expected, result.rollupsInDuckDB[name]);
	console.log(
		`${name}: ${expected.length} rows; readRollup same as Node: ${same ? 'yes' : 'NO'}; DuckDB-WASM table: ${sameDuck ? 'yes' : 'NO'}`
	);
	if (!same) fail(`readRollup ${name}: ${JSON.stringify(rows).slice(0, 300)}`);
	if (!sameDuck)
		fail(`${name} in DuckDB-WASM: ${JSON.stringify(result.rollupsInDuckDB[name]).slice(0, 300)}`);
}
console.log('statement\trows\tsame as Node\twasm p50 ms');
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const [name, s] of Object.entries(viewStatements(docs))) {
	const expected = JSON.parse(JSON.stringify((await node.query(s)).rows));
	const actual = result.rows[name];
	const same = isDeepStrictEqual(expected, actual);
	console.log(
		`${name}\t${expected.length}\t${same ? 'yes' : 'NO'}\t${p50(result.timesMs[name] ?? []).toFixed(1)}`
	);
	if (!same) fail(`${name}: ${JSON.stringify(actual).slice(0, 300)}`);
}
await node.close();

let refused = 0;
for (const sql of HOSTILE_SQL) {
	const outcome = result.hostile[sql] ?? 'missing';
	if (/^(SqlGuardError|UserSqlError)/.test(outcome)) refused++;
	else fail(`hostile SQL ran: ${sql}`);
}
console.log(`hostile SQL refused: ${refused}/${HOSTILE_SQL.length}`);
for (const sql of ALLOWED_SQL) {
	const n = result.allowed[sql];
	if (typeof n !== 'number' || n === 0) fail(`read-only statement failed: ${sql}: ${String(n)}`);
}
console.log(`read-only statements run: ${JSON.stringify(result.allowed)}`);
if (
	JSON.stringify(result.emptyColumns) !== JSON.stringify(['doc_id VARCHAR', 'fiscal_year INTEGER'])
) {
	fail(`empty result columns: ${JSON.stringify(result.emptyColumns)}`);
}
if (result.cap.rowCount !== 10_000 || !result.cap.truncated)
	fail(`row cap: ${JSON.stringify(result.cap)}`);
if (result.cancel !== '查询已取消') fail(`cancel: ${result.cancel}`);
console.log(
	`cap: ${JSON.stringify(result.cap)}; cancel: ${result.cancel}; dropped: ${JSON.stringify(result.dropped)}`
);
if (
	typeof result.dropped === 'string' ||
	result.dropped.added.length !== 1 ||
	result.dropped.rows === 0
) {
	fail(`dropped document: ${JSON.stringify(result.dropped)}`);
}
console.log(failures === 0 ? 'OK' : `${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
