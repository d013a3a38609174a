/**
 * The overview chart's figures after a drop, in native DuckDB over the
 * Parquet fixture: the snapshot's rollup_overview merged with the dropped
 * documents' part (components/overview/dropped.ts) equals rollup_overview
 * recomputed over every loaded document — exact decimals, departments
 * counted once per (fiscal_year, province, kind). And the document list's
 * live source (used after a drop) gives rollup_documents' rows, province too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeConnector } from '../../src/lib/db/node';
import { parseDocument } from '../../src/lib/ingest/parse';
import { overviewQuery } from '../../src/lib/queries/overview';
import { overviewPageQuery, type OverviewSource } from '../../src/lib/queries/overview-pages';
import {
	droppedOverviewStatement,
	droppedRows,
	mergeDropped
} from '../../src/lib/components/overview/dropped';
import { rollupRows } from '../../src/lib/components/overview/rollup';
import { CORPUS_TEXT, openFixture } from './queries-fixture';

/** rollup_overview's definition (snapshot/rollups.ts) over everything loaded now, flags aside. */
const RECOMPUTED = `
SELECT r.fiscal_year::INTEGER AS fiscal_year, r.province, r.kind,
	count(*)::INTEGER AS documents, count(DISTINCT r.dept_key)::INTEGER AS departments,
	sum(r.expenditure_total)::DECIMAL(18,4) AS expenditure_total,
	sum(r.basic_total)::DECIMAL(18,4) AS basic_total,
	sum(r.project_total)::DECIMAL(18,4) AS project_total,
	sum(r.three_public_total)::DECIMAL(18,4) AS three_public_total,
	coalesce(sum(r.project_count), 0)::INTEGER AS project_count,
	coalesce(sum(r.indicator_count), 0)::INTEGER AS indicator_count,
	coalesce(sum(r.issue_count), 0)::INTEGER AS issue_count
FROM (SELECT o.*, d.province FROM (${overviewQuery().sql}) o JOIN documents d USING (doc_id)) r
GROUP BY ALL ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3`;

const parse = (name: string, extra = '') =>
	parseDocument({
		name,
		bytes: Buffer.from(readFileSync(path.join(CORPUS_TEXT, name), 'utf8') + extra, 'utf8')
	});

let db: NodeConnector;
beforeAll(async () => {
	db = await openFixture();
});
afterAll(async () => {
	await db.close();
});

describe('overview chart with dropped documents', () => {
	it('merges the dropped part into rollup_overview exactly as a full recompute', async () => {
		const rollup = rollupRows((await db.query('SELECT * FROM rollup_overview')).rows);
		expect(rollup).toEqual(rollupRows((await db.query(RECOMPUTED)).rows));
		const before = await db.query('SELECT doc_id FROM documents');

		// A revised copy of a department already in the snapshot (same group, new doc_id),
		// a new year of a known department, and a new kind; the copy dropped twice.
		const copy = parse('shpt_wanli_jiedao_2024_bumen_yusuan.txt', '\n本文件为测试副本。\n');
		const docs = [
			copy,
			parse('js_renda_changweihui_2018_bumen_yusuan.txt'),
			parse('shpt_caizhengju_2024_bumen_juesuan.txt'),
			copy
		];
		const added = await db.addDocuments(docs);
		expect(added).toHaveLength(3);
		expect(await db.addDocuments([copy])).toEqual([]);

		const part = droppedRows((await db.query(droppedOverviewStatement(added))).rows);
		expect(part.reduce((s, r) => s + r.documents, 0)).toBe(3);
		const merged = mergeDropped(rollup, part);
		const full = rollupRows((await db.query(RECOMPUTED)).rows);
		expect(merged).toEqual(full);

		// The copy's group gained a document but not a department.
		const group = (rows: typeof rollup) =>
			rows.find((r) => r.fiscal_year === 2024 && r.province === '上海市' && r.kind === 'budget');
		expect(group(merged)!.documents).toBe(group(rollup)!.documents + 1);
		expect(group(merged)!.departments).toBe(group(rollup)!.departments);
		expect(merged.length).toBeGreaterThan(rollup.length);
		expect(before.rows.length + 3).toBe(
			(await db.query('SELECT doc_id FROM documents')).rows.length
		);
	});
});

describe('overview list, live source', () => {
	it('gives the same rows as rollup_documents, province included', async () => {
		const conn = await openFixture();
		try {
			const page = (src: OverviewSource) =>
				conn.query(overviewPageQuery({}, { offset: 0, limit: 1000 }, src));
			const live = (await page('live')).rows;
			expect(live.length).toBeGreaterThan(0);
			expect(live.some((r) => r.province !== null)).toBe(true);
			expect(live).toEqual((await page('rollup')).rows);
		} finally {
			await conn.close();
		}
	});
});
