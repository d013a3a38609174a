import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../context';
import { readText } from '../../reader/text';
import { SpendingPlanBuilder } from './spending-plan';

function build(rows: string[][]) {
	const ctx = new ParseContext('t', readText('plan.txt', rows.map((r) => r.join('\t')).join('\n')));
	const b = new SpendingPlanBuilder(ctx, 't');
	rows.forEach((r, i) => b.addRow(i + 1, r));
	const recs = b
		.records(1)
		.map((r) => `${r.period}=${r.percent?.toString() ?? '-'}@${r.source_line}`);
	return { recs, issues: ctx.issues.map((i) => i.code) };
}

describe('SpendingPlanBuilder', () => {
	it('pairs percents with the label in the same column', () => {
		expect(
			build([
				['资金支出计划（%）', '3月底', '', '6月底', '', '10月底'],
				['', '', '', '20%', '', '30%'],
				['', '', '', '', '12月底', '', '100%']
			]).recs
		).toEqual(['3月底=-@1', '6月底=20@2', '10月底=30@2', '12月底=100@3']);
	});

	it('reads a label and percent in one cell, or in the first columns', () => {
		expect(
			build([
				['资金支出计划', '3月底', '6月底'],
				['', '', '', '', '', '12月底 100%']
			]).recs
		).toEqual(['3月底=-@1', '6月底=-@1', '12月底=100@2']);
		expect(build([['12月底', '100%', '', '']]).recs).toEqual(['12月底=100@1']);
	});

	it('stores a repeated block once and reports a conflicting one', () => {
		const same = build([
			['资金支出计划', '3月底', '6月底'],
			['', '25%', '50%'],
			['资金支出计划', '3月底', '6月底'],
			['', '25%', '50%']
		]);
		expect(same.recs).toEqual(['3月底=25@2', '6月底=50@2']);
		expect(same.issues).toEqual([]);
		const conflict = build([
			['资金支出计划', '3月底'],
			['', '25%'],
			['', '30%']
		]);
		expect(conflict.recs).toEqual(['3月底=25@2']);
		expect(conflict.issues).toEqual(['plan_conflict']);
	});

	it('keeps but reports a percent above 100', () => {
		const r = build([
			['资金支出计划', '3月底'],
			['', '250%']
		]);
		expect(r.recs).toEqual(['3月底=250@2']);
		expect(r.issues).toEqual(['plan_percent_out_of_range']);
	});

	it('reports a percent with no label instead of guessing', () => {
		const r = build([['', '', '50%']]);
		expect(r.recs).toEqual([]);
		expect(r.issues).toEqual(['plan_percent_unmatched']);
	});
});
