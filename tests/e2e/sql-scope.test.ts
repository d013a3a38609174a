// SQL 查询 with a scope on the partitioned synthetic snapshot (?data=synth-e2e,
// written by scripts/run-e2e.mjs): a link with sy= runs over that year's rows
// only and fetches only that year's partitions of the tables it names; after
// the scope is cleared (every row loaded), choosing it again gives the same
// rows as the link did (results do not depend on what was loaded before).
// The ceiling decision itself is tested in tests/unit/sql-scope.test.ts.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector } from '../../src/lib/db/node';
import { launch, open } from './browser';

const SYNTH_DIR = path.resolve(process.cwd(), 'build/data/synth-e2e');
const SQL =
	'SELECT d.fiscal_year, count(*)::INTEGER AS n FROM indicators i JOIN documents d USING (doc_id) GROUP BY ALL ORDER BY 1';
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Expected "row-number year n" lines, from Node DuckDB over the same snapshot. */
async function expectedLines(where: string): Promise<string[]> {
	const conn = await openNodeConnector({ parquetDir: SYNTH_DIR });
	try {
		const r = await conn.query(
			`SELECT d.fiscal_year AS y, count(*)::INTEGER AS n FROM indicators i JOIN documents d USING (doc_id) WHERE ${where} GROUP BY ALL ORDER BY 1`
		);
		return r.rows.map((x, i) => `${i + 1} ${x.y} ${x.n}`);
	} finally {
		await conn.close();
	}
}

/** Body rows of the result grid (row number first) as "cell cell" lines (digits only, no separators). */
async function gridLines(page: Page): Promise<string[]> {
	const rows = page.getByTestId('result-grid').locator('[role="row"]');
	const texts = await rows.allInnerTexts();
	return texts.slice(1).map((t) =>
		t
			.split(/\s+/)
			.filter(Boolean)
			.map((c) => c.replace(/,/g, ''))
			.join(' ')
	);
}

/** Paths of the indicators partitions the page fetched so far (resource timing). */
async function indicatorFetches(page: Page): Promise<string[]> {
	const urls = await page.evaluate(() =>
		performance.getEntriesByType('resource').map((e) => e.name)
	);
	return urls
		.map((u) => decodeURIComponent(new URL(u).pathname))
		.filter((p) => p.includes('/parts/indicators/'));
}

async function runAndWait(page: Page): Promise<void> {
	await page.getByTestId('run-sql').click();
	await page
		.getByTestId('run-sql')
		.filter({ hasText: /^运行$/ })
		.waitFor();
}

describe('SQL 查询: scope on a partitioned snapshot', () => {
	it('a link with sy= sees and fetches only that year; results do not depend on what is loaded', async () => {
		const only2024 = await expectedLines('d.fiscal_year = 2024');
		const all = await expectedLines('TRUE');
		expect(only2024).toHaveLength(1);
		expect(all.length).toBeGreaterThan(1);

		const o = await open(
			browser,
			`/sql?data=synth-e2e&sy=2024&q=${encodeURIComponent(SQL)}`,
			false
		);
		await o.page.getByTestId('sql-meta').waitFor({ timeout: 60_000 });
		expect(await gridLines(o.page)).toEqual(only2024);
		let parts = await indicatorFetches(o.page);
		expect(parts.length).toBeGreaterThan(0);
		expect(parts.every((p) => p.includes('fiscal_year=2024'))).toBe(true);
		expect(await o.page.getByTestId('sql-scope-summary').innerText()).toContain('2024');

		// Clear the scope: every year, loading the rest.
		const box2024 = o.page.getByTestId('sql-scope-years').getByRole('checkbox', { name: /2024/ });
		await box2024.uncheck();
		await expect.poll(() => new URL(o.page.url()).searchParams.getAll('sy')).toEqual([]);
		await runAndWait(o.page);
		await expect.poll(() => gridLines(o.page)).toEqual(all);
		parts = await indicatorFetches(o.page);
		expect(parts.some((p) => p.includes('fiscal_year=2023'))).toBe(true);

		// Choose 2024 again with everything loaded: the same rows as the link gave.
		await box2024.check();
		await expect.poll(() => new URL(o.page.url()).searchParams.getAll('sy')).toEqual(['2024']);
		await runAndWait(o.page);
		await expect.poll(() => gridLines(o.page)).toEqual(only2024);
		expect(o.errors).toEqual([]);
		await o.context.close();
	});
});
