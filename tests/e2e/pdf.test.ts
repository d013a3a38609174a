// PDFs in the browser: a row of a PDF-sourced document of the default
// snapshot opens its 原文 dialog with the PDF page drawn on a canvas and the
// line highlighted (the PDFs are copied into build/data/default/pdf by
// scripts/run-e2e.mjs); a dropped PDF is read locally with per-page progress,
// joins the loaded tables, and its own in-memory bytes draw the page; nothing
// is requested from another host.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, open, shot } from './browser';
import { snapshotRows } from './expected';

const PDF_DIR = path.resolve(process.cwd(), '../shared/corpus/pdf');
const WANLI = '上海市普陀区人民政府万里街道办事处';
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Fraction of the highlight box's pixels that are not white on the canvas underneath. */
async function inkUnder(page: Page): Promise<number> {
	return page.evaluate(() => {
		const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pdf-page"] canvas');
		const hl = document.querySelector<HTMLElement>('[data-testid="pdf-highlight"]');
		if (!canvas || !hl) return -1;
		const c = canvas.getBoundingClientRect();
		const h = hl.getBoundingClientRect();
		const k = canvas.width / c.width;
		const ctx = canvas.getContext('2d');
		if (!ctx) return -1;
		const x = Math.max(0, Math.floor((h.left - c.left) * k));
		const y = Math.max(0, Math.floor((h.top - c.top) * k));
		const w = Math.max(1, Math.floor(h.width * k));
		const hh = Math.max(1, Math.floor(h.height * k));
		const d = ctx.getImageData(x, y, w, hh).data;
		let ink = 0;
		for (let i = 0; i < d.length; i += 4) if ((d[i] ?? 255) < 200) ink++;
		return ink / (d.length / 4);
	});
}

async function expectPageWithHighlight(dialog: Locator, page: Page, pageNo: number) {
	const fig = dialog.getByTestId('pdf-page');
	await fig.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 30_000 });
	expect(await fig.innerText()).toContain(`第 ${pageNo} 页`);
	const box = await dialog.getByTestId('pdf-highlight').boundingBox();
	expect(box?.width ?? 0).toBeGreaterThan(20);
	expect(box?.height ?? 0).toBeGreaterThan(4);
	// The highlight sits on printed text, not on blank paper.
	expect(await inkUnder(page)).toBeGreaterThan(0.01);
}

describe('PDF 原文页面', () => {
	it('draws the PDF page of a snapshot row with the source line highlighted', async () => {
		const [doc] = await snapshotRows(
			`SELECT doc_id FROM documents WHERE department_name = '${WANLI}' AND fiscal_year = 2024 AND source_name LIKE '%.pdf'`
		);
		expect(doc).toBeDefined();
		const o = await open(browser, `/department?d=${encodeURIComponent(WANLI)}&y=2024`);
		const section = o.page.locator('[data-testid="function-hierarchy"]');
		await section.locator('table.t tbody tr').first().waitFor();
		const row = section.locator('table.t tbody tr').first();
		await row.getByRole('button', { name: '原文' }).click();
		const dialog = o.page.locator('dialog[open][data-testid="source-dialog"]');
		await dialog.locator('li.hit').waitFor();
		const line = Number(await dialog.locator('li.hit .no').innerText());
		const [where] = await snapshotRows(
			`SELECT page::INTEGER AS page FROM source_lines WHERE doc_id = '${String(doc!.doc_id)}' AND line_no = ${line}`
		);
		await expectPageWithHighlight(dialog, o.page, Number(where!.page));
		await shot(o.page, 'pdf-page-snapshot');
		expect(o.foreign).toEqual([]);
		expect(o.errors).toEqual([]);
		await o.context.close();
	});

	it('reads a dropped PDF locally with page progress, adds it, and draws its page from memory', async () => {
		const [count] = await snapshotRows('SELECT count(*)::INTEGER AS n FROM documents');
		// A changed copy (a comment after %%EOF): new content hash, so a new document.
		const bytes = Buffer.concat([
			readFileSync(path.join(PDF_DIR, 'putuo-planning-resources-bureau-2024-final.pdf')),
			Buffer.from('\n% BudgetLens test copy\n')
		]);
		const o = await open(browser, '/');
		const rows = o.page.locator('[data-testid="overview-departments"] tbody tr');
		await rows.first().waitFor();
		const pages: string[] = [];
		const watch = setInterval(() => {
			void o.page
				.getByTestId('byod-progress')
				.innerText({ timeout: 50 })
				.then((t) => pages.push(t))
				.catch(() => undefined);
		}, 100);
		await o.page.getByTestId('byod-input').setInputFiles({
			name: 'planning-copy.pdf',
			mimeType: 'application/pdf',
			buffer: bytes
		});
		await o.page
			.getByTestId('byod-message')
			.filter({ hasText: '已加入 1 个文件' })
			.waitFor({ timeout: 60_000 });
		clearInterval(watch);
		expect(pages.some((t) => /planning-copy\.pdf：已读 \d+\/30 页/.test(t))).toBe(true);
		await expect.poll(() => rows.count()).toBe(Number(count!.n) + 1);
		const byod = o.page.getByTestId('byod');
		expect(await byod.innerText()).toMatch(/planning-copy\.pdf[^\n]*表格行 \d+：入表 \d+/);

		// The dropped document's department page (client-side navigation keeps the added rows).
		const name = await o.page.evaluate(() => {
			const s = document.querySelector('[data-testid="byod"] summary')?.textContent ?? '';
			return s.split('—')[1]?.trim().split(/\s+/)[0] ?? '';
		});
		expect(name).toContain('规划和自然资源局');
		await o.page.evaluate((n) => {
			const a = document.createElement('a');
			a.href = `department?d=${encodeURIComponent(n)}&y=2024`;
			a.id = 'go-pdf-test';
			a.textContent = 'go';
			a.style.cssText = 'position:fixed;top:0;left:0;z-index:1000;background:#fff';
			document.body.append(a);
		}, name);
		await o.page.locator('#go-pdf-test').click();
		const section = o.page.locator('[data-testid="function-hierarchy"]');
		await section.locator('table.t tbody tr').first().waitFor();
		await section.locator('table.t tbody tr').first().getByRole('button', { name: '原文' }).click();
		const dialog = o.page.locator('dialog[open][data-testid="source-dialog"]');
		await dialog.locator('li.hit').waitFor();
		const fig = dialog.getByTestId('pdf-page');
		await fig.and(o.page.locator('[data-state="ready"]')).waitFor({ timeout: 30_000 });
		const pageNo = Number(/第 (\d+) 页/.exec(await fig.innerText())?.[1]);
		await expectPageWithHighlight(dialog, o.page, pageNo);
		await shot(o.page, 'pdf-page-dropped');
		expect(o.foreign).toEqual([]);
		expect(o.errors).toEqual([]);
		await o.context.close();
	});

	it('falls back to the text lines with a note when the PDF is not served', async () => {
		const o = await open(browser, `/department?d=${encodeURIComponent(WANLI)}&y=2024`);
		const asked: string[] = [];
		await o.page.route('**/data/default/pdf/**', (route) => {
			asked.push(route.request().url());
			return route.fulfill({ status: 404, body: 'not found' });
		});
		const section = o.page.locator('[data-testid="economic-breakdown"]');
		await section.locator('table.t tbody tr').first().waitFor();
		await section.locator('table.t tbody tr').first().getByRole('button', { name: '原文' }).click();
		const dialog = o.page.locator('dialog[open][data-testid="source-dialog"]');
		await dialog.locator('li.hit').waitFor();
		await dialog.getByTestId('pdf-absent').waitFor();
		expect(await dialog.getByTestId('pdf-absent').innerText()).toContain('只显示文本行');
		expect(await dialog.locator('canvas:visible').count()).toBe(0);
		expect(await dialog.locator('li.hit').innerText()).not.toBe('');
		expect(asked.length).toBeGreaterThan(0);
		expect(asked[0]).toContain('/data/default/pdf/putuo-wanli-subdistrict-2024-budget.pdf');
		// The only failed request is the missing PDF itself.
		expect(o.errors.filter((e) => !e.includes('/data/default/pdf/'))).toEqual([]);
		expect(o.foreign).toEqual([]);
		await o.context.close();
	});
});
