// SQL 查询 in Chromium: a query from the link runs on open, Ctrl+Enter runs the
// edited text, the row cap notice shows; hostile links (COPY, ATTACH, INSTALL,
// read_csv over http, HTML in parameters) are refused with a message, no
// script runs, nothing is fetched from elsewhere and the tables stay intact.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, open, shot, text } from './browser';
import { snapshotRows } from './expected';

let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const sqlLink = (q: string) => `/sql?q=${encodeURIComponent(q)}`;

describe('SQL 查询', () => {
	it('runs the query from the link, then the edited text with Ctrl+Enter', async () => {
		const [docs] = await snapshotRows('SELECT count(*)::INTEGER AS n FROM documents');
		const o = await open(browser, sqlLink('SELECT count(*) AS n FROM documents'));
		const grid = o.page.getByTestId('result-grid');
		await grid.waitFor();
		expect(await grid.locator('[role="row"]').nth(1).innerText()).toContain(String(docs!.n));

		await o.page.locator('.cm-content').click();
		await o.page.keyboard.press('ControlOrMeta+a');
		await o.page.keyboard.type('SELECT line_no FROM source_lines');
		await o.page.keyboard.press('Control+Enter');
		await o.page
			.getByTestId('sql-meta')
			.filter({ hasText: /^[\d,]+ 行/ })
			.waitFor();
		await expect
			.poll(() => new URL(o.page.url()).searchParams.get('q'))
			.toBe('SELECT line_no FROM source_lines');
		await shot(o.page, 'sql');
		expect(o.errors).toEqual([]);
		await o.context.close();
	});

	it('exports the result as CSV and Parquet', async () => {
		const o = await open(
			browser,
			sqlLink('SELECT doc_id, fiscal_year FROM documents ORDER BY doc_id')
		);
		await o.page.getByTestId('result-grid').waitFor();
		const [csv] = await Promise.all([
			o.page.waitForEvent('download'),
			o.page.getByRole('button', { name: '导出 CSV' }).click()
		]);
		const csvText = readFileSync((await csv.path())!, 'utf8');
		const [docs] = await snapshotRows('SELECT count(*)::INTEGER AS n FROM documents');
		expect(csvText.startsWith('\ufeffdoc_id,fiscal_year\r\n')).toBe(true);
		expect(csvText.trim().split('\r\n')).toHaveLength(Number(docs!.n) + 1);
		const [pq] = await Promise.all([
			o.page.waitForEvent('download'),
			o.page.getByRole('button', { name: '导出 Parquet' }).click()
		]);
		const bytes = readFileSync((await pq.path())!);
		expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
		expect(bytes.subarray(-4).toString()).toBe('PAR1');
		expect(o.errors).toEqual([]);
		await o.context.close();
	});

	it('cancels a long query and stays usable', async () => {
		const o = await open(
			browser,
			sqlLink('SELECT count(*) FROM range(20000000000) a WHERE a.range % 7 = 3')
		);
		await o.page.getByTestId('run-sql').filter({ hasText: '运行中' }).waitFor();
		await o.page.waitForTimeout(500);
		await o.page.getByTestId('cancel-sql').click();
		await o.page.getByTestId('sql-error').filter({ hasText: '取消' }).waitFor({ timeout: 30_000 });
		await o.page
			.getByTestId('run-sql')
			.filter({ hasText: /^运行$/ })
			.waitFor();
		await o.page.locator('.cm-content').click();
		await o.page.keyboard.press('ControlOrMeta+a');
		await o.page.keyboard.type('SELECT 42 AS answer');
		await o.page.keyboard.press('Control+Enter');
		await o.page.getByTestId('result-grid').getByText('42').waitFor();
		await o.context.close();
	});

	it('caps large results with a notice and renders only the visible rows', async () => {
		const o = await open(browser, sqlLink('SELECT * FROM range(100000) t(i)') + '&n=1000');
		await o.page.getByTestId('row-cap').waitFor();
		const rendered = await o.page.getByTestId('result-grid').locator('[role="row"]').count();
		expect(rendered).toBeLessThan(80);
		await o.context.close();
	});

	it('scrolls 100k result rows while rendering only the visible window', async () => {
		const o = await open(
			browser,
			sqlLink('SELECT i, i * 2 AS twice FROM range(100000) t(i)') + '&n=100000'
		);
		const grid = o.page.getByTestId('result-grid');
		await grid.waitFor();
		expect(await o.page.getByTestId('sql-meta').innerText()).toContain('100,000 行');
		expect(await grid.locator('[role="row"]').count()).toBeLessThan(80);
		await grid.locator('[role="table"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
		await grid.getByRole('cell', { name: '99999', exact: true }).waitFor();
		expect(await grid.locator('[role="row"]').count()).toBeLessThan(80);
		expect(await o.page.getByTestId('row-cap').count()).toBe(0);
		await o.context.close();
	});

	const hostile = [
		"COPY documents TO '/tmp/x.csv'",
		"ATTACH 'http://example.com/evil.db' AS evil",
		'INSTALL httpfs',
		"SELECT * FROM read_csv('http://example.com/x.csv')",
		"SELECT * FROM 'https://example.com/x.parquet'",
		'DROP TABLE documents',
		'SELECT 1; DELETE FROM documents'
	];
	for (const q of hostile) {
		it(`refuses ${q} from a link`, async () => {
			const o = await open(browser, sqlLink(q));
			const err = o.page.getByTestId('sql-error');
			await err.waitFor();
			expect((await err.innerText()).length).toBeGreaterThan(4);
			expect(await o.page.getByTestId('result-grid').count()).toBe(0);
			expect(o.dialogs).toEqual([]);
			expect(o.foreign).toEqual([]);
			await o.context.close();
		});
	}

	it('keeps the tables intact after hostile statements', async () => {
		const [docs] = await snapshotRows('SELECT count(*)::INTEGER AS n FROM documents');
		const o = await open(browser, sqlLink('DELETE FROM documents'));
		await o.page.getByTestId('sql-error').waitFor();
		await o.page.goto(
			o.page.url().replace(/\?.*$/, '') +
				'?' +
				new URLSearchParams({ q: 'SELECT count(*) AS n FROM documents' })
		);
		await o.page.getByTestId('result-grid').waitFor();
		expect(
			await o.page.getByTestId('result-grid').locator('[role="row"]').nth(1).innerText()
		).toContain(String(docs!.n));
		await o.context.close();
	});

	it('renders HTML from data and parameters as text; no script runs', async () => {
		const payload = '<img src=x onerror="window.__xss=1">';
		const o = await open(browser, sqlLink(`SELECT '${payload}' AS html`));
		const grid = o.page.getByTestId('result-grid');
		await grid.waitFor();
		expect(await grid.innerText()).toContain(payload);
		expect(
			await o.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
		).toBeUndefined();
		await o.context.close();

		const d = await open(
			browser,
			`/department?d=${encodeURIComponent('<script>window.__xss=1</script>')}&f=${encodeURIComponent(payload)}`
		);
		await d.page.getByTestId('error-banner').waitFor();
		expect(await text(d.page, '[data-testid="error-banner"]')).toMatch(/参数 d 的值.*无效/);
		await d.page.locator('[data-testid="doc-info"]').waitFor();
		expect(
			await d.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
		).toBeUndefined();
		expect(d.dialogs).toEqual([]);
		await shot(d.page, 'hostile-params');
		await d.context.close();
	});
});
