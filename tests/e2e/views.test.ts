// 支出结构对比, 人均成本, 三公经费趋势, 异常指标 in Chromium: each loads with the
// snapshot's figures (computed with the same query builders in Node), survives
// interaction, and its URL reopens the same result in a fresh page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perCapitaGroupsQuery } from '../../src/lib/queries/per-capita';
import { threePublicTrendQuery } from '../../src/lib/queries/three-public';
import { openNodeConnector } from '../../src/lib/db/node';
import { launch, open, shot, text } from './browser';
import { shown, snapshotRows, SNAPSHOT_DIR } from './expected';

const JS = '江苏省人大常委会办公厅';
const WANLI = '上海市普陀区人民政府万里街道办事处';
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

function pathOf(url: string): string {
	const u = new URL(url);
	return u.pathname + u.search;
}

describe('支出结构对比', () => {
	it('switches to absolute amounts and the link reopens the same table', async () => {
		const o = await open(browser, '/compare');
		const diff = o.page.locator('[data-testid="diff-table"] tbody tr');
		await diff.first().waitFor();
		const before = await diff.first().innerText();
		expect(before).toMatch(/%/);
		await o.page.getByTestId('level-select').selectOption('2');
		await o.page.waitForURL(/[?&]lv=2/);
		await o.page.getByTestId('mode-abs').click();
		await o.page.waitForURL(/[?&]mode=abs/);
		await expect.poll(async () => (await diff.first().innerText()) !== before).toBe(true);
		const rowsAfter = await diff.allInnerTexts();
		await shot(o.page, 'compare');

		const fresh = await open(browser, pathOf(o.page.url()));
		const d2 = fresh.page.locator('[data-testid="diff-table"] tbody tr');
		await d2.first().waitFor();
		await expect.poll(() => d2.allInnerTexts()).toEqual(rowsAfter);
		expect(await fresh.page.getByTestId('mode-abs').getAttribute('class')).toContain('primary');
		expect(o.errors).toEqual([]);
		await fresh.context.close();
		await o.context.close();
	});
});

describe('人均成本', () => {
	it('shows 义务兵家庭优待金 per person in each department with the group median', async () => {
		const conn = await openNodeConnector({ parquetDir: SNAPSHOT_DIR });
		const groups = (await conn.query(perCapitaGroupsQuery())).rows;
		await conn.close();
		const g = groups.find((r) => String(r.group_key).includes('义务兵家庭优待金'));
		expect(g).toBeDefined();
		const o = await open(browser, `/per-capita?g=${encodeURIComponent(String(g!.group_key))}`);
		const row = o.page.locator('[data-testid="groups-table"] tbody tr').first();
		await row.waitFor();
		const t = await row.innerText();
		expect(t).toContain(String(g!.group_key));
		expect(t).toContain(shown(g!.median));
		expect(await o.page.locator('svg.chart circle').count()).toBe(Number(g!.n));
		await shot(o.page, 'per-capita');

		// Filter to one department of the group: every detail row is that department's.
		const picker = o.page.getByTestId('dept-picker');
		const detail = o.page.locator('[data-testid="per-capita-table"] tbody tr');
		const before = (await detail.allInnerTexts()).join('\n');
		const names = (await picker.locator('label').allInnerTexts()).map((t) => t.trim());
		const dept = names.find((n) => before.includes(n));
		expect(dept).toBeDefined();
		await picker.locator('label', { hasText: dept! }).locator('input').check();
		await o.page.waitForURL((u) => u.searchParams.getAll('d').includes(dept!));
		await expect
			.poll(async () => {
				const rows = await detail.allInnerTexts();
				return rows.length > 0 && rows.every((t) => t.includes(dept!));
			})
			.toBe(true);
		await picker.locator('label', { hasText: dept! }).locator('input').uncheck();
		await o.page.waitForURL((u) => !u.searchParams.has('d'));

		await o.page.getByTestId('group-select').selectOption('');
		await o.page.waitForURL((u) => !u.searchParams.has('g'));
		await expect
			.poll(() => o.page.locator('[data-testid="groups-table"] tbody tr').count())
			.toBe(Math.min(12, groups.length));
		await o.context.close();
	});
});

describe('三公经费趋势', () => {
	it('shows 江苏 2017–2019 beside 万里街道 2023–2024 with year-over-year change', async () => {
		const conn = await openNodeConnector({ parquetDir: SNAPSHOT_DIR });
		const trend = (
			await conn.query(threePublicTrendQuery({ departments: [JS, WANLI] }))
		).rows.filter((r) => r.category === 'total');
		await conn.close();
		const o = await open(
			browser,
			`/three-public?d=${encodeURIComponent(JS)}&d=${encodeURIComponent(WANLI)}`
		);
		const rows = o.page.locator('[data-testid="trend-table"] tbody tr');
		await rows.first().waitFor();
		await expect.poll(() => rows.count()).toBe(trend.length);
		const all = (await rows.allInnerTexts()).join('\n');
		for (const r of trend) expect(all).toContain(shown(r.amount));
		expect(trend.map((r) => `${r.dept_key} ${r.fiscal_year}`)).toEqual(
			expect.arrayContaining([`${JS} 2017`, `${JS} 2019`, `${WANLI} 2023`, `${WANLI} 2024`])
		);
		expect(await o.page.locator('svg.chart path').count()).toBeGreaterThanOrEqual(2);
		await shot(o.page, 'three-public');

		await o.page.getByTestId('category-select').selectOption('reception');
		await o.page.waitForURL(/[?&]cat=reception/);
		const fresh = await open(browser, pathOf(o.page.url()));
		const r2 = fresh.page.locator('[data-testid="trend-table"] tbody tr');
		await r2.first().waitFor();
		await expect.poll(() => r2.allInnerTexts()).toEqual(await rows.allInnerTexts());
		await fresh.context.close();
		await o.context.close();
	});
});

describe('异常指标', () => {
	it('shows the flags the snapshot carries, or explains that none exist yet', async () => {
		const [count] = await snapshotRows('SELECT count(*)::INTEGER AS n FROM flags');
		const o = await open(browser, '/flags');
		if (count!.n === 0) {
			await o.page.getByTestId('flags-empty').waitFor();
			expect(await text(o.page, '[data-testid="flags-empty"]')).toContain('异常检测引擎');
		} else {
			const rows = o.page.locator('[data-testid="flags-table"] tbody tr');
			await rows.first().waitFor();
			// Poll: the first row can show before the table has all of them.
			await expect.poll(() => rows.count()).toBe(Math.min(200, Number(count!.n)));
			// The pager counts every flag, not only the page shown.
			await expect
				.poll(() => text(o.page, '[data-testid="flags-pager"]'))
				.toContain(`共 ${Number(count!.n)} 条`);
		}
		await shot(o.page, 'flags');
		expect(o.errors).toEqual([]);
		await o.context.close();
	});
});
