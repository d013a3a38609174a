// 部门画像 in Chromium: 秦皇岛经济技术开发区民生保障局 2024 — totals, drill-down
// into the functional hierarchy, 三公 with the 2023 narrative figure, the 原文
// dialog, and a copied link reopening the same drill state in a fresh page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, open, shot } from './browser';
import { shown, snapshotRows } from './expected';

const QHD = '秦皇岛经济技术开发区民生保障局';
const URL_QHD = `/department?d=${encodeURIComponent(QHD)}&y=2024`;
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

async function qhdDoc(): Promise<string> {
	const [d] = await snapshotRows(
		`SELECT doc_id FROM documents WHERE department_name = '${QHD}' AND fiscal_year = 2024`
	);
	return String(d!.doc_id);
}

describe('部门画像', () => {
	it('shows the 2024 total and drills 类 → 款 with a breadcrumb; the link reopens the drill', async () => {
		const doc = await qhdDoc();
		const kuan = await snapshotRows(
			`SELECT func_code FROM expenditure_by_function WHERE doc_id = '${doc}' AND level = 2 AND func_code LIKE '208%'`
		);
		const o = await open(browser, URL_QHD);
		const section = o.page.locator('[data-testid="function-hierarchy"]');
		await section.locator('table.t tbody tr').first().waitFor();
		expect(await section.innerText()).toContain('合计 6,473.03 万元');

		await section.locator('table.t').getByRole('button', { name: /^208 / }).click();
		await o.page.waitForURL(/[?&]f=208/);
		await section.locator('.crumbs').getByText('社会保障和就业支出').waitFor();
		const rows = section.locator('table.t tbody tr');
		await expect.poll(() => rows.count()).toBe(kuan.length);
		const first = await rows.first().innerText();
		await shot(o.page, 'department');

		const link = new URL(o.page.url());
		const fresh = await open(browser, link.pathname + link.search);
		const s2 = fresh.page.locator('[data-testid="function-hierarchy"]');
		await s2.locator('.crumbs').getByText('社会保障和就业支出').waitFor();
		await expect.poll(() => s2.locator('table.t tbody tr').count()).toBe(kuan.length);
		expect(await s2.locator('table.t tbody tr').first().innerText()).toBe(first);
		expect(o.errors).toEqual([]);
		expect(fresh.errors).toEqual([]);
		await fresh.context.close();
		await o.context.close();
	});

	it('compares 三公 with the prior year, marking narrative figures, and opens the source line', async () => {
		const doc = await qhdDoc();
		const figures = await snapshotRows(
			`SELECT fiscal_year::INTEGER AS y, amount, source FROM three_public WHERE doc_id = '${doc}' AND category = 'total' ORDER BY y`
		);
		const o = await open(browser, URL_QHD);
		const section = o.page.locator('[data-testid="three-public-compare"]');
		const total = section.locator('tbody tr').filter({ hasText: '三公经费合计' });
		await total.waitFor();
		const t = await total.innerText();
		for (const f of figures) expect(t).toContain(shown(f.amount));
		expect(t).toContain('9.74');
		expect(t).toContain('9.97');
		if (figures.some((f) => f.source === 'narrative')) expect(t).toContain('文字说明');

		await total.getByRole('button', { name: '原文' }).first().click();
		const dialog = o.page.locator('dialog[open]');
		await dialog.locator('li.hit').waitFor();
		expect(await dialog.locator('li.hit').innerText()).toMatch(/9\.74|三公/);
		await shot(o.page, 'department-source');
		await dialog.getByRole('button', { name: '关闭' }).click();
		await o.context.close();
	});

	it('copies the link with 复制链接 and the copy opens the same project in a fresh page', async () => {
		const o = await open(browser, URL_QHD);
		await o.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: new URL(o.page.url()).origin
		});
		const table = o.page.locator('[data-testid="projects-table"]');
		await table.locator('tbody tr').first().waitFor();
		await table.locator('tbody tr').nth(2).getByRole('button', { name: '指标' }).click();
		await o.page.waitForURL(/[?&]p=3/);
		await o.page.locator('[data-testid="indicators-table"]').waitFor();
		const heading = await o.page.locator('[data-testid="project-list"] h3').innerText();
		await o.page.getByTestId('copy-link').click();
		await o.page.getByRole('status').filter({ hasText: '已复制' }).waitFor();
		const copied = await o.page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(o.page.url());

		const u = new URL(copied);
		const fresh = await open(browser, u.pathname + u.search);
		await fresh.page.locator('[data-testid="indicators-table"]').waitFor();
		expect(await fresh.page.locator('[data-testid="project-list"] h3').innerText()).toBe(heading);
		await fresh.context.close();
		await o.context.close();
	});
});
