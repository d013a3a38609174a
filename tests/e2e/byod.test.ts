// Bring your own document in Chromium: a disclosure text file picked on the
// page is parsed in the browser, joins the loaded tables (总览 gains a row),
// shows its parse issues, and nothing is sent anywhere.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, open, shot } from './browser';
import { snapshotRows } from './expected';

const corpus = path.resolve(process.cwd(), '../shared/corpus/text');
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('加入自己的文件', () => {
	it('parses a dropped document locally and adds it to the loaded tables', async () => {
		const [count] = await snapshotRows('SELECT count(*)::INTEGER AS n FROM documents');
		// A changed copy of a corpus document: new content hash, so it is a new document.
		const original = readFileSync(
			path.join(corpus, 'shpt_wanli_jiedao_2024_bumen_yusuan.txt'),
			'utf8'
		);
		const edited = Buffer.from(original + '\n本文件为测试副本。\n', 'utf8');
		const o = await open(browser, '/');
		const rows = o.page.locator('[data-testid="overview-departments"] tbody tr');
		await rows.first().waitFor();
		await o.page.getByTestId('byod-input').setInputFiles([
			{ name: 'my-copy.txt', mimeType: 'text/plain', buffer: edited },
			{ name: 'not-text.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') }
		]);
		await o.page.getByTestId('byod-message').filter({ hasText: '已加入 1 个文件' }).waitFor();
		await expect.poll(() => rows.count()).toBe(Number(count!.n) + 1);
		const byod = o.page.getByTestId('byod');
		expect(await byod.innerText()).toContain('my-copy.txt');
		expect(await byod.innerText()).toContain('not-text.pdf');
		expect(await byod.innerText()).toMatch(/表格行 \d+：入表 \d+/);
		await shot(o.page, 'byod');
		expect(o.foreign).toEqual([]);
		expect(o.errors).toEqual([]);
		await o.context.close();
	});
});
