/**
 * Every view's query builder, run in Node DuckDB against the Parquet fixture
 * (tests/fixtures/snapshot/fixture.sql), returns the rows worked out by hand
 * from the fixture's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector, type NodeConnector } from '../../src/lib/db/node';
import type { Row, Statement } from '../../src/lib/db/types';
import * as q from '../../src/lib/queries';
import { openFixture } from './queries-fixture';

let db: NodeConnector;
beforeAll(async () => {
	db = await openFixture();
});
afterAll(async () => {
	await db.close();
});

async function rows(s: Statement): Promise<Row[]> {
	return (await db.query(s)).rows;
}
function pick<K extends string>(list: Row[], keys: K[]) {
	return list.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
}

// Department keys (documents.department_key): normalized name with its region.
const QHD = '河北省秦皇岛市秦皇岛经济技术开发区民生保障局';
const QHD_NAME = '秦皇岛经济技术开发区民生保障局';
const WL = '上海市普陀区人民政府万里街道办事处';
const JS = '江苏省人大常委会办公厅';

describe('总览 overview', () => {
	it('lists documents with totals and issue counts', async () => {
		const r = await rows(q.overviewQuery());
		expect(
			pick(r, [
				'doc_id',
				'dept_key',
				'fiscal_year',
				'expenditure_total',
				'three_public_total',
				'project_count',
				'indicator_count',
				'issue_count',
				'issue_errors'
			])
		).toEqual([
			{
				doc_id: 'd_wl_2023',
				dept_key: WL,
				fiscal_year: 2023,
				expenditure_total: '500.0000',
				three_public_total: '50.0000',
				project_count: 1,
				indicator_count: 0,
				issue_count: 0,
				issue_errors: 0
			},
			{
				doc_id: 'd_wl_2024',
				dept_key: WL,
				fiscal_year: 2024,
				expenditure_total: '600.0000',
				three_public_total: '47.9100',
				project_count: 1,
				indicator_count: 3,
				issue_count: 1,
				issue_errors: 0
			},
			{
				doc_id: 'd_js_2017',
				dept_key: JS,
				fiscal_year: 2017,
				expenditure_total: '800.0000',
				three_public_total: '100.0000',
				project_count: 0,
				indicator_count: 0,
				issue_count: 0,
				issue_errors: 0
			},
			{
				doc_id: 'd_qhd_2024',
				dept_key: QHD,
				fiscal_year: 2024,
				expenditure_total: '1000.0000',
				three_public_total: '10.5000',
				project_count: 2,
				indicator_count: 6,
				issue_count: 2,
				issue_errors: 1
			}
		]);
	});

	it('filters by department and year', async () => {
		const r = await rows(q.overviewQuery({ departments: [WL], years: [2024] }));
		expect(r.map((x) => x.doc_id)).toEqual(['d_wl_2024']);
	});

	it('lists parse issues errors first', async () => {
		const r = await rows(q.parseIssuesQuery('d_qhd_2024'));
		expect(pick(r, ['severity', 'source_line', 'raw'])).toEqual([
			{ severity: 'error', source_line: 11, raw: '某行\t1.00' },
			{ severity: 'warning', source_line: 10, raw: null }
		]);
	});
});

describe('部门画像 department profile', () => {
	it('lists a department’s documents by year', async () => {
		const r = await rows(q.departmentDocsQuery([WL]));
		expect(pick(r, ['doc_id', 'fiscal_year'])).toEqual([
			{ doc_id: 'd_wl_2023', fiscal_year: 2023 },
			{ doc_id: 'd_wl_2024', fiscal_year: 2024 }
		]);
	});

	it('returns summary lines in table order', async () => {
		const r = await rows(q.summaryLinesQuery('d_qhd_2024'));
		expect(pick(r, ['side', 'item', 'amount'])).toEqual([
			{ side: 'income', item: '一般公共预算拨款收入', amount: '950.0000' },
			{ side: 'income', item: '收入总计', amount: '1000.0000' },
			{ side: 'expense', item: '社会保障和就业支出', amount: '700.0000' },
			{ side: 'expense', item: '支出总计', amount: '1000.0000' }
		]);
	});

	it('returns the functional hierarchy with parents, basic/project and shares', async () => {
		const r = await rows(q.functionTreeQuery('d_qhd_2024'));
		expect(pick(r, ['func_code', 'level', 'parent_code', 'total', 'basic', 'project'])).toEqual([
			{
				func_code: null,
				level: 0,
				parent_code: null,
				total: '1000.0000',
				basic: '600.0000',
				project: '400.0000'
			},
			{
				func_code: '208',
				level: 1,
				parent_code: null,
				total: '700.0000',
				basic: '500.0000',
				project: '200.0000'
			},
			{
				func_code: '20801',
				level: 2,
				parent_code: '208',
				total: '700.0000',
				basic: '500.0000',
				project: '200.0000'
			},
			{
				func_code: '2080101',
				level: 3,
				parent_code: '20801',
				total: '500.0000',
				basic: '500.0000',
				project: '0.0000'
			},
			{
				func_code: '2080199',
				level: 3,
				parent_code: '20801',
				total: '200.0000',
				basic: '0.0000',
				project: '200.0000'
			},
			{
				func_code: '210',
				level: 1,
				parent_code: null,
				total: '300.0100',
				basic: '100.0000',
				project: '200.0100'
			}
		]);
		expect(r[1]?.share).toBeCloseTo(0.7, 12);
		expect(r[5]?.share).toBeCloseTo(0.30001, 12);
	});

	it('returns the economic classification of basic spending', async () => {
		const r = await rows(q.economicTreeQuery('d_qhd_2024'));
		expect(pick(r, ['econ_code', 'parent_code', 'total', 'personnel', 'public'])).toEqual([
			{
				econ_code: null,
				parent_code: null,
				total: '600.0000',
				personnel: '500.0000',
				public: '100.0000'
			},
			{
				econ_code: '301',
				parent_code: null,
				total: '500.0000',
				personnel: '500.0000',
				public: null
			},
			{
				econ_code: '30101',
				parent_code: '301',
				total: '300.0000',
				personnel: '300.0000',
				public: null
			},
			{
				econ_code: '30102',
				parent_code: '301',
				total: '200.0000',
				personnel: '200.0000',
				public: null
			},
			{
				econ_code: '302',
				parent_code: null,
				total: '100.0000',
				personnel: null,
				public: '100.0000'
			},
			{
				econ_code: '30201',
				parent_code: '302',
				total: '100.0000',
				personnel: null,
				public: '100.0000'
			}
		]);
		expect(r[1]?.share).toBeCloseTo(5 / 6, 12);
	});

	it('compares 三公 with the prior year from the narrative and from the prior document', async () => {
		const wl = await rows(q.threePublicCompareQuery('d_wl_2024'));
		expect(
			pick(wl, [
				'category',
				'current_amount',
				'prior_amount',
				'prior_source',
				'prior_doc_id',
				'change'
			])
		).toEqual([
			{
				category: 'total',
				current_amount: '47.9100',
				prior_amount: '50.0000',
				prior_source: 'narrative',
				prior_doc_id: 'd_wl_2024',
				change: '-2.0900'
			},
			{
				category: 'vehicle_total',
				current_amount: '38.0000',
				prior_amount: '40.0000',
				prior_source: 'table',
				prior_doc_id: 'd_wl_2023',
				change: '-2.0000'
			},
			{
				category: 'reception',
				current_amount: '9.9100',
				prior_amount: '10.0000',
				prior_source: 'table',
				prior_doc_id: 'd_wl_2023',
				change: '-0.0900'
			}
		]);
		expect(wl[0]?.change_pct).toBeCloseTo(-0.0418, 12);
		const qhd = await rows(q.threePublicCompareQuery('d_qhd_2024'));
		expect(qhd).toHaveLength(6);
		expect(
			pick(qhd.slice(0, 2), ['category', 'current_amount', 'prior_amount', 'prior_source'])
		).toEqual([
			{
				category: 'total',
				current_amount: '10.5000',
				prior_amount: '12.0000',
				prior_source: 'narrative'
			},
			{
				category: 'outbound_travel',
				current_amount: '0.0000',
				prior_amount: null,
				prior_source: null
			}
		]);
	});

	it('lists projects with indicator and plan counts, their indicators and spending plan', async () => {
		const p = await rows(q.projectsQuery('d_qhd_2024'));
		expect(
			pick(p, ['project_seq', 'project_code', 'amount', 'indicator_count', 'plan_periods'])
		).toEqual([
			{
				project_seq: 1,
				project_code: 'P001',
				amount: '126.0000',
				indicator_count: 3,
				plan_periods: 2
			},
			{
				project_seq: 2,
				project_code: 'P002',
				amount: '280.0100',
				indicator_count: 2,
				plan_periods: 0
			}
		]);
		const ind = await rows(q.indicatorsQuery('d_qhd_2024', 1));
		expect(pick(ind, ['seq', 'name', 'target_value', 'target_unit'])).toEqual([
			{ seq: 1, name: '优待金发放人数', target_value: '100.000000', target_unit: '人' },
			{ seq: 2, name: '义务兵家庭优待金', target_value: '1.200000', target_unit: '万元/人' },
			{ seq: 3, name: '服务对象满意度', target_value: '90.000000', target_unit: '%' }
		]);
		const dept = await rows(q.indicatorsQuery('d_qhd_2024', null));
		expect(dept.map((x) => x.name)).toEqual(['服务对象']);
		const plan = await rows(q.spendingPlanQuery('d_qhd_2024', 1));
		expect(plan.map((x) => x.percent).sort()).toEqual(['100.0000', '50.0000']);
	});

	it('looks up source lines by range, text untouched', async () => {
		const r = await rows(q.sourceLinesQuery('d_wl_2023', 2, 1));
		expect(r).toEqual([
			{ line_no: 1, text: '万里街道2023年部门预算' },
			{ line_no: 2, text: '<script>alert(1)</script>\t<b>粗体</b>' }
		]);
		expect(await rows(q.sourceLinesQuery('d_qhd_2024', Number.NaN))).toEqual([
			{ line_no: 1, text: '秦皇岛第1行\t数据' }
		]);
	});
});

describe('支出结构对比 structure comparison', () => {
	it('returns each class’s amount and share of the document’s total at that level', async () => {
		const r = await rows(q.structureSharesQuery({ docIds: ['d_wl_2023', 'd_wl_2024'], level: 1 }));
		expect(pick(r, ['doc_id', 'code', 'amount', 'level_total'])).toEqual([
			{ doc_id: 'd_wl_2023', code: '201', amount: '300.0000', level_total: '500.0000' },
			{ doc_id: 'd_wl_2023', code: '208', amount: '150.0000', level_total: '500.0000' },
			{ doc_id: 'd_wl_2023', code: '213', amount: '50.0000', level_total: '500.0000' },
			{ doc_id: 'd_wl_2024', code: '201', amount: '330.0000', level_total: '600.0000' },
			{ doc_id: 'd_wl_2024', code: '208', amount: '200.0000', level_total: '600.0000' },
			{ doc_id: 'd_wl_2024', code: '213', amount: '70.0000', level_total: '600.0000' }
		]);
		expect(r.map((x) => x.share)).toEqual([0.6, 0.3, 0.1, 0.55, 1 / 3, 70 / 600]);
		expect(r.map((x) => x.doc_total)).toEqual([
			'500.0000',
			'500.0000',
			'500.0000',
			'600.0000',
			'600.0000',
			'600.0000'
		]);
		const qhd = await rows(q.structureSharesQuery({ docIds: ['d_qhd_2024'], level: 1 }));
		// the 类 rows add up to 1000.01 against a printed 合计 of 1000.00
		expect(pick(qhd, ['level_total', 'doc_total'])[0]).toEqual({
			level_total: '1000.0100',
			doc_total: '1000.0000'
		});
	});

	it('compares the project column at level 3 and the economic classification', async () => {
		const f = await rows(
			q.structureSharesQuery({ docIds: ['d_qhd_2024'], level: 3, measure: 'project' })
		);
		expect(pick(f, ['code', 'amount', 'share'])).toEqual([
			{ code: '2080101', amount: '0.0000', share: 0 },
			{ code: '2080199', amount: '200.0000', share: 1 }
		]);
		const e = await rows(
			q.structureSharesQuery({ docIds: ['d_qhd_2024'], level: 1, classification: 'economic' })
		);
		expect(pick(e, ['code', 'name', 'amount'])).toEqual([
			{ code: '301', name: '工资福利支出', amount: '500.0000' },
			{ code: '302', name: '商品和服务支出', amount: '100.0000' }
		]);
	});

	it('sorts the difference table by the largest share gap, missing codes counting as 0', async () => {
		const r = await rows(q.structureDiffQuery({ docIds: ['d_wl_2023', 'd_qhd_2024'], level: 1 }));
		expect(
			pick(r, [
				'code',
				'present_in',
				'min_doc_id',
				'max_doc_id',
				'min_amount',
				'max_amount',
				'amount_gap'
			])
		).toEqual([
			{
				code: '201',
				present_in: 1,
				min_doc_id: 'd_qhd_2024',
				max_doc_id: 'd_wl_2023',
				min_amount: '0.0000',
				max_amount: '300.0000',
				amount_gap: '300.0000'
			},
			{
				code: '208',
				present_in: 2,
				min_doc_id: 'd_wl_2023',
				max_doc_id: 'd_qhd_2024',
				min_amount: '150.0000',
				max_amount: '700.0000',
				amount_gap: '550.0000'
			},
			{
				code: '210',
				present_in: 1,
				min_doc_id: 'd_wl_2023',
				max_doc_id: 'd_qhd_2024',
				min_amount: '0.0000',
				max_amount: '300.0100',
				amount_gap: '300.0100'
			},
			{
				code: '213',
				present_in: 1,
				min_doc_id: 'd_qhd_2024',
				max_doc_id: 'd_wl_2023',
				min_amount: '0.0000',
				max_amount: '50.0000',
				amount_gap: '50.0000'
			}
		]);
		expect(r[0]?.share_gap).toBeCloseTo(0.6, 12);
		expect(r[1]?.share_gap).toBeCloseTo(700 / 1000.01 - 0.3, 12);
	});

	it('refuses an unknown amount column', () => {
		expect(() =>
			q.structureSharesQuery({
				docIds: [],
				level: 1,
				measure: 'total; DROP TABLE x' as unknown as 'total'
			})
		).toThrow('未知的金额列');
	});

	it('returns nothing for no documents', async () => {
		expect(await rows(q.structureDiffQuery({ docIds: [], level: 1 }))).toEqual([]);
	});
});

describe('人均成本 per-capita', () => {
	it('normalizes declared costs to 元 per beneficiary per year and derives implied costs', async () => {
		const r = await rows(q.perCapitaQuery());
		expect(
			pick(r, [
				'kind',
				'doc_id',
				'indicator_name',
				'group_key',
				'per_unit',
				'cost_yuan',
				'group_median',
				'note'
			])
		).toEqual([
			{
				kind: 'declared',
				doc_id: 'd_qhd_2024',
				indicator_name: '义务兵家庭优待金',
				group_key: '义务兵家庭优待金',
				per_unit: '人',
				cost_yuan: '12000.0000',
				group_median: '12600.0000',
				note: null
			},
			{
				kind: 'implied',
				doc_id: 'd_qhd_2024',
				indicator_name: '优待金发放人数',
				group_key: '义务兵家庭优待金',
				per_unit: '人',
				cost_yuan: '12600.0000',
				group_median: '12600.0000',
				note: null
			},
			{
				kind: 'declared',
				doc_id: 'd_wl_2024',
				indicator_name: '义务兵家庭优待金',
				group_key: '义务兵家庭优待金',
				per_unit: '人',
				cost_yuan: '13200.0000',
				group_median: '12600.0000',
				note: null
			},
			{
				kind: 'implied',
				doc_id: 'd_wl_2024',
				indicator_name: '优待对象户数',
				group_key: '义务兵家庭优待金',
				per_unit: '户',
				cost_yuan: '12000.0000',
				group_median: '12000.0000',
				note: null
			},
			{
				kind: 'declared',
				doc_id: 'd_wl_2024',
				indicator_name: '义务兵家庭优待金标准',
				group_key: '义务兵家庭优待金',
				per_unit: null,
				cost_yuan: null,
				group_median: null,
				note: '单位无法换算为 元/人（户、人次）/年'
			},
			{
				kind: 'implied',
				doc_id: 'd_qhd_2024',
				indicator_name: '救助人次',
				group_key: '城乡居民医疗救助',
				per_unit: '人次',
				cost_yuan: '1400.0500',
				group_median: '1400.0500',
				note: null
			},
			{
				kind: 'declared',
				doc_id: 'd_qhd_2024',
				indicator_name: '人均救助成本',
				group_key: '救助',
				per_unit: '人',
				cost_yuan: '1500.0000',
				group_median: '1500.0000',
				note: null
			}
		]);
	});

	it('summarizes groups with their median', async () => {
		const r = await rows(q.perCapitaGroupsQuery());
		expect(r).toEqual([
			{
				group_key: '义务兵家庭优待金',
				per_unit: '人',
				n: 3,
				departments: 2,
				median: '12600.0000',
				min: '12000.0000',
				max: '13200.0000'
			},
			{
				group_key: '义务兵家庭优待金',
				per_unit: '户',
				n: 1,
				departments: 1,
				median: '12000.0000',
				min: '12000.0000',
				max: '12000.0000'
			},
			{
				group_key: '城乡居民医疗救助',
				per_unit: '人次',
				n: 1,
				departments: 1,
				median: '1400.0500',
				min: '1400.0500',
				max: '1400.0500'
			},
			{
				group_key: '救助',
				per_unit: '人',
				n: 1,
				departments: 1,
				median: '1500.0000',
				min: '1500.0000',
				max: '1500.0000'
			}
		]);
	});

	it('filters by department and group', async () => {
		const r = await rows(q.perCapitaQuery({ departments: [WL], group: '义务兵家庭优待金' }));
		expect(r.map((x) => x.indicator_name)).toEqual([
			'义务兵家庭优待金',
			'优待对象户数',
			'义务兵家庭优待金标准'
		]);
	});
});

describe('三公趋势 trend', () => {
	it('picks one figure per department, year and category with YoY change and rank', async () => {
		const r = await rows(q.threePublicTrendQuery());
		const totals = r.filter((x) => x.category === 'total');
		expect(
			pick(totals, [
				'dept_key',
				'fiscal_year',
				'amount',
				'source',
				'prev_amount',
				'change',
				'rank',
				'departments_in_year'
			])
		).toEqual([
			{
				dept_key: WL,
				fiscal_year: 2023,
				amount: '50.0000',
				source: 'table',
				prev_amount: null,
				change: null,
				rank: 1,
				departments_in_year: 2
			},
			{
				dept_key: WL,
				fiscal_year: 2024,
				amount: '47.9100',
				source: 'table',
				prev_amount: '50.0000',
				change: '-2.0900',
				rank: 1,
				departments_in_year: 2
			},
			{
				dept_key: JS,
				fiscal_year: 2017,
				amount: '100.0000',
				source: 'table',
				prev_amount: null,
				change: null,
				rank: 1,
				departments_in_year: 1
			},
			{
				dept_key: QHD,
				fiscal_year: 2023,
				amount: '12.0000',
				source: 'narrative',
				prev_amount: null,
				change: null,
				rank: 2,
				departments_in_year: 2
			},
			{
				dept_key: QHD,
				fiscal_year: 2024,
				amount: '10.5000',
				source: 'table',
				prev_amount: '12.0000',
				change: '-1.5000',
				rank: 2,
				departments_in_year: 2
			}
		]);
		expect(totals[4]?.change_pct).toBeCloseTo(-0.125, 12);
	});

	it('keeps ranks among all departments when filtered to one', async () => {
		const r = await rows(q.threePublicTrendQuery({ departments: [QHD], years: [2024] }));
		expect(r.find((x) => x.category === 'total')?.rank).toBe(2);
		expect(r.every((x) => x.dept_key === QHD && x.fiscal_year === 2024)).toBe(true);
	});

	it('department filters also accept the published name (links saved before department_key)', async () => {
		expect(QHD_NAME).not.toBe(QHD);
		const byName = await rows(q.threePublicTrendQuery({ departments: [QHD_NAME], years: [2024] }));
		const byKey = await rows(q.threePublicTrendQuery({ departments: [QHD], years: [2024] }));
		expect(byName.length).toBeGreaterThan(0);
		expect(byName).toEqual(byKey);
		const docs = await rows(q.departmentDocsQuery([QHD_NAME]));
		expect(docs.map((d) => d.dept_key)).toEqual([QHD]);
	});

	it('lists every figure marked table or narrative', async () => {
		const r = await rows(q.threePublicFiguresQuery({ departments: [WL], years: [2023] }));
		expect(
			pick(
				r.filter((x) => x.category === 'total'),
				['doc_id', 'amount', 'source']
			)
		).toEqual([
			{ doc_id: 'd_wl_2023', amount: '50.0000', source: 'table' },
			{ doc_id: 'd_wl_2024', amount: '50.0000', source: 'narrative' }
		]);
	});
});

describe('异常指标 flags', () => {
	it('lists flags with their department and source line text, filtered', async () => {
		const all = await rows(q.flagsQuery());
		expect(pick(all, ['flag_id', 'severity', 'dept_key', 'fiscal_year', 'line_text'])).toEqual([
			{
				flag_id: 'f2',
				severity: 'error',
				dept_key: QHD,
				fiscal_year: 2024,
				line_text: '秦皇岛第10行\t数据'
			},
			{ flag_id: 'f1', severity: 'warning', dept_key: WL, fiscal_year: 2024, line_text: null },
			{
				flag_id: 'f3',
				severity: 'warning',
				dept_key: QHD,
				fiscal_year: 2024,
				line_text: '秦皇岛第3行\t数据'
			}
		]);
		expect(all[0]?.evidence).toBe('{"children":"1000.0100","total":"1000.0000"}');
		const filtered = await rows(q.flagsQuery({ rules: ['unit_mismatch'], departments: [QHD] }));
		expect(filtered.map((x) => x.flag_id)).toEqual(['f3']);
		expect(await rows(q.flagsQuery({ severities: ['info'] }))).toEqual([]);
		const page = (offset: number, limit: number) =>
			rows(q.flagsQuery({}, { offset, limit })).then((r) => r.map((x) => x.flag_id));
		expect(await page(0, 1)).toEqual(['f2']);
		expect(await page(1, 1)).toEqual(['f1']);
		expect(await page(1, 5)).toEqual(['f1', 'f3']);
		expect(await page(3, 5)).toEqual([]);
	});

	it('reads a page as its ids (flagPageQuery) then those rows (flagIds), same as the page itself', async () => {
		for (const [offset, limit] of [
			[0, 2],
			[1, 2],
			[0, 10]
		] as const) {
			const want = await rows(q.flagsQuery({}, { offset, limit }, 'rollup'));
			const keys = await rows(q.flagPageQuery({}, { offset, limit }, 'rollup'));
			expect(keys.map((k) => k.flag_id)).toEqual(want.map((w) => w.flag_id));
			const ids = keys.map((k) => String(k.flag_id));
			expect(
				await rows(q.flagsQuery({ flagIds: ids }, { offset: 0, limit: ids.length }, 'rollup'))
			).toEqual(want);
		}
	});

	it('reads departments from rollup_documents with the same answer as from documents', async () => {
		const filters: q.FlagFilter[] = [{}, { departments: [QHD] }, { rules: ['unit_mismatch'] }];
		for (const f of filters) {
			const live = await rows(q.flagsQuery(f, undefined, 'live'));
			expect(live.length).toBeGreaterThan(0);
			expect(await rows(q.flagsQuery(f, undefined, 'rollup'))).toEqual(live);
			expect(await rows(q.flagCountsQuery(f, 'rollup'))).toEqual(
				await rows(q.flagCountsQuery(f, 'live'))
			);
		}
	});

	it('counts flags by rule and severity, for one department too', async () => {
		expect(await rows(q.flagCountsQuery())).toEqual([
			{ rule_id: 'unit_mismatch', severity: 'warning', n: 2 },
			{ rule_id: 'sum_gap', severity: 'error', n: 1 }
		]);
		expect(await rows(q.flagCountsQuery({ departments: [WL] }))).toEqual([
			{ rule_id: 'unit_mismatch', severity: 'warning', n: 1 }
		]);
		expect(await rows(q.flagCountsQuery({ docIds: ['d_js_2017'] }))).toEqual([]);
	});

	it('is empty on a snapshot without flags (the loader creates the table)', async () => {
		const empty = await openNodeConnector();
		try {
			expect((await empty.query(q.flagsQuery())).rows).toEqual([]);
		} finally {
			await empty.close();
		}
	});
});

describe('builders', () => {
	it('never splice user values into SQL text', () => {
		const evil = "x'); DROP TABLE documents; --";
		const statements = [
			q.overviewQuery({ departments: [evil] }),
			q.functionTreeQuery(evil),
			q.sourceLinesQuery(evil, 1),
			q.perCapitaQuery({ group: evil, departments: [evil] }),
			q.threePublicTrendQuery({ departments: [evil] }),
			q.structureDiffQuery({ docIds: [evil], level: 1 }),
			q.flagsQuery({ rules: [evil] })
		];
		for (const s of statements) {
			expect(s.sql).not.toContain(evil);
			expect(s.params).toContain(evil);
		}
	});
});

describe('final accounts (决算)', () => {
	it('show 决算数 in the overview and the trend of actual figures', async () => {
		const db2 = await openFixture();
		try {
			await db2.query(`INSERT INTO documents (doc_id, source_name, sha256, department_name, region,
				fiscal_year, kind, scope, layout, amount_unit, line_count, rows_seen, rows_stored,
				rows_reported, tables_found)
				VALUES ('d_cz_2024', 'cz_2024.txt', 'e', '上海市普陀区财政局', '上海市普陀区', 2024, 'final',
				'department', 'shanghai', '万元', 3, 2, 2, 0, 'three_public')`);
			await db2.query(`INSERT INTO three_public VALUES
				('d_cz_2024', 2024, 'total', 1.0000, 'table', 'budget', 3),
				('d_cz_2024', 2024, 'total', 0.9500, 'table', 'actual', 3)`);
			const ov = await db2.query(q.overviewQuery({ years: [2024] }));
			expect(ov.rows.find((r) => r.doc_id === 'd_cz_2024')?.three_public_total).toBe('0.9500');
			const actual = await db2.query(
				q.threePublicTrendQuery({ measure: 'actual', departments: ['上海市普陀区财政局'] })
			);
			expect(pick(actual.rows, ['fiscal_year', 'amount', 'rank', 'departments_in_year'])).toEqual([
				{ fiscal_year: 2024, amount: '0.9500', rank: 1, departments_in_year: 1 }
			]);
			const budget = await db2.query(
				q.threePublicTrendQuery({ departments: ['上海市普陀区财政局'] })
			);
			expect(budget.rows.map((r) => r.amount)).toEqual(['1.0000']);
			const cmp = await db2.query(q.threePublicCompareQuery('d_cz_2024'));
			expect(pick(cmp.rows, ['category', 'current_amount'])).toEqual([
				{ category: 'total', current_amount: '0.9500' }
			]);
		} finally {
			await db2.close();
		}
	});
});
