/**
 * rollup_per_capita (built by the snapshot writer, schema/rollups.ts) against
 * the live per-capita query (queries/per-capita.ts) on the Parquet fixture:
 * the same rows and groups with and without filters (the unfiltered groups and
 * departments read rollup_per_capita_groups / _departments, the unfiltered
 * sample filters on group_pos / group_rows); filters only select
 * rows (group medians stay over every document); and peer_per_capita_outlier
 * gives the same flags reading the rollup or computing the rows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector, type NodeConnector } from '../../src/lib/db/node';
import type { ParsedDocument } from '../../src/lib/ingest/model';
import {
	perCapitaDepartmentsQuery,
	perCapitaGroupsQuery,
	perCapitaQuery,
	perCapitaRowsSql,
	type PerCapitaInput
} from '../../src/lib/queries/per-capita';
import { peerRuleStatements } from '../../src/lib/rules/sql';
import {
	SAMPLE_HEAD,
	rollupPerCapita,
	rollupPerCapitaDepartments,
	rollupPerCapitaGroups
} from '../../src/lib/schema/rollups';
import { indicator, makeDoc, project } from '../fixtures/rules/build';
import { openFixture } from './queries-fixture';

const QHD = '河北省秦皇岛市秦皇岛经济技术开发区民生保障局';
const WL = '上海市普陀区人民政府万里街道办事处';

let fx: NodeConnector;
beforeAll(async () => {
	fx = await openFixture();
});
afterAll(async () => {
	await fx?.close();
});

const rowsOf = async (st: Parameters<NodeConnector['query']>[0]) =>
	(await fx.query(st)).rows.map((r) => ({ ...r }));

const inputs: PerCapitaInput[] = [
	{},
	{ departments: [QHD] },
	{ departments: [WL] },
	{ docIds: ['d_qhd_2024'] },
	{ group: '义务兵家庭优待金' },
	{ departments: [WL], group: '义务兵家庭优待金' },
	{ departments: ['no such department'] },
	{ groups: ['义务兵家庭优待金'] },
	{ groups: [] },
	{ perGroup: 1 },
	{ perGroup: 2 },
	{ perGroup: 2, departments: [QHD] },
	{ perGroup: 1, groups: ['义务兵家庭优待金'] },
	{ perGroup: 1, docIds: ['d_qhd_2024'] }
];

describe('rollup_per_capita', () => {
	it('is in the fixture with the declared columns', async () => {
		const d = await rowsOf('DESCRIBE SELECT * FROM rollup_per_capita');
		expect(d.map((c) => [c.column_name, c.column_type])).toEqual(
			rollupPerCapita.columns.map((c) => [c.name, c.type])
		);
		expect((await rowsOf('SELECT * FROM rollup_per_capita')).length).toBeGreaterThan(3);
	});

	it('has its groups and departments siblings with the declared columns', async () => {
		for (const def of [rollupPerCapitaGroups, rollupPerCapitaDepartments]) {
			const d = await rowsOf(`DESCRIBE SELECT * FROM ${def.name}`);
			expect(d.map((c) => [c.column_name, c.column_type])).toEqual(
				def.columns.map((c) => [c.name, c.type])
			);
			expect((await rowsOf(`SELECT * FROM ${def.name}`)).length).toBeGreaterThan(1);
		}
	});

	it('group_pos numbers each group 0..group_rows-1 in the view order', async () => {
		const all = await rowsOf(perCapitaQuery({}, 'rollup'));
		const key = (r: Record<string, unknown>) => `${r.group_key}|${r.per_unit}`;
		let pos = 0;
		for (const [i, r] of all.entries()) {
			pos = i > 0 && key(all[i - 1]!) === key(r) ? pos + 1 : 0;
			expect(r.group_pos).toBe(pos);
			expect(Number(r.group_rows)).toBe(all.filter((o) => key(o) === key(r)).length);
		}
		// sample_from: rows / the lowest set bit of group_pos (2^30 for 0), rounded up.
		for (const r of all) {
			const p = Number(r.group_pos);
			expect(r.sample_from).toBe(Math.ceil(Number(r.group_rows) / (p === 0 ? 2 ** 30 : p & -p)));
		}
		// The stored file: by group (in the view's order), then least(sample_from, 1024), then cost order.
		const groupIndex = new Map<string, number>();
		for (const r of all) if (!groupIndex.has(key(r))) groupIndex.set(key(r), groupIndex.size);
		const head = (r: Record<string, unknown>) => Math.min(Number(r.sample_from), SAMPLE_HEAD);
		const expected = [...all].sort(
			(a, b) =>
				groupIndex.get(key(a))! - groupIndex.get(key(b))! ||
				head(a) - head(b) ||
				Number(a.group_pos) - Number(b.group_pos)
		);
		expect(await rowsOf('SELECT * FROM rollup_per_capita')).toEqual(expected);
	});

	it('equals the live rows, with and without filters', async () => {
		const all = await rowsOf(perCapitaQuery({}, 'live'));
		expect(all.length).toBeGreaterThan(3);
		for (const input of inputs) {
			const live = await rowsOf(perCapitaQuery(input, 'live'));
			expect(await rowsOf(perCapitaQuery(input, 'rollup'))).toEqual(live);
		}
		// Unordered whole-snapshot rows, as stored.
		const stored = await rowsOf('SELECT * FROM rollup_per_capita');
		const computed = await rowsOf(perCapitaRowsSql());
		const key = (r: Record<string, unknown>) => JSON.stringify(r);
		expect(stored.map(key).sort()).toEqual(computed.map(key).sort());
	});

	it('groups equal the live groups, with and without filters', async () => {
		for (const input of inputs) {
			const live = await rowsOf(perCapitaGroupsQuery(input, 'live'));
			expect(await rowsOf(perCapitaGroupsQuery(input, 'rollup'))).toEqual(live);
		}
		const groups = await rowsOf(perCapitaGroupsQuery({}, 'rollup'));
		expect(groups.length).toBeGreaterThan(0);
		// Unfiltered, the statement reads the groups rollup: the same rows as aggregating.
		expect(perCapitaGroupsQuery({}, 'rollup').sql).toContain('rollup_per_capita_groups');
		expect(perCapitaGroupsQuery({ departments: [WL] }, 'rollup').sql).not.toContain(
			'rollup_per_capita_groups'
		);
		const key = (r: Record<string, unknown>) => JSON.stringify(r);
		const stored = await rowsOf('SELECT * FROM rollup_per_capita_groups');
		expect(stored.map(key).sort()).toEqual(groups.map(key).sort());
	});

	it('departments and the groups filter agree with the rows', async () => {
		const all = await rowsOf(perCapitaQuery({}, 'rollup'));
		const depts = await rowsOf(perCapitaDepartmentsQuery('rollup'));
		expect(await rowsOf(perCapitaDepartmentsQuery('live'))).toEqual(depts);
		expect(perCapitaDepartmentsQuery('rollup').sql).toContain('rollup_per_capita_departments');
		expect(depts.map((d) => d.dept_key)).toEqual([...new Set(all.map((r) => r.dept_key))].sort());
		expect(depts.reduce((s, d) => s + Number(d.n), 0)).toBe(all.length);
		const some = await rowsOf(perCapitaQuery({ groups: ['义务兵家庭优待金'] }, 'rollup'));
		expect(some).toEqual(all.filter((r) => r.group_key === '义务兵家庭优待金'));
		expect(some.length).toBeGreaterThan(0);
		expect(await rowsOf(perCapitaQuery({ groups: [] }, 'rollup'))).toEqual([]);
	});

	it('perGroup samples each group evenly in cost order', async () => {
		const all = await rowsOf(perCapitaQuery({}, 'rollup'));
		const one = await rowsOf(perCapitaQuery({ perGroup: 1 }, 'rollup'));
		const key = (r: Record<string, unknown>) => `${r.group_key}|${r.per_unit}`;
		expect(one.map(key)).toEqual([...new Set(all.map(key))]);
		// The first row of each group in cost order.
		expect(one).toEqual(all.filter((r, i) => i === 0 || key(all[i - 1]!) !== key(r)));
		expect(one.length).toBeLessThan(all.length);
		expect(await rowsOf(perCapitaQuery({ perGroup: 1000 }, 'rollup'))).toEqual(all);
		// Unfiltered, a constant filter on sample_from (no window); filtered, counted among the rows.
		expect(perCapitaQuery({ perGroup: 2 }, 'rollup').sql).not.toContain('row_number');
		expect(perCapitaQuery({ perGroup: 2 }, 'rollup').sql).toContain('r.sample_from <= 2');
		// Every k-th row, k the smallest power of two ≥ rows / 2.
		const stepOf = (rows: number, n: number) => {
			let k = 1;
			while (k < rows / n) k *= 2;
			return k;
		};
		const two = await rowsOf(perCapitaQuery({ perGroup: 2 }, 'rollup'));
		expect(two).toEqual(
			all.filter((r) => Number(r.group_pos) % stepOf(Number(r.group_rows), 2) === 0)
		);
		expect(two.length).toBeLessThan(all.length);
		expect(two.length).toBeGreaterThan(one.length);
		const qhd = await rowsOf(perCapitaQuery({ departments: [QHD] }, 'rollup'));
		const qhdTwo = await rowsOf(perCapitaQuery({ departments: [QHD], perGroup: 2 }, 'rollup'));
		expect(qhdTwo).toEqual(
			qhd.filter((r) => {
				const same = qhd.filter((o) => key(o) === key(r));
				return same.indexOf(r) % stepOf(same.length, 2) === 0;
			})
		);
		const qhdOne = await rowsOf(perCapitaQuery({ departments: [QHD], perGroup: 1 }, 'rollup'));
		expect(qhdOne).toEqual(qhd.filter((r, i) => i === 0 || key(qhd[i - 1]!) !== key(r)));
		expect(qhdOne.length).toBeGreaterThan(0);
	});

	it('filters select rows only: medians and group keys are over every document', async () => {
		const all = await rowsOf(perCapitaQuery({}, 'live'));
		const key = (r: Record<string, unknown>) =>
			`${r.kind}|${r.doc_id}|${r.project_seq}|${r.source_line}|${r.indicator_name}`;
		const byKey = new Map(all.map((r) => [key(r), r]));
		for (const input of inputs) {
			const some = await rowsOf(perCapitaQuery(input, 'live'));
			for (const r of some) expect(r).toEqual(byKey.get(key(r)));
		}
		const qhd = await rowsOf(perCapitaQuery({ docIds: ['d_qhd_2024'] }, 'live'));
		expect(qhd.length).toBeGreaterThan(0);
		expect(qhd.length).toBeLessThan(all.length);
		expect(new Set(qhd.map((r) => r.doc_id))).toEqual(new Set(['d_qhd_2024']));
		// Some returned row's median counts costs of documents the filter left out.
		const wider = qhd.filter(
			(r) =>
				Number(r.group_size) >
				qhd.filter(
					(o) => o.group_key === r.group_key && o.per_unit === r.per_unit && o.cost_yuan !== null
				).length
		);
		expect(wider.length).toBeGreaterThan(0);
	});
});

describe('peer_per_capita_outlier from the rollup', () => {
	let conn: NodeConnector | null = null;
	afterEach(async () => {
		await conn?.close();
		conn = null;
	});

	const costDoc = (id: string, dept: string, yuan: string): ParsedDocument => {
		const d = makeDoc((t) => {
			t.projects.push(project(1, '10'));
			t.indicators.push(
				indicator(1, '成本指标', '义务兵家庭优待金人均标准', [`${yuan}元/人`, null, yuan, '元/人'])
			);
		});
		const docId = id.padEnd(16, '0');
		d.document = { ...d.document, doc_id: docId, department_name: dept, source_name: `${id}.txt` };
		for (const rows of Object.values(d.tables))
			for (const r of rows as { doc_id: string }[]) r.doc_id = docId;
		return d;
	};

	it('gives the same flags as the live rows', async () => {
		conn = await openNodeConnector({});
		const values = ['20000', '21000', '19000', '20500', '200000', '1500', '20100'];
		await conn.addDocuments(values.map((v, i) => costDoc(`p${i}`, `局${i}`, v)));
		await conn.query(`CREATE TABLE rollup_per_capita AS ${perCapitaRowsSql()}`);
		const rule = (source: 'live' | 'rollup') =>
			peerRuleStatements(source).find((s) => s.ruleId === 'peer_per_capita_outlier')!.statement;
		const live = (await conn.query(rule('live'))).rows;
		expect(live.length).toBeGreaterThanOrEqual(2);
		expect((await conn.query(rule('rollup'))).rows).toEqual(live);
	});
});
