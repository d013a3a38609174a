// 人均成本 on the partitioned synthetic snapshot (`?data=synth-e2e`, written
// by scripts/run-e2e.mjs) reads the writer's rollup_per_capita: the rollup is
// not fetched when the snapshot opens, the view fetches it and no
// indicators/projects part, and shows the groups Node computes from it.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector } from '../../src/lib/db/node';
import { perCapitaGroupsQuery } from '../../src/lib/queries/per-capita';
import { BASE_URL, launch, ready } from './browser';

const SYNTH_DIR = path.resolve(process.cwd(), 'build/data/synth-e2e');
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Paths of every request the page makes under /data/. */
function dataRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (r) => {
		const p = decodeURIComponent(new URL(r.url()).pathname);
		if (p.includes('/data/')) seen.push(p);
	});
	return seen;
}

describe('人均成本 from rollup_per_capita', () => {
	it('is not fetched at open', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const requests = dataRequests(page);
		await page.goto(`${BASE_URL}/?data=synth-e2e`);
		await ready(page);
		await page.locator('svg').first().waitFor({ timeout: 60_000 });
		expect(requests.some((p) => p.endsWith('/manifest.json'))).toBe(true);
		expect(requests.filter((p) => p.includes('rollup_per_capita'))).toEqual([]);
		await context.close();
	});

	it('the view loads the rollup only and shows its groups', async () => {
		const conn = await openNodeConnector({ parquetDir: SYNTH_DIR });
		const groups = (await conn.query(perCapitaGroupsQuery({}, 'rollup'))).rows;
		expect((await conn.query(perCapitaGroupsQuery({}, 'live'))).rows).toEqual(groups);
		await conn.close();
		expect(groups.length).toBeGreaterThan(0);

		const context = await browser.newContext();
		const page = await context.newPage();
		const requests = dataRequests(page);
		await page.goto(`${BASE_URL}/per-capita?data=synth-e2e`);
		await ready(page);
		const rows = page.locator('[data-testid="groups-table"] tbody tr');
		await rows.first().waitFor({ timeout: 60_000 });
		expect(await rows.first().innerText()).toContain(String(groups[0]!.group_key));
		expect(requests.filter((p) => p.endsWith('/rollup_per_capita.parquet'))).toHaveLength(1);
		expect(
			requests.filter((p) => p.includes('/parts/indicators/') || p.includes('/parts/projects/'))
		).toEqual([]);
		await context.close();
	});
});
