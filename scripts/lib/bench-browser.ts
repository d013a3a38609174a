/**
 * Browser side of `npm run bench`: drives Chromium (playwright-core, Debian
 * /usr/bin/chromium) against the built app opened on one snapshot
 * (`?data=<name>`), and measures
 * - cold start: fresh context, navigation → first `svg.chart` visible, the
 *   app's window.__budgetlensColdStart marks, and the bytes fetched until
 *   then (DevTools Protocol Network.loadingFinished encodedDataLength);
 * - views: client-side navigation to each view `runs` times in one page; per
 *   visit the statements logged on window.__budgetlensQueryLog (view, ms,
 *   sql, params), the visit time (click → last statement answered) and the
 *   bytes fetched between the click and the settle.
 * Every wait has a timeout; a failing view (timeout, error banner, crashed
 * tab — e.g. DuckDB-WASM out of memory) is recorded with its error text and
 * the walk goes on in a fresh page.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../run-e2e.mjs';
import { NetMeter, within } from './bench-net';

export interface ViewSpec {
	id: string;
	/** Path and query of the view, without the data parameter. */
	url: string;
}

export interface LoggedQuery {
	view: string;
	ms: number;
	end: number;
	sql?: string;
	params?: (string | number | boolean | null)[];
	/** The SQL page's scope (years / provinces), when the statement ran over one. */
	scope?: { years?: number[]; provinces?: string[] };
}

export interface Visit {
	round: number;
	visit_ms: number | null;
	/** Bytes of the page's responses (DevTools Network events). */
	bytes: number;
	/** Bytes the data layer counted itself (window.__budgetlensColdStart.bytes delta), null when absent. */
	app_bytes: number | null;
	requests: number;
	queries: LoggedQuery[];
	error: string | null;
}

export interface ColdRun {
	first_chart_ms: number | null;
	ready_ms: number | null;
	bytes_to_first_chart: number;
	cold_start: Record<string, unknown> | null;
	error: string | null;
}

export interface WalkOptions {
	baseUrl: string;
	dataName: string;
	views: readonly ViewSpec[];
	runs: number;
	timeoutMs: number;
}

const VIEWPORT = { width: 1280, height: 900 };

/** Adds `data=<name>` to a view URL. */
export function withData(url: string, name: string): string {
	return url + (url.includes('?') ? '&' : '?') + `data=${encodeURIComponent(name)}`;
}

async function errorBanner(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const el = document.querySelector('[data-status="error"], [role="alert"], .error');
		const t = el?.textContent?.trim();
		return t ? t.slice(0, 300) : null;
	});
}

/** Waits until `view` logged ≥ 1 statement, nothing is in flight and the log was quiet for quietMs. */
async function settle(page: Page, net: NetMeter, view: string, from: number, timeoutMs: number) {
	const t0 = Date.now();
	let last = -1;
	let since = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		const s = await page.evaluate(
			([v, n]) => {
				const log = (window.__budgetlensQueryLog ?? []).slice(n as number);
				return { len: log.length, mine: log.filter((q) => q.view === v).length };
			},
			[view, from] as const
		);
		if (s.len !== last || net.busy) {
			last = s.len;
			since = Date.now();
		} else if (s.mine > 0 && Date.now() - since >= 500) return;
		const err = await errorBanner(page);
		if (err && s.mine === 0 && Date.now() - t0 > 2000) throw new Error(`error on page: ${err}`);
		await page.waitForTimeout(50);
	}
	throw new Error(
		`timeout after ${timeoutMs} ms waiting for ${view} queries (${(await errorBanner(page)) ?? 'no error shown'})`
	);
}

async function coldRun(browser: Browser, o: WalkOptions): Promise<ColdRun> {
	const context = await browser.newContext({ viewport: VIEWPORT });
	try {
		const page = await context.newPage();
		const net = await NetMeter.attach(context, page);
		await page.goto(o.baseUrl + withData('/', o.dataName), {
			waitUntil: 'commit',
			timeout: o.timeoutMs
		});
		await page.locator('svg.chart').first().waitFor({ timeout: o.timeoutMs });
		const first = await page.evaluate(() => performance.now());
		const bytes = net.bytes;
		await page.waitForFunction(() => window.__budgetlensReady !== undefined, null, {
			timeout: o.timeoutMs
		});
		const marks = await page.evaluate(() => ({
			ready: window.__budgetlensReady ?? null,
			cold:
				(window as unknown as { __budgetlensColdStart?: Record<string, unknown> })
					.__budgetlensColdStart ?? null
		}));
		return {
			first_chart_ms: first,
			ready_ms: marks.ready,
			bytes_to_first_chart: bytes,
			cold_start: marks.cold,
			error: null
		};
	} catch (e) {
		return {
			first_chart_ms: null,
			ready_ms: null,
			bytes_to_first_chart: 0,
			cold_start: null,
			error: String(e instanceof Error ? e.message : e).slice(0, 400)
		};
	} finally {
		await context.close().catch(() => {});
	}
}

/**
 * Opens the app on the last view (so that the first visit of the walk, the
 * overview, is a real navigation) and waits until its statements settled.
 */
async function openApp(
	context: BrowserContext,
	o: WalkOptions
): Promise<{ page: Page; net: NetMeter }> {
	const page = await context.newPage();
	const net = await NetMeter.attach(context, page);
	const start = o.views[o.views.length - 1] ?? { id: 'overview', url: '/' };
	await page.goto(o.baseUrl + withData(start.url, o.dataName), { timeout: o.timeoutMs });
	await page.waitForFunction(() => window.__budgetlensReady !== undefined, null, {
		timeout: o.timeoutMs
	});
	await settle(page, net, start.id, 0, o.timeoutMs).catch(() => {});
	return { page, net };
}

async function visit(
	page: Page,
	net: NetMeter,
	o: WalkOptions,
	v: ViewSpec,
	round: number
): Promise<Visit> {
	const appBytes = () =>
		page.evaluate(
			() =>
				(window as unknown as { __budgetlensColdStart?: { bytes?: number } }).__budgetlensColdStart
					?.bytes ?? null
		);
	const from = await page.evaluate(() => window.__budgetlensQueryLog?.length ?? 0);
	const app0 = await appBytes();
	const bytes0 = net.bytes;
	const req0 = net.requests;
	const start = await page.evaluate(
		(href) => {
			const a = document.createElement('a');
			a.href = href;
			document.body.appendChild(a);
			const t = performance.now();
			a.click();
			a.remove();
			return t;
		},
		o.baseUrl + withData(v.url, o.dataName)
	);
	let error: string | null = null;
	try {
		await within(
			settle(page, net, v.id, from, o.timeoutMs),
			o.timeoutMs + 5000,
			`${v.id} (page not responding)`
		);
	} catch (e) {
		error = String(e instanceof Error ? e.message : e).slice(0, 400);
	}
	if (error)
		return {
			round,
			visit_ms: null,
			bytes: net.bytes - bytes0,
			app_bytes: null,
			requests: net.requests - req0,
			queries: [],
			error
		};
	const log = (await page.evaluate(
		(n) => (window.__budgetlensQueryLog ?? []).slice(n),
		from
	)) as LoggedQuery[];
	const queries = log.filter((q) => q.view === v.id);
	return {
		round,
		visit_ms: queries.length ? Math.max(...queries.map((q) => q.end)) - start : null,
		bytes: net.bytes - bytes0,
		app_bytes: app0 === null ? null : ((await appBytes()) ?? app0) - app0,
		requests: net.requests - req0,
		queries,
		error
	};
}

export async function walk(o: WalkOptions): Promise<{
	cold: ColdRun[];
	visits: Record<string, Visit[]>;
	dataUrls: string[];
}> {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	const visits: Record<string, Visit[]> = Object.fromEntries(o.views.map((v) => [v.id, []]));
	const cold: ColdRun[] = [];
	const dataUrls = new Set<string>();
	try {
		for (let i = 0; i < o.runs; i++) {
			const c = await within(coldRun(browser, o), 3 * o.timeoutMs, 'cold start').catch(
				(e: unknown): ColdRun => ({
					first_chart_ms: null,
					ready_ms: null,
					bytes_to_first_chart: 0,
					cold_start: null,
					error: String(e instanceof Error ? e.message : e)
				})
			);
			cold.push(c);
			console.error(
				`bench: ${o.dataName} cold start ${i}: first chart ${c.first_chart_ms?.toFixed(0) ?? '–'} ms${c.error ? `, error: ${c.error}` : ''}`
			);
		}
		let context = await browser.newContext({ viewport: VIEWPORT });
		let app: { page: Page; net: NetMeter } | null = null;
		for (let round = 0; round < o.runs; round++) {
			for (const v of o.views) {
				try {
					app ??= await within(openApp(context, o), 3 * o.timeoutMs, 'opening the app');
					const r = await visit(app.page, app.net, o, v, round);
					visits[v.id]?.push(r);
					console.error(
						`bench: ${o.dataName} round ${round} ${v.id}: ${r.queries.length} statements, ${r.visit_ms?.toFixed(0) ?? '–'} ms, ${(r.bytes / 1024).toFixed(0)} KB${r.error ? `, error: ${r.error}` : ''}`
					);
					if (r.error) throw new Error(r.error);
				} catch (e) {
					if (!visits[v.id]?.some((x) => x.round === round))
						visits[v.id]?.push({
							round,
							visit_ms: null,
							bytes: 0,
							app_bytes: null,
							requests: 0,
							queries: [],
							error: String(e instanceof Error ? e.message : e).slice(0, 400)
						});
					// Start over in a fresh context: the tab may have crashed or be stuck.
					for (const u of app?.net.urls ?? []) dataUrls.add(u);
					app = null;
					await context.close().catch(() => {});
					context = await browser.newContext({ viewport: VIEWPORT });
				}
			}
		}
		for (const u of app?.net.urls ?? []) dataUrls.add(u);
		await context.close().catch(() => {});
	} finally {
		await browser.close();
	}
	return { cold, visits, dataUrls: [...dataUrls].filter((u) => u.includes('/data/')) };
}
