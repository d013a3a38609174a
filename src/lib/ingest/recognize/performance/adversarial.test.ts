/** The 绩效 recognizers on hostile input: they must return, claim or report, and never throw. */
import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../context';
import { emptyTables } from '../../model';
import { readText } from '../../reader/text';
import { recognizeIdentity } from '../identity';
import { recognizeNarrative, recognizePerformance } from '../performance';

function run(text: string) {
	const ctx = new ParseContext('t', readText('hostile.txt', text));
	const out = emptyTables();
	const identity = recognizeIdentity(ctx);
	recognizePerformance(ctx, out, identity);
	recognizeNarrative(ctx, out, identity);
	const acc = ctx.finish();
	return { out, acc, ctx };
}

describe('hostile documents', () => {
	it.each([
		[
			'long prose full of keywords',
			'部门整体绩效目标\n' + '三公经费为'.repeat(20_000) + '\n绩效指标：' + '率'.repeat(50_000)
		],
		['long figures', '2023年三公经费为' + '9'.repeat(100_000) + '万元。'],
		['long rate prose', '部门整体绩效目标\n绩效目标：' + '满意度达到95%以上，'.repeat(5_000)],
		['only tabs', 'x' + '\t'.repeat(100_000)],
		['many columns', '项目编码\t' + 'X\t'.repeat(20_000)],
		['header flood', '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\n'.repeat(2_000)],
		['plan flood', '项目名称\t甲\n' + '资金支出计划（%）\t' + '3月底\t25%\t'.repeat(5_000)],
		['quarter flood', '项目经费情况说明\n' + '第一季度用款计划1万元，'.repeat(10_000)],
		[
			'explicit indicator with a space flood',
			'部门整体绩效目标\n绩效指标：ab' +
				' '.repeat(100_000) +
				'x\n提供人数' +
				' '.repeat(100_000) +
				'x'
		],
		[
			'page-number-like line with a space flood',
			'1' + ' '.repeat(100_000) + 'x\n2' + ' '.repeat(100_000) + '页x'
		],
		['prose rate with a space flood', '部门整体绩效目标\n满意度' + ' '.repeat(100_000) + 'x'],
		[
			'long plan cell',
			'项目编码\tC\t项目名称\t甲\n资金支出计划\t' + '1.'.repeat(1) + '1'.repeat(100_000) + '%'
		]
	])('%s', (_name, text) => {
		const { acc } = run(text);
		expect(acc.rows_seen).toBe(acc.rows_stored + acc.rows_reported);
	});

	it('does not take a 收入表 with a 项目名称 column for a 绩效目标表', () => {
		const { out, ctx } = run(
			[
				'项目名称\t\t\t\t金额',
				'收入总计\t\t\t\t13,649.07',
				'一般公共预算资金\t\t小计\t\t13,649.07'
			].join('\n')
		);
		expect(out.projects).toEqual([]);
		expect(ctx.issues.every((i) => i.code === 'unrecognized_row')).toBe(true);
	});

	it('never stores a figure the snapshot DECIMAL columns cannot hold', () => {
		const huge = '1234567890'.repeat(3);
		const { out, ctx } = run(
			[
				`2023年三公经费为${huge}万元。`,
				'项目经费情况说明',
				`第一季度用款计划${huge}万元。`,
				'项目编码\tC1\t项目名称\t甲',
				`预算规模及资金用途\t预算数\t${huge}\t其中：财政资金\t1.00\t其他资金\t`,
				'一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
				`产出指标\t数量指标\t人数\t人数\t${huge}人\t计划`
			].join('\n')
		);
		expect(out.three_public).toEqual([]);
		expect(out.spending_plan).toEqual([]);
		expect(out.indicators[0]?.target_value).toBeNull();
		expect(out.projects[0]?.amount).toBeNull();
		expect(ctx.issues.filter((i) => i.code === 'bad_amount')).toHaveLength(1);
		expect(ctx.issues.filter((i) => i.code === 'figure_out_of_range')).toHaveLength(2);
		expect(ctx.issues.filter((i) => i.code === 'target_out_of_range')).toHaveLength(1);
	});

	it('reports a project table that lost its name', () => {
		const { out, ctx } = run(['项目编码\t\t\t项目名称\t', '绩效目标\t1. 目标'].join('\n'));
		expect(out.projects).toHaveLength(1);
		expect(ctx.issues.map((i) => i.code)).toContain('project_name_missing');
	});

	it('reports an unreadable amount with its line', () => {
		const { out, ctx } = run(
			[
				'项目编码\tC1\t项目名称\t甲',
				'预算规模及资金用途\t预算数\t十万\t其中：财政资金\t1\t其他资金\t'
			].join('\n')
		);
		expect(out.projects[0]?.amount).toBeNull();
		const issue = ctx.issues.find((i) => i.code === 'bad_amount');
		expect(issue?.source_line).toBe(2);
		expect(issue?.message).toContain('hostile.txt 第2行');
	});
});
