// 总览's first chart (rollup_overview) after a document is dropped on the
// page, in Chromium: the year table and the chart grow by exactly that
// document's 支出合计, the chart says it includes the dropped file, the
// department is not counted twice, and dropping the same file again changes
// nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector } from '../../src/lib/db/node';
import { parseDocument } from '../../src/lib/ingest/parse';
import { overviewQuery } from '../../src/lib/queries/overview';
import { fmtValue } from '../../src/lib/charts/ticks';
import { chartNumber } from '../../src/lib/format';
import { launch, open, shot } from './browser';
import { SNAPSHOT_DIR } from './expected';

const corpus = path.resolve(process.cwd(), '../shared/corpus/text');
const NAME = 'shpt_wanli_jiedao_2024_bumen_yusuan.txt';
// A changed copy of a corpus document: a new doc_id, same department, year and amounts.
const edited = Buffer.from(
	readFileSync(path.join(corpus, NAME), 'utf8') + '\n本文件为总览图测试副本。\n',
	'utf8'
);

/**
 * The copy's own overviewQuery row and its rollup_overview group's 支出合计
 * before the drop, computed in Node on the default snapshot.
 */
async function expected() {
	const conn = await openNodeConnector({ parquetDir: SNAPSHOT_DIR });
	try {
		const doc = parseDocument({ name: 'chart-copy.txt', bytes: edited });
		expect(await conn.addDocuments([doc])).toEqual([doc.document.doc_id]);
		const rows = await conn.query(
			`SELECT o.*, d.province FROM (${overviewQuery().sql}) o JOIN documents d USING (doc_id)`
		);
		const row = rows.rows.find((r) => r.doc_id === doc.document.doc_id)!;
		const group = await conn.query({
			sql: `SELECT expenditure_total FROM rollup_overview
				WHERE fiscal_year = $1 AND province = $2 AND kind = 'budget'`,
			params: [Number(row.fiscal_year), String(row.province)]
		});
		expect(group.rows).toHaveLength(1);
		return {
			year: String(row.fiscal_year),
			province: String(row.province),
			total: String(row.expenditure_total),
			group: String(group.rows[0]!.expenditure_total)
		};
	} finally {
		await conn.close();
	}
}

/** The year table's 预算 row of `year`: files, departments, 支出合计 (exact, from "1,234.5 万元"). */
async function yearRow(page: Page, year: string) {
	const row = page
		.locator('[data-testid="overview-years"] tbody tr')
		.filter({ has: page.locator('td', { hasText: new RegExp(`^${year}$`) }) })
		.filter({ has: page.locator('td', { hasText: /^预算$/ }) });
	const cells = await row.locator('td').allInnerTexts();
	return {
		documents: Number(cells[2]),
		departments: Number(cells[3]),
		total: new Decimal(cells[5]!.replace(/[, 万元]/g, ''))
	};
}

/** The chart segment's value in its hover title, e.g. "2024 · 上海市: 12,345.67". */
async function segment(page: Page, year: string, province: string): Promise<string> {
	const titles = await page
		.locator('[data-testid="overview-chart"] svg.chart rect > title')
		.allTextContents();
	const t = titles.find((s) => s.startsWith(`${year} · ${province}: `));
	expect(t).toBeDefined();
	return t!.slice(`${year} · ${province}: `.length).replace(/ \(.*\)$/, '');
}

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('总览 chart with a dropped document', () => {
	it('adds the dropped document to the rollup chart exactly, once', async () => {
		const copy = await expected();
		expect(copy.total).toMatch(/^\d+\.\d{4}$/);

		const o = await open(browser, '/');
		const chart = o.page.locator('[data-testid="overview-chart"]');
		await chart.and(o.page.locator('[data-source="rollup"]')).locator('svg.chart').waitFor();
		await o.page.locator('[data-testid="overview-departments"] tbody tr').first().waitFor();
		expect(await o.page.getByTestId('overview-dropped').count()).toBe(0);
		const before = await yearRow(o.page, copy.year);
		const segBefore = await segment(o.page, copy.year, copy.province);

		await o.page
			.getByTestId('byod-input')
			.setInputFiles([{ name: 'chart-copy.txt', mimeType: 'text/plain', buffer: edited }]);
		await o.page.getByTestId('byod-message').filter({ hasText: '已加入 1 个文件' }).waitFor();
		await chart.and(o.page.locator('[data-source="rollup+dropped"]')).waitFor();
		expect(await chart.getAttribute('data-dropped')).toBe('1');
		expect(await o.page.getByTestId('overview-dropped').innerText()).toContain('含拖入的 1 个文件');
		expect(await chart.locator('figure').first().innerText()).toContain('含拖入的 1 个文件');

		const after = await yearRow(o.page, copy.year);
		expect(after.documents).toBe(before.documents + 1);
		// Same department as a snapshot document of the same year, province and kind.
		expect(after.departments).toBe(before.departments);
		expect(after.total.minus(before.total).toFixed(4)).toBe(new Decimal(copy.total).toFixed(4));
		const segAfter = await segment(o.page, copy.year, copy.province);
		expect(segAfter).not.toBe(segBefore);
		expect(segBefore).toBe(fmtValue(chartNumber(copy.group)));
		const merged = new Decimal(copy.group).plus(copy.total).toFixed(4);
		expect(segAfter).toBe(fmtValue(chartNumber(merged)));
		await shot(o.page, 'overview-dropped');

		// The same file again: skipped by the data layer, the chart does not count it twice.
		await o.page
			.getByTestId('byod-input')
			.setInputFiles([{ name: 'chart-copy.txt', mimeType: 'text/plain', buffer: edited }]);
		await o.page.getByTestId('byod-message').filter({ hasText: '1 个已在快照中' }).waitFor();
		await chart.and(o.page.locator('[data-dropped="1"]')).waitFor();
		const again = await yearRow(o.page, copy.year);
		expect(again.documents).toBe(after.documents);
		expect(again.total.equals(after.total)).toBe(true);

		expect(o.errors).toEqual([]);
		expect(o.foreign).toEqual([]);
		await o.context.close();
	});
});
