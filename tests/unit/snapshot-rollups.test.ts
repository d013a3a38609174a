/**
 * Snapshot v3 rollups (snapshot/rollups.ts, schema/rollups.ts) over the
 * small synthetic corpus of snapshot-v3-corpus.ts: the files have the
 * declared columns, rollup_documents equals overviewQuery() run over the
 * full data (flat and partitioned) plus province, and rollup_overview holds
 * exact DECIMAL sums and the flag counts per (fiscal_year, province, kind).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewQuery } from '../../src/lib/queries/overview';
import type { Manifest } from '../../src/lib/schema/manifest';
import {
	rollupDocuments,
	rollupOverview,
	ROLLUPS,
	type RollupName
} from '../../src/lib/schema/rollups';
import { TABLES } from '../../src/lib/schema/tables';
import { lit, openV3Corpus, type V3Corpus } from './snapshot-v3-corpus';

let c: V3Corpus;
beforeAll(async () => {
	c = await openV3Corpus();
}, 120_000);
afterAll(async () => {
	await c?.close();
});

describe('rollups', () => {
	/** The snapshot's tables as views, so overviewQuery() runs over the full data. */
	async function viewsOf(m: Manifest, dir: string): Promise<void> {
		for (const t of TABLES)
			await c.conn.run(
				m.tables[t.name].rows === 0
					? `CREATE OR REPLACE VIEW ${t.name} AS SELECT * FROM ${c.source(c.flat, c.dirOf('flat'), t.name)}`
					: `CREATE OR REPLACE VIEW ${t.name} AS SELECT * FROM ${c.source(m, dir, t.name)}`
			);
	}
	const rollup = (m: Manifest, dir: string, name: RollupName) =>
		`read_parquet(${lit(path.join(dir, m.rollups[name].file))})`;

	it('have the columns of schema/rollups.ts', async () => {
		for (const r of ROLLUPS) {
			const described = await c.rows(
				`DESCRIBE SELECT * FROM ${rollup(c.parted, c.dirOf('parts'), r.name)}`
			);
			expect(described.map((c) => [c.column_name, c.column_type])).toEqual(
				r.columns.map((c) => [c.name, c.type])
			);
		}
	});

	it('rollup_documents equals overviewQuery() over the full data, plus province', async () => {
		for (const [m, dir] of [
			[c.parted, c.dirOf('parts')],
			[c.flat, c.dirOf('flat')]
		] as const) {
			await viewsOf(m, dir);
			const q = overviewQuery();
			expect(q.params).toEqual([]);
			const overview = await c.rows(q.sql);
			const stored = await c.rows(`SELECT * FROM ${rollup(m, dir, 'rollup_documents')}`);
			expect(overview).toHaveLength(36);
			expect(stored.map(({ province: _p, ...rest }) => rest)).toEqual(overview);
			const province = await c.rows(`SELECT doc_id, province FROM documents ORDER BY doc_id`);
			const byDoc = new Map(province.map((r) => [r.doc_id, r.province]));
			for (const r of stored) expect(r.province).toBe(byDoc.get(r.doc_id));
			expect(m.rollups.rollup_documents.rows).toBe(36);
		}
		expect(rollupDocuments.columns.at(-1)?.name).toBe('province');
	});

	it('rollup_overview holds exact sums of rollup_documents and the flag counts', async () => {
		await viewsOf(c.parted, c.dirOf('parts'));
		const docRows = await c.rows(
			`SELECT * FROM ${rollup(c.parted, c.dirOf('parts'), 'rollup_documents')}`
		);
		const flagRows = await c.rows('SELECT doc_id, severity FROM flags');
		const groups = new Map<string, Record<string, unknown>>();
		const dec = (v: unknown) => (v === null ? null : new Decimal(String(v)));
		const addDec = (a: unknown, b: unknown) => {
			const x = dec(b);
			if (x === null) return a;
			return a === null ? x : (a as Decimal).plus(x);
		};
		const keyOf = (r: Record<string, unknown>) => `${r.fiscal_year}|${r.province}|${r.kind}`;
		const depts = new Map<string, Set<unknown>>();
		const docGroup = new Map<unknown, string>();
		for (const r of docRows) {
			const k = keyOf(r);
			docGroup.set(r.doc_id, k);
			const g = groups.get(k) ?? {
				fiscal_year: r.fiscal_year,
				province: r.province,
				kind: r.kind,
				documents: 0,
				expenditure_total: null,
				basic_total: null,
				project_total: null,
				three_public_total: null,
				project_count: 0,
				indicator_count: 0,
				issue_count: 0,
				flags_error: 0,
				flags_warning: 0,
				flags_info: 0
			};
			g.documents = Number(g.documents) + 1;
			for (const c of ['expenditure_total', 'basic_total', 'project_total', 'three_public_total'])
				g[c] = addDec(g[c], r[c]);
			for (const c of ['project_count', 'indicator_count', 'issue_count'])
				g[c] = Number(g[c]) + Number(r[c]);
			groups.set(k, g);
			depts.set(k, (depts.get(k) ?? new Set()).add(r.dept_key));
		}
		for (const f of flagRows) {
			const g = groups.get(docGroup.get(f.doc_id) ?? '');
			if (g) g[`flags_${f.severity}`] = Number(g[`flags_${f.severity}`]) + 1;
		}
		expect(flagRows.length).toBeGreaterThan(0);
		const stored = await c.rows(
			`SELECT * FROM ${rollup(c.parted, c.dirOf('parts'), 'rollup_overview')}`
		);
		expect(stored.map((r) => Object.keys(r))[0]).toEqual(rollupOverview.columns.map((c) => c.name));
		const expected = [...groups.entries()]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([k, g]) => ({
				...g,
				departments: depts.get(k)?.size,
				...Object.fromEntries(
					['expenditure_total', 'basic_total', 'project_total', 'three_public_total'].map((c) => [
						c,
						g[c] === null ? null : (g[c] as Decimal).toFixed(4)
					])
				)
			}));
		expect(stored.map((r) => ({ ...r }))).toEqual(expected.map((e) => expect.objectContaining(e)));
		expect(stored).toHaveLength(4);
		const flatOverview = await readFile(path.join(c.dirOf('flat'), 'rollup_overview.parquet'));
		const partOverview = await readFile(path.join(c.dirOf('parts'), 'rollup_overview.parquet'));
		expect(Buffer.compare(flatOverview, partOverview)).toBe(0);
	});

	it('manifest.json carries rollup_overview inline, row for row, with exact decimal strings', async () => {
		for (const [m, dir] of [
			[c.parted, c.dirOf('parts')],
			[c.flat, c.dirOf('flat')]
		] as const) {
			const stored = await c.rows(`SELECT * FROM ${rollup(m, dir, 'rollup_overview')}`);
			expect(m.overview).toBeDefined();
			expect(m.overview).toEqual(stored.map((r) => ({ ...r })));
			const onDisk = JSON.parse(
				await readFile(path.join(dir, 'manifest.json'), 'utf8')
			) as Manifest;
			expect(onDisk.overview).toEqual(m.overview);
			expect(m.overview?.some((r) => typeof r.expenditure_total === 'string')).toBe(true);
		}
	});
});
