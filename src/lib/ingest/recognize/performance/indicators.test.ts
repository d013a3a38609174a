import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../context';
import { readText } from '../../reader/text';
import { columnsFromHeader, IndicatorTable } from './indicators';

function table(rows: string[][]) {
	const ctx = new ParseContext('t', readText('i.txt', rows.map((r) => r.join('\t')).join('\n')));
	const t = new IndicatorTable(ctx, { doc_id: 't', project_seq: 1, project_code: null });
	const accepted = rows.map((r, i) =>
		r.includes('一级指标') ? t.header(i + 1, r) : t.row(i + 1, r)
	);
	return { t, ctx, accepted };
}

describe('columnsFromHeader', () => {
	it('maps national and Shanghai headers', () => {
		expect(
			columnsFromHeader([
				'一级指标',
				'二级指标',
				'三级指标',
				'绩效指标描述',
				'指标值',
				'指标值确定依据'
			])
		).toEqual({
			level1: 0,
			level2: 1,
			name: 2,
			description: 3,
			target: 4,
			basis: 5
		});
		expect(
			columnsFromHeader(['', '一级指标', '二级指标', '三级指标', '', '', '年度(/项目)指标值'])
		).toEqual({
			level1: 1,
			level2: 2,
			name: 3,
			description: null,
			target: 6,
			basis: null
		});
		expect(columnsFromHeader(['一级指标', '二级指标'])).toBeNull();
	});
});

describe('IndicatorTable', () => {
	it('reads rows without a header in the standard column order and says so', () => {
		const { t, ctx } = table([['产出指标', '数量指标', '人数', '人数', '12人', '计划']]);
		expect(t.records[0]).toMatchObject({
			level1: '产出指标',
			level2: '数量指标',
			name: '人数',
			basis: '计划'
		});
		expect(ctx.issues.map((i) => i.code)).toEqual(['indicator_header_missing']);
	});

	it('keeps 成本指标 as 一级指标 when a 二级指标 follows it (newer template)', () => {
		const { t, ctx } = table([
			['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
			['成本指标', '经济成本指标', '人均成本', '人均成本', '≤500元/人', '标准']
		]);
		expect(t.records[0]).toMatchObject({
			level1: '成本指标',
			level2: '经济成本指标',
			name: '人均成本'
		});
		expect(ctx.issues).toEqual([]);
	});

	it('continues level 2, name and basis across a page break', () => {
		const { t } = table([
			['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
			['效益指标', '社会效益指', '医疗救助使', '描述', '有效', '根据调查反馈情况根'],
			['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
			['', '标', '退役军人生活得到改善', '', '', '据入户调查'],
			['', '生态效益指标', '无', '无', '无', '无']
		]);
		expect(t.records.map((r) => [r.level2, r.name, r.basis])).toEqual([
			['社会效益指标', '医疗救助使退役军人生活得到改善', '根据调查反馈情况根据入户调查'],
			['生态效益指标', '无', '无']
		]);
	});

	it('rejects rows with neither name nor target', () => {
		const { accepted } = table([
			['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
			['产出指标', '数量指标', '', '描述', '', '']
		]);
		expect(accepted).toEqual([true, false]);
	});
});

describe('IndicatorTable fill-down layouts', () => {
	it('treats a name without a target as its own indicator, not a continuation', () => {
		const { t } = table([
			['', '一级指标', '二级指标', '三级指标', '', '', '年度(/项目)指标值'],
			['绩效指标', '产出指标', '数量指标', '活动场次', '', '', '≥12次'],
			['', '', '', '未填指标值的指标', '', '', ''],
			['', '', '', '', '', '', '补充说明']
		]);
		expect(t.records.map((r) => [r.name, r.target_raw])).toEqual([
			['活动场次', '≥12次'],
			['未填指标值的指标', '补充说明']
		]);
	});
});
