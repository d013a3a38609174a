import { describe, expect, it } from 'vitest';
import { documentFlags } from '../../src/lib/rules';
import { indicator, makeDoc, project } from '../fixtures/rules/build';
import type { IndicatorRecord } from '../../src/lib/ingest/model';

function run(inds: IndicatorRecord[], rule: string) {
	const doc = makeDoc((t) => {
		t.projects.push(project(1, '100'));
		t.indicators.push(...inds);
	});
	return documentFlags(doc).filter((f) => f.rule_id === rule);
}

describe('incoherent units', () => {
	it('cost_unit_headcount flags a cost standard of 1200 人 and not 1000元/人', () => {
		const bad = indicator(1, '成本指标', '儿童辅具补助标准', ['1200 人', null, '1200', '人']);
		const ok = indicator(1, '成本指标', '基本辅具适配服务补助标准', [
			'1000元/人',
			null,
			'1000',
			'元/人'
		]);
		const flags = run([bad, ok], 'cost_unit_headcount');
		expect(flags.map((f) => f.source_line)).toEqual([bad.source_line]);
		expect(flags[0]!.message).toContain('1200 人');
	});

	it('rate_unit_headcount flags a 覆盖率 counted in 人', () => {
		const bad = indicator(1, '质量指标', '培训覆盖率', ['300人', null, '300', '人']);
		const ok = indicator(1, '质量指标', '培训覆盖率', ['100%', null, '100', '%']);
		expect(run([bad, ok], 'rate_unit_headcount').map((f) => f.source_line)).toEqual([
			bad.source_line
		]);
	});

	it('household_in_people flags 户数 in 人 and 人数 in 户, not 户数 in 户', () => {
		const a = indicator(1, '数量指标', '无障碍设施改造户数', ['100 人', null, '100', '人']);
		const b = indicator(1, '数量指标', '慰问人数', ['90 户', null, '90', '户']);
		const ok = indicator(1, '数量指标', '改造户数', ['100户', null, '100', '户']);
		expect(run([a, b, ok], 'household_in_people').map((f) => f.source_line)).toEqual([
			a.source_line,
			b.source_line
		]);
	});

	it('per_capita_without_per_unit flags 人均 cost in 元 and not in 元/人', () => {
		const bad = indicator(1, '成本指标', '人均补贴标准', ['≤7638元', '≤', '7638', '元']);
		const ok = indicator(1, '成本指标', '人均补贴标准', ['≤0.71万元/人', '≤', '0.71', '万元/人']);
		const total = indicator(1, '成本指标', '预算控制数', ['≤23.4万元', '≤', '23.4', '万元']);
		expect(run([bad, ok, total], 'per_capita_without_per_unit').map((f) => f.source_line)).toEqual([
			bad.source_line
		]);
	});

	it('misfiled_indicator flags money under 时效指标 and a deadline under 成本指标', () => {
		const a = indicator(1, '时效指标', '差旅费', ['≤10 万元', '≤', '10', '万元']);
		const b = indicator(1, '成本指标', '完成时间', ['10月底前', null, null, null]);
		const ok = indicator(1, '时效指标', '完成时间', ['10月底前', null, null, null]);
		const flags = run([a, b, ok], 'misfiled_indicator');
		expect(flags.map((f) => f.source_line)).toEqual([a.source_line, b.source_line]);
		expect(JSON.parse(flags[0]!.evidence!).expected_level2).toBe('成本指标');
		expect(JSON.parse(flags[1]!.evidence!).expected_level2).toBe('时效指标');
	});
});
