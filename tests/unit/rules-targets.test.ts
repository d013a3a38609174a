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

describe('malformed targets', () => {
	it('rate_over_100 flags 120% and not 100%', () => {
		const bad = indicator(1, '质量指标', '验收合格率', ['120%', null, '120', '%']);
		const ok = indicator(1, '质量指标', '验收合格率', ['100%', null, '100', '%']);
		const flags = run([bad, ok], 'rate_over_100');
		expect(flags.map((f) => f.source_line)).toEqual([bad.source_line]);
		expect(JSON.parse(flags[0]!.evidence!)).toMatchObject({ target_value: '120', limit: '100' });
	});

	it('doubled_target flags ≥5≥5个 and ≤380380 but not ≥5个', () => {
		const a = indicator(1, '数量指标', '补贴单位个数', ['≥5≥5个', '≥', '5', '个']);
		const b = indicator(1, '成本指标', '预算控制数', ['≤380380', '≤', null, null]);
		const ok = indicator(1, '数量指标', '补贴单位个数', ['≥5个', '≥', '5', '个']);
		const flags = run([a, b, ok], 'doubled_target');
		expect(flags.map((f) => f.source_line)).toEqual([a.source_line, b.source_line]);
		expect(flags[0]!.severity).toBe('error');
		expect(flags[0]!.message).toContain('≥5≥5个');
	});

	it('rate_without_unit flags a coverage rate of 11 without %', () => {
		const bad = indicator(1, '质量指标', '发放覆盖率', ['11', null, '11', null]);
		const ok = indicator(1, '质量指标', '发放覆盖率', ['100%', null, '100', '%']);
		expect(run([bad, ok], 'rate_without_unit').map((f) => f.source_line)).toEqual([
			bad.source_line
		]);
	});

	it('quantity_without_number flags 按实际发生 in a 数量指标 but not 无 placeholders', () => {
		const bad = indicator(1, '数量指标', '救助人数', ['按实际发生人数', null, null, null]);
		const placeholder = indicator(1, '成本指标', '无', ['无', null, null, null]);
		const notApplicable = indicator(1, '成本指标', '不涉及', ['不涉及', null, null, null]);
		const ok = indicator(1, '数量指标', '救助人数', ['12人', null, '12', '人']);
		expect(
			run([bad, placeholder, notApplicable, ok], 'quantity_without_number').map(
				(f) => f.source_line
			)
		).toEqual([bad.source_line]);
	});

	it('wrong_direction flags a satisfaction written as ≤90% but not ≥90%', () => {
		const bad = indicator(1, '服务对象满意度指标', '退休军转干部满意度', ['≤90%', '≤', '90', '%']);
		const ok = indicator(1, '服务对象满意度指标', '退休军转干部满意度', ['≥90%', '≥', '90', '%']);
		const lowIsGood = indicator(1, '质量指标', '差错率', ['≤1%', '≤', '1', '%']);
		const flags = run([bad, ok, lowIsGood], 'wrong_direction');
		expect(flags.map((f) => f.source_line)).toEqual([bad.source_line]);
		expect(JSON.parse(flags[0]!.evidence!)).toMatchObject({ target_op: '≤', expected_op: '≥' });
	});

	it('wrong_direction also covers timeliness rates', () => {
		const bad = indicator(1, '时效指标', '资金发放及时率', ['≤95%', '≤', '95', '%']);
		expect(run([bad], 'wrong_direction')).toHaveLength(1);
	});

	it('below_floor flags a 50% satisfaction target but not 85%', () => {
		const bad = indicator(1, '服务对象满意度指标', '市容环境满意度', ['≥50%', '≥', '50', '%']);
		const ok = indicator(1, '服务对象满意度指标', '市容环境满意度', ['≥85%', '≥', '85', '%']);
		expect(run([bad, ok], 'below_floor').map((f) => f.source_line)).toEqual([bad.source_line]);
	});

	it('vague_targets counts vague targets once per project', () => {
		const a = indicator(1, '社会效益指标', '保障家庭生活', ['比上年有所提高', null, null, null]);
		const b = indicator(1, '社会效益指标', '丰富生活', ['有效保障', null, null, null]);
		const c = indicator(1, '时效指标', '完成时限', ['10月底前', null, null, null]);
		const d = indicator(1, '数量指标', '人数', ['12人', null, '12', '人']);
		const flags = run([a, b, c, d], 'vague_targets');
		expect(flags).toHaveLength(1);
		expect(JSON.parse(flags[0]!.evidence!)).toMatchObject({ indicators: 4, vague: 2 });
		expect(run([c, d], 'vague_targets')).toHaveLength(0);
	});

	it('gives every flag a deterministic unique id, the doc id and the table', () => {
		const a = indicator(1, '质量指标', '合格率', ['120%', null, '120', '%']);
		const flags = run([a], 'rate_over_100');
		expect(flags[0]).toMatchObject({
			flag_id: `rate_over_100:feedfacecafebeef:${a.source_line}:1`,
			doc_id: 'feedfacecafebeef',
			project_code: 'P1',
			table_name: 'indicators'
		});
	});
});
