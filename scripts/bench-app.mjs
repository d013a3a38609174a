// App benchmark in Chromium against the built app and the default snapshot:
//   - cold load (fresh browser context each run): navigation → first chart visible on 总览
//     (snapshots with rollups: drawn from manifest.json's inline rollup_overview while
//     DuckDB-WASM starts; older snapshots: the manifest preview), → first chart drawn from
//     DuckDB query results, and when the snapshot finished loading (window.__budgetlensReady);
//   - per view: latency of each query (p50/p95) and the visit time (client-side
//     navigation → last query answered), from the connector timings the app
//     records on window.__budgetlensQueryLog.
// Usage: node scripts/bench-app.mjs [--runs 5] [--no-build]
// Writes bench-results/app.json and prints a table.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, serveStatic } from './run-e2e.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const QHD = encodeURIComponent('秦皇岛经济技术开发区民生保障局');
const VIEWS = [
	{ id: 'overview', url: '/' },
	{ id: 'department', url: `/department?d=${QHD}&y=2024` },
	{ id: 'compare', url: '/compare' },
	{ id: 'per-capita', url: '/per-capita' },
	{ id: 'three-public', url: '/three-public' },
	{ id: 'flags', url: '/flags' },
	{
		id: 'sql',
		url: `/sql?q=${encodeURIComponent('SELECT d.department_name, count(*) AS n FROM indicators i JOIN documents d USING (doc_id) GROUP BY ALL ORDER BY n DESC')}`
	}
];
const ARGS = CHROMIUM_ARGS;

function pct(xs, p) {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const r1 = (x) => (x === null ? null : Math.round(x * 10) / 10);

/** Wait until no new query has been logged for `quietMs`. */
async function settle(page, quietMs = 400, timeoutMs = 30_000) {
	const t0 = Date.now();
	let last = -1;
	let stableSince = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		const n = await page.evaluate(() => window.__budgetlensQueryLog?.length ?? 0);
		if (n !== last) {
			last = n;
			stableSince = Date.now();
		} else if (Date.now() - stableSince >= quietMs && n > 0) return;
		await page.waitForTimeout(50);
	}
}

async function main() {
	if (!args.includes('--no-build') || !existsSync('build/index.html')) {
		const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
		if (b.status !== 0) process.exit(1);
	}
	const { server, url } = await serveStatic('build');
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
	const cold = [];
	try {
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(url + '/', { waitUntil: 'commit' });
			await page.locator('svg.chart').first().waitFor({ timeout: 60_000 });
			const chartMs = await page.evaluate(() => performance.now());
			await page
				.locator('[data-testid="overview-chart"] svg.chart')
				.first()
				.waitFor({ timeout: 60_000 });
			const dataChartMs = await page.evaluate(() => performance.now());
			// The first chart is drawn from the manifest's rollup before DuckDB is up: wait for it.
			await page.waitForFunction(() => window.__budgetlensReady !== undefined, null, {
				timeout: 60_000
			});
			const readyMs = await page.evaluate(() => window.__budgetlensReady ?? null);
			cold.push({ chartMs, dataChartMs, readyMs });
			await context.close();
		}

		// Views: one loaded page, client-side navigation between views (the snapshot stays loaded).
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(url + '/');
		await page.waitForSelector('[data-status="ready"]', { timeout: 60_000 });
		await settle(page);
		const visits = Object.fromEntries(VIEWS.map((v) => [v.id, []]));
		const queries = Object.fromEntries(VIEWS.map((v) => [v.id, []]));
		for (let round = 0; round < RUNS; round++) {
			for (const v of VIEWS) {
				const from = await page.evaluate(() => window.__budgetlensQueryLog?.length ?? 0);
				const start = await page.evaluate((href) => {
					const a = document.createElement('a');
					a.href = href;
					document.body.appendChild(a);
					const t = performance.now();
					a.click();
					a.remove();
					return t;
				}, url + v.url);
				await settle(page);
				const log = await page.evaluate((n) => window.__budgetlensQueryLog.slice(n), from);
				const mine = log.filter((q) => q.view === v.id);
				for (const q of mine) queries[v.id].push(q.ms);
				if (mine.length) visits[v.id].push(Math.max(...mine.map((q) => q.end)) - start);
			}
		}
		await context.close();

		const result = {
			runs: RUNS,
			cold_load_first_chart_ms: {
				p50: r1(
					pct(
						cold.map((c) => c.chartMs),
						50
					)
				),
				min: r1(Math.min(...cold.map((c) => c.chartMs))),
				max: r1(Math.max(...cold.map((c) => c.chartMs)))
			},
			cold_load_first_data_chart_ms: {
				p50: r1(
					pct(
						cold.map((c) => c.dataChartMs),
						50
					)
				),
				min: r1(Math.min(...cold.map((c) => c.dataChartMs))),
				max: r1(Math.max(...cold.map((c) => c.dataChartMs)))
			},
			snapshot_ready_ms_p50: r1(
				pct(
					cold.map((c) => c.readyMs).filter((x) => x !== null),
					50
				)
			),
			views: Object.fromEntries(
				VIEWS.map((v) => [
					v.id,
					{
						queries: queries[v.id].length,
						query_p50_ms: r1(pct(queries[v.id], 50)),
						query_p95_ms: r1(pct(queries[v.id], 95)),
						visit_p50_ms: r1(pct(visits[v.id], 50))
					}
				])
			)
		};
		mkdirSync('bench-results', { recursive: true });
		writeFileSync('bench-results/app.json', JSON.stringify(result, null, 2) + '\n');
		const c = result.cold_load_first_chart_ms;
		const dc = result.cold_load_first_data_chart_ms;
		console.log(
			`cold load → first chart (any svg.chart): p50 ${c.p50} ms (min ${c.min}, max ${c.max})`
		);
		console.log(
			`cold load → overview chart ([data-testid=overview-chart]): p50 ${dc.p50} ms (min ${dc.min}, max ${dc.max}); snapshot ready p50 ${result.snapshot_ready_ms_p50} ms`
		);
		console.log('view           queries  p50 ms  p95 ms  visit p50 ms');
		for (const [id, s] of Object.entries(result.views)) {
			console.log(
				`${id.padEnd(14)} ${String(s.queries).padStart(7)} ${String(s.query_p50_ms).padStart(7)} ${String(s.query_p95_ms).padStart(7)} ${String(s.visit_p50_ms).padStart(13)}`
			);
		}
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
