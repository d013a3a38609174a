// `?data=synth-e2e` in Chromium: the synthetic partitioned snapshot that
// scripts/run-e2e.mjs generates into build/data/synth-e2e opens with the
// synthetic banner and 【合成】 title, 总览 draws its first chart from the
// rollup, a department view loads only what it needs and shows its figures,
// and every internal link keeps data=. Bad names never fetch outside /data/.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector } from '../../src/lib/db/node';
import type { Row } from '../../src/lib/db/types';
import { launch, open, text } from './browser';
import { shown } from './expected';

const SYNTH_DIR = path.resolve(process.cwd(), 'build/data/synth-e2e');
let browser: Browser;

async function synthRows(sql: string): Promise<Row[]> {
	const conn = await openNodeConnector({ parquetDir: SYNTH_DIR });
	try {
		return (await conn.query(sql)).rows;
	} finally {
		await conn.close();
	}
}

/** Paths of every request the page made under /data/. */
function dataRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (r) => {
		const p = decodeURIComponent(new URL(r.url()).pathname);
		if (p.includes('/data/')) seen.push(p);
	});
	return seen;
}

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('synthetic snapshot (?data=synth-e2e)', () => {
	it('shows the banner, the 【合成】 title and the rollup chart; links keep data=', async () => {
		const [count] = await synthRows('SELECT count(*)::INTEGER AS n FROM documents');
		const o = await open(browser, '/?data=synth-e2e');
		const banner = o.page.getByTestId('synthetic-banner');
		await banner.waitFor();
		expect(await banner.innerText()).toContain('合成数据（演示）— 非真实公开文件');
		await expect.poll(() => o.page.title()).toMatch(/^【合成】/);

		const chart = o.page.locator('[data-testid="overview-chart"][data-source="rollup"]');
		await chart.locator('svg.chart').first().waitFor();
		// One bar per year (the tick text may repeat the label in a <title>).
		expect(await chart.locator('svg.chart g.axis-y text').allTextContents()).toEqual([
			expect.stringContaining('2023'),
			expect.stringContaining('2024')
		]);
		const rows = o.page.locator('[data-testid="overview-departments"] tbody tr');
		await expect.poll(() => rows.count()).toBe(count!.n);
		expect(await text(o.page, '[data-testid="overview-stats"]')).toContain(`文件 ${count!.n}`);

		const hrefs = await o.page
			.locator('nav a, a.brand, [data-testid="overview-departments"] a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		expect(hrefs.length).toBeGreaterThan(count!.n as number);
		for (const h of hrefs) expect(new URL(h).searchParams.get('data'), h).toBe('synth-e2e');

		// Search: only the matching department's documents, counted over the whole snapshot.
		const [hit] = await synthRows(`
			SELECT department_name, count(*)::INTEGER AS n FROM documents
			GROUP BY department_name ORDER BY department_name LIMIT 1`);
		await o.page.getByTestId('overview-search').fill(String(hit!.department_name));
		await expect.poll(() => rows.count()).toBe(hit!.n);
		expect(await text(o.page, '[data-testid="overview-pager"]')).toContain(`共 ${hit!.n} 个文件`);
		for (const t of await rows.allInnerTexts()) expect(t).toContain(String(hit!.department_name));

		await o.page.locator('nav a', { hasText: '三公经费趋势' }).click();
		await o.page.waitForURL(/three-public/);
		expect(new URL(o.page.url()).searchParams.get('data')).toBe('synth-e2e');
		await banner.waitFor();
		expect(o.errors).toEqual([]);
		expect(o.foreign).toEqual([]);
		await o.context.close();
	});

	it('opens a department with its figures, loading only the rows it needs', async () => {
		const [doc] = await synthRows(`
			SELECT d.doc_id, d.department_key, d.department_name, d.fiscal_year, e.total
			FROM documents d JOIN expenditure_by_function e USING (doc_id)
			WHERE e.level = 0 ORDER BY d.department_key, d.fiscal_year DESC LIMIT 1`);
		const context = await browser.newContext();
		const page = await context.newPage();
		const requests = dataRequests(page);
		const url = `/department?d=${encodeURIComponent(String(doc!.department_key))}&y=${doc!.fiscal_year}&data=synth-e2e`;
		await page.goto((process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173') + url);
		await page.getByTestId('synthetic-banner').waitFor();
		const info = page.getByTestId('doc-info');
		await info.waitFor({ timeout: 60_000 });
		expect(await info.innerText()).toContain(String(doc!.department_name));
		const section = page.locator('[data-testid="function-hierarchy"]');
		await section.locator('table.t tbody tr').first().waitFor({ timeout: 60_000 });
		expect(await section.innerText()).toContain(`合计 ${shown(doc!.total)} 万元`);

		// The department chooser searches every department (key or name).
		const other = await synthRows(`
			SELECT DISTINCT department_key FROM documents WHERE department_key LIKE '上海市%'`);
		await page.getByTestId('dept-search').fill('上海市');
		await expect
			.poll(() => page.locator('[data-testid="dept-select"] option').count())
			.toBe(other.length + (String(doc!.department_key).startsWith('上海市') ? 0 : 1));

		// Everything came from the synthetic folder; source lines were not needed yet.
		expect(requests.length).toBeGreaterThan(3);
		for (const p of requests) expect(p).toContain('/data/synth-e2e/');
		expect(requests.some((p) => p.includes('/parts/expenditure_by_function/'))).toBe(true);
		expect(requests.filter((p) => p.includes('/parts/source_lines/'))).toEqual([]);
		await context.close();
	});
});

describe('SQL on the partitioned synthetic snapshot', () => {
	it('loads every table the statement names before running it', async () => {
		const [want] = await synthRows(`
			SELECT count(*)::INTEGER AS n, count(DISTINCT s.doc_id)::INTEGER AS docs
			FROM source_lines s JOIN three_public t USING (doc_id)`);
		const sql = `SELECT count(*) AS n, count(DISTINCT s.doc_id) AS docs FROM source_lines s JOIN three_public t USING (doc_id)`;
		const o = await open(browser, `/sql?q=${encodeURIComponent(sql)}&data=synth-e2e`);
		const grid = o.page.getByTestId('result-grid');
		await grid.locator('[role="row"]').nth(1).waitFor({ timeout: 60_000 });
		const row = await grid.locator('[role="row"]').nth(1).innerText();
		expect(row).toContain(String(want!.n));
		expect(row).toContain(String(want!.docs));
		expect(new URL(o.page.url()).searchParams.get('data')).toBe('synth-e2e');
		expect(o.errors).toEqual([]);
		await o.context.close();
	});
});

describe('data= names', () => {
	it('refuses a name that could leave /data/ and opens the default snapshot, saying so', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const requests = dataRequests(page);
		await page.goto(
			(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173') + '/?data=' + encodeURIComponent('../x')
		);
		const banner = page.getByTestId('error-banner');
		await banner.waitFor();
		expect(await banner.innerText()).toContain('参数 data 的值');
		await page
			.locator('[data-testid="load-status"][data-status="ready"]')
			.waitFor({ timeout: 60_000 });
		expect(requests.length).toBeGreaterThan(0);
		for (const p of requests) expect(p).toMatch(/\/data\/default\//);
		expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
		await context.close();
	});

	it('names a snapshot that does not exist', async () => {
		const o = await open(browser, '/?data=no-such-snapshot', false);
		const banner = o.page.getByTestId('error-banner');
		await banner.waitFor({ timeout: 60_000 });
		await expect.poll(() => banner.innerText()).toContain('无法打开快照“no-such-snapshot”');
		await o.context.close();
	});

	it('shows no synthetic banner on the real default snapshot', async () => {
		const o = await open(browser, '/');
		expect(await o.page.getByTestId('synthetic-banner').count()).toBe(0);
		expect(await o.page.title()).not.toContain('【合成】');
		await o.context.close();
	});
});
