// 总览 in Chromium: every document of the default snapshot listed with its
// total, charts drawn, links into 部门画像, no errors, no foreign requests.
// The first chart comes from the rollup when the snapshot has one, else the
// manifest's file list is drawn while DuckDB-WASM starts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launch, open, shot, text } from './browser';
import { shown, snapshotRows, SNAPSHOT_DIR } from './expected';

const manifest = JSON.parse(readFileSync(path.join(SNAPSHOT_DIR, 'manifest.json'), 'utf8')) as {
	rollups?: Record<string, unknown>;
};
const HAS_ROLLUPS = manifest.rollups?.rollup_overview !== undefined;

const QHD = '秦皇岛经济技术开发区民生保障局';
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('总览', () => {
	it('lists every document with its expenditure total and links into 部门画像', async () => {
		const [count] = await snapshotRows('SELECT count(*)::INTEGER AS n FROM documents');
		const [qhd] = await snapshotRows(`
			SELECT e.total FROM expenditure_by_function e JOIN documents d USING (doc_id)
			WHERE d.department_name = '${QHD}' AND d.fiscal_year = 2024 AND e.level = 0`);
		const o = await open(browser, '/');
		const rows = o.page.locator('[data-testid="overview-departments"] tbody tr');
		await rows.first().waitFor();
		expect(await rows.count()).toBe(count!.n);
		expect(await text(o.page, '[data-testid="overview-stats"]')).toContain(`文件 ${count!.n}`);

		const row = rows.filter({ hasText: QHD });
		expect(shown(qhd!.total)).toBe('6,473.03');
		expect(await row.innerText()).toContain('6,473.03 万元');
		expect(await o.page.locator('svg.chart').count()).toBeGreaterThan(0);
		await shot(o.page, 'overview');

		const frame = o.page.locator('figure.chart-frame').filter({ hasText: '各文件支出合计' });
		const [svg] = await Promise.all([
			o.page.waitForEvent('download'),
			frame.getByRole('button', { name: 'SVG' }).click()
		]);
		const svgText = readFileSync((await svg.path())!, 'utf8');
		expect(svgText).toContain('<svg');
		expect(svgText).toContain('秦皇岛经济技术开发区民生保障局');
		const [png] = await Promise.all([
			o.page.waitForEvent('download'),
			frame.getByRole('button', { name: 'PNG' }).click()
		]);
		const pngBytes = readFileSync((await png.path())!);
		expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
		expect(pngBytes.length).toBeGreaterThan(1000);

		await row.locator('a').click();
		await o.page.waitForURL(/department\?/);
		await o.page.locator('[data-testid="doc-info"]').waitFor();
		expect(await text(o.page, '[data-testid="doc-info"]')).toContain(QHD);
		expect(o.page.url()).toContain('y=2024');

		expect(o.errors).toEqual([]);
		expect(o.foreign).toEqual([]);
		await o.context.close();
	});

	it('draws the first chart while DuckDB-WASM is still starting', async () => {
		const [count] = await snapshotRows('SELECT count(*)::INTEGER AS n FROM documents');
		const [years] = await snapshotRows(
			'SELECT count(DISTINCT fiscal_year)::INTEGER AS n FROM documents WHERE fiscal_year IS NOT NULL'
		);
		const context = await browser.newContext();
		const page = await context.newPage();
		// Hold back the DuckDB bundles so the preview is certainly on screen first.
		let release: () => void = () => {};
		const held = new Promise<void>((r) => (release = r));
		await page.route(/duckdb-.*\.(wasm|js)$/, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(BASE_URL + '/');
		if (HAS_ROLLUPS) {
			// One bar per year from rollup_overview, read without DuckDB; it stays.
			const chart = page.locator('[data-testid="overview-chart"][data-source="rollup"]');
			await chart.locator('svg.chart').first().waitFor();
			expect(await page.getByTestId('load-status').getAttribute('data-status')).not.toBe('ready');
			expect(await chart.locator('svg.chart g.axis-y text').count()).toBeLessThanOrEqual(
				Number(years!.n) + 1
			);
			expect(await chart.locator('svg.chart g.axis-y text').count()).toBeGreaterThan(0);
			release();
			await page.locator('[data-testid="overview-departments"]').waitFor({ timeout: 60_000 });
			expect(await chart.count()).toBe(1);
		} else {
			const preview = page.getByTestId('overview-preview');
			await preview.waitFor();
			expect(await page.getByTestId('load-status').getAttribute('data-status')).not.toBe('ready');
			expect(await preview.locator('svg.chart g.axis-y text').count()).toBe(Number(count!.n));
			release();
			await page.locator('[data-testid="overview-departments"]').waitFor({ timeout: 60_000 });
			expect(await preview.count()).toBe(0);
		}
		await context.close();
	});

	it('names the snapshot in the link and flags a link made on another snapshot', async () => {
		const o = await open(browser, '/');
		await o.page.waitForURL(/[?&]s=/);
		const id = new URL(o.page.url()).searchParams.get('s');
		expect(await text(o.page, '[data-testid="load-status"]')).toContain(id!);
		await o.context.close();

		const other = await open(browser, '/?s=0000000000000000');
		await other.page.locator('[data-testid="error-banner"]').waitFor();
		expect(await text(other.page, '[data-testid="error-banner"]')).toContain('0000000000000000');
		expect(await text(other.page, '[data-testid="error-banner"]')).toContain(id!);
		await other.context.close();
	});
});
