/** Project tables in the national template wording (财政部 项目支出绩效目标表). */
import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../context';
import { emptyTables } from '../../model';
import { readText } from '../../reader/text';
import { recognizeProjects } from './projects';

function run(rows: string[]) {
	const ctx = new ParseContext('t', readText('national.txt', rows.join('\n')));
	const out = emptyTables();
	recognizeProjects(ctx, out);
	return { out, acc: ctx.finish(), ctx };
}

describe('national template', () => {
	const { out, acc } = run([
		'（2024年度）项目支出绩效目标表\t\t\t',
		'项目名称\t示例项目\t\t',
		'主管部门及代码\t示例局 101\t实施单位\t示例中心',
		'项目资金（万元）\t年度资金总额\t120.00\t',
		'\t其中：财政拨款\t100.00\t',
		'\t其他资金\t20.00\t',
		'年度总体目标\t完成示例工作。\t\t',
		'绩效指标\t一级指标\t二级指标\t三级指标\t指标值',
		'\t产出指标\t数量指标\t服务人次\t≥1000人次',
		'\t\t时效指标\t完成时间\t12月底前'
	]);

	it('reads the project block', () => {
		expect(out.projects).toHaveLength(1);
		expect(out.projects[0]).toMatchObject({
			project_name: '示例项目',
			managing_department: '示例局 101',
			implementing_unit: '示例中心',
			goals: '完成示例工作。'
		});
		expect(out.projects[0]?.amount?.toFixed(2)).toBe('120.00');
		expect(out.projects[0]?.fiscal_amount?.toFixed(2)).toBe('100.00');
		expect(out.projects[0]?.other_amount?.toFixed(2)).toBe('20.00');
	});

	it('reads the indicators and claims every row', () => {
		expect(out.indicators.map((i) => [i.level1, i.level2, i.name, i.target_op])).toEqual([
			['产出指标', '数量指标', '服务人次', '≥'],
			['产出指标', '时效指标', '完成时间', null]
		]);
		expect(acc.rows_reported).toBe(0);
		expect(acc.rows_stored).toBe(acc.rows_seen);
	});
});

describe('project boundaries', () => {
	it('ends a table at narrative text and resumes it for indicator rows after noise', () => {
		const { out, ctx } = run([
			'项目编码\tC1\t项目名称\t甲',
			'预算规模及资金用途\t预算数\t1.00\t其中：财政资金\t1.00\t其他资金\t',
			'一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
			'产出指标\t数量指标\t人数\t人数\t3人\t计划',
			'某页眉文字',
			'一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
			'满意度指标\t服务对象满意度指标\t满意度\t满意度\t≥90%\t问卷'
		]);
		expect(out.projects).toHaveLength(1);
		expect(out.indicators.map((i) => i.name)).toEqual(['人数', '满意度']);
		expect(ctx.issues.map((i) => i.code)).toContain('table_resumed');
	});

	it('starts a new project at each 项目编码 row', () => {
		const { out } = run([
			'项目编码\tC1\t项目名称\t甲',
			'预算规模及资金用途\t预算数\t1.00\t其中：财政资金\t1.00\t其他资金\t',
			'项目编码\tC2\t项目名称\t乙',
			'预算规模及资金用途\t预算数\t2.00\t其中：财政资金\t1.50\t其他资金\t0.50'
		]);
		expect(out.projects.map((p) => [p.project_seq, p.project_code, p.amount?.toString()])).toEqual([
			[1, 'C1', '1'],
			[2, 'C2', '2']
		]);
	});

	it('reports amounts that do not add up', () => {
		const { ctx } = run([
			'项目编码\tC1\t项目名称\t甲',
			'预算规模及资金用途\t预算数\t2.00\t其中：财政资金\t1.00\t其他资金\t0.50'
		]);
		expect(ctx.issues.map((i) => [i.code, i.source_line])).toEqual([
			['project_amount_mismatch', 2]
		]);
	});
});

describe('department-level 整体绩效目标 table', () => {
	it('reads its indicators with project_seq NULL and claims their rows', () => {
		const { out, acc } = run([
			'部门整体绩效目标表',
			'目录行\t1',
			'一级指标\t二级指标\t三级指标\t指标值',
			'产出指标\t数量指标\t服务人次\t≥100人次',
			'满意度指标\t服务对象满意度指标\t满意度\t≥90%',
			'1、示例项目绩效目标表',
			'项目编码\tC1\t项目名称\t甲',
			'预算规模及资金用途\t预算数\t1.00\t其中：财政资金\t1.00\t其他资金\t'
		]);
		expect(out.indicators.map((i) => [i.project_seq, i.seq, i.name, i.target_op])).toEqual([
			[null, 1, '服务人次', '≥'],
			[null, 2, '满意度', '≥']
		]);
		expect(out.projects.map((p) => p.project_name)).toEqual(['甲']);
		// Only the unrelated 目录 row is left for finish().
		expect(acc.rows_reported).toBe(1);
	});
});

describe('titles', () => {
	it('a reference to 绩效目标表 in the text does not make a later 项目名称 column a project', () => {
		const lines = [
			'详见单位的项目绩效目标表',
			...Array.from({ length: 20 }, (_, i) => `第${i}段说明文字。`)
		];
		const { out } = run([...lines, '项目名称\t金额', '甲\t1.00']);
		expect(out.projects).toEqual([]);
	});

	it('a printed title names a table that lost its 项目名称 cell', () => {
		const { out } = run([
			'3、示例慰问项目绩效目标表',
			'单位：万元',
			'项目名称\t',
			'一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据'
		]);
		expect(out.projects.map((p) => p.project_name)).toEqual(['示例慰问项目']);
	});
});
