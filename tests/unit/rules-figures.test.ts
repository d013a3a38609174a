import { describe, expect, it } from 'vitest';
import { documentFlags } from '../../src/lib/rules';
import {
	D,
	expenditure,
	indicator,
	makeDoc,
	project,
	summaryLine,
	threePublic
} from '../fixtures/rules/build';
import type { ParsedDocument } from '../../src/lib/ingest/model';

const only = (doc: ParsedDocument, rule: string) =>
	documentFlags(doc).filter((f) => f.rule_id === rule);

describe('figures that do not add up', () => {
	it('separates a 0.01 rounding residue (info) from a real gap (error) in classified tables', () => {
		const doc = makeDoc((t) =>
			t.expenditure_by_function.push(
				expenditure(null, 0, '100.01', '60', '40.01', 1),
				expenditure('201', 1, '50', '30', '20', 2),
				expenditure('20101', 2, '50', '30', '20', 3),
				expenditure('208', 1, '50', '30', '20', 4),
				expenditure('20801', 2, '30', '20', '10', 5),
				expenditure('20802', 2, '19', '9', '10', 6)
			)
		);
		const rounding = only(doc, 'classified_rounding');
		const gap = only(doc, 'classified_gap');
		expect(rounding.map((f) => f.source_line)).toEqual([1]);
		expect(rounding[0]!.severity).toBe('info');
		expect(gap.map((f) => f.source_line)).toEqual([4]);
		expect(JSON.parse(gap[0]!.evidence!).columns).toEqual([
			{ column: 'total', parent: '50', children: '49', diff: '1' },
			{ column: 'basic', parent: '30', children: '29', diff: '1' }
		]);
	});

	it('leaves consistent classified tables alone', () => {
		const doc = makeDoc((t) =>
			t.expenditure_by_function.push(
				expenditure(null, 0, '50', '30', '20', 1),
				expenditure('201', 1, '50', '30', '20', 2),
				expenditure('20101', 2, '50', '30', '20', 3)
			)
		);
		expect(documentFlags(doc)).toEqual([]);
	});

	it('summary_unbalanced and summary_total_mismatch', () => {
		const lines = (expenseGrand: string) =>
			makeDoc((t) =>
				t.summary.push(
					summaryLine('income', 1, '一、一般公共预算拨款收入', '90', 1),
					summaryLine('income', 2, '二、政府性基金预算拨款收入', '10', 2),
					summaryLine('income', 3, '本年收入合计', '100', 3),
					summaryLine('income', 4, '上年结转结余', '5', 4),
					summaryLine('income', 5, '收入总计', '105', 5),
					summaryLine('expense', 1, '一、一般公共服务支出', '100', 1),
					summaryLine('expense', 2, '本年支出合计', '105', 3),
					summaryLine('expense', 3, '支出总计', expenseGrand, 5)
				)
			);
		const good = lines('105');
		expect(only(good, 'summary_unbalanced')).toEqual([]);
		// the expense side's items (100) do not reach its 本年支出合计 (105)
		expect(only(good, 'summary_total_mismatch').map((f) => f.source_line)).toEqual([3]);
		const bad = lines('104');
		const unbalanced = only(bad, 'summary_unbalanced');
		expect(unbalanced.length).toBeGreaterThanOrEqual(1);
		expect(unbalanced.some((f) => JSON.parse(f.evidence!).income_total === '105')).toBe(true);
	});

	it('projects_vs_project_spending flags projects summing 0.01 above 项目支出', () => {
		const make = (a: string) =>
			makeDoc((t) => {
				t.expenditure_by_function.push(expenditure(null, 0, '100', '50', '50', 7));
				t.projects.push(project(1, '20'), project(2, a));
			});
		const flags = only(make('30.01'), 'projects_vs_project_spending');
		expect(flags).toHaveLength(1);
		expect(flags[0]!.severity).toBe('warning');
		expect(JSON.parse(flags[0]!.evidence!)).toMatchObject({ projects_sum: '50.01', diff: '0.01' });
		expect(only(make('30'), 'projects_vs_project_spending')).toEqual([]);
		// far below: only some projects are disclosed, not flagged
		expect(only(make('1'), 'projects_vs_project_spending')).toEqual([]);
		expect(only(make('40'), 'projects_vs_project_spending')[0]!.severity).toBe('error');
	});

	it('three_public_parts, three_public_narrative and three_public_empty_note', () => {
		const doc = makeDoc(
			(t) =>
				t.three_public.push(
					threePublic('total', '10', 'table', 2),
					threePublic('outbound_travel', null, 'table', 3),
					threePublic('vehicle_total', '8', 'table', 4),
					threePublic('vehicle_purchase', null, 'table', 5),
					threePublic('vehicle_operation', '8', 'table', 6),
					threePublic('reception', '1.7', 'table', 7),
					threePublic('total', '9.7', 'narrative', 20),
					threePublic('reception', '1.7', 'narrative', 20)
				),
			['标题', 'x', 'x', 'x', 'x', 'x', 'x', '注：本部门无“三公”经费，故本表为空表。']
		);
		const parts = only(doc, 'three_public_parts');
		expect(parts.map((f) => f.source_line)).toEqual([2]);
		expect(JSON.parse(parts[0]!.evidence!)).toMatchObject({ total: '10', diff: '0.3' });
		const narrative = only(doc, 'three_public_narrative');
		expect(narrative.map((f) => JSON.parse(f.evidence!).category)).toEqual(['total']);
		expect(only(doc, 'three_public_empty_note').map((f) => f.source_line)).toEqual([8]);
	});

	it('cost_cap_vs_amount flags a 预算控制数 far above the project amount', () => {
		const doc = makeDoc((t) => {
			t.projects.push(project(1, '49.31'), project(2, '23.31'));
			t.indicators.push(
				indicator(1, '成本指标', '预算控制数', ['≤350万元', '≤', '350', '万元']),
				indicator(2, '成本指标', '预算控制数', ['≤23.4万元', '≤', '23.4', '万元'])
			);
		});
		const flags = only(doc, 'cost_cap_vs_amount');
		expect(flags.map((f) => f.project_code)).toEqual(['P1']);
		expect(JSON.parse(flags[0]!.evidence!)).toMatchObject({ project_amount: '49.31' });
	});

	it('per_capita_times_count flags 2.5万元/人 × 55人 against a 48 万元 project', () => {
		const make = (amount: string) =>
			makeDoc((t) => {
				t.projects.push(project(1, amount));
				t.indicators.push(
					indicator(1, '数量指标', '发放人数', ['55人', null, '55', '人']),
					indicator(1, '成本指标', '人均成本', ['≤2.5万元/人', '≤', '2.5', '万元/人'])
				);
			});
		const flags = only(make('48'), 'per_capita_times_count');
		expect(flags).toHaveLength(1);
		expect(JSON.parse(flags[0]!.evidence!)).toMatchObject({ product: '137.5' });
		expect(only(make('137.5'), 'per_capita_times_count')).toEqual([]);
	});

	it('implausible_scale flags an asset total in 万元 that can only be 元', () => {
		const doc = makeDoc(
			(t) => {
				t.expenditure_by_function.push(expenditure(null, 0, '6473.03', null, null, 1));
				t.assets.push(
					{
						doc_id: t.projects.length ? '' : 'feedfacecafebeef',
						item: '资产总额',
						quantity: null,
						amount: D('4106681.79'),
						declared_unit: '万元',
						source_line: 3
					},
					{
						doc_id: 'feedfacecafebeef',
						item: '车辆',
						quantity: D('2'),
						amount: D('30'),
						declared_unit: '万元',
						source_line: 4
					}
				);
			},
			[
				'x',
				'上年末固定资产金额为 4106681.79 万元。',
				'x',
				'x',
				'本年度拟购置固定资产总额为 0.00 万元'
			]
		);
		const flags = only(doc, 'implausible_scale');
		expect(flags.map((f) => [f.table_name, f.source_line])).toEqual([
			['assets', 3],
			['source_lines', 2]
		]);
	});
});
