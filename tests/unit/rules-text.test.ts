import { describe, expect, it } from 'vitest';
import { documentFlags, runDocumentRules } from '../../src/lib/rules';
import { commonLength } from '../../src/lib/rules/text';
import { RULES } from '../../src/lib/rules/catalogue';
import { indicator, makeDoc, project } from '../fixtures/rules/build';
import type { ParsedDocument } from '../../src/lib/ingest/model';

const only = (doc: ParsedDocument, rule: string) =>
	documentFlags(doc).filter((f) => f.rule_id === rule);

describe('text that contradicts the tables', () => {
	it('text_amount_mismatch: 预算数 in the purpose vs the table amount', () => {
		const make = (amount: string) =>
			makeDoc((t) =>
				t.projects.push(
					project(1, amount, { purpose: '预算数 7.58 万元。其中：财政资金 7.58 万元' })
				)
			);
		const flags = only(make('10.7'), 'text_amount_mismatch');
		expect(flags).toHaveLength(1);
		expect(JSON.parse(flags[0]!.evidence!)).toMatchObject({
			text_amount: '7.58',
			table_amount: '10.7'
		});
		expect(only(make('7.58'), 'text_amount_mismatch')).toEqual([]);
	});

	it('text_amount_mismatch: an amount in the goals that the table rounded is an info flag', () => {
		const make = (amount: string, goals: string) =>
			makeDoc((t) => t.projects.push(project(1, amount, { goals })));
		const rounded = only(make('4.68', '用于小额贷款担保奖励4.675万元'), 'text_amount_mismatch');
		expect(rounded.map((f) => f.severity)).toEqual(['info']);
		// an amount of another order (a sub-item) is not compared
		expect(only(make('100', '其中购置设备 3 万元'), 'text_amount_mismatch')).toEqual([]);
		expect(only(make('4.675', '奖励4.675万元'), 'text_amount_mismatch')).toEqual([]);
	});

	it('text_satisfaction_mismatch: goals promise 95%, the indicator says ≥90%', () => {
		const make = (target: string) =>
			makeDoc((t) => {
				t.projects.push(project(1, '10', { goals: '服务对象满意度达到95%以上。' }));
				t.indicators.push(
					indicator(1, '服务对象满意度指标', '服务对象满意度', [`≥${target}%`, '≥', target, '%'])
				);
			});
		expect(only(make('90'), 'text_satisfaction_mismatch')).toHaveLength(1);
		expect(only(make('95'), 'text_satisfaction_mismatch')).toEqual([]);
	});

	it('text_satisfaction_mismatch: the indicator name itself promises more than its target', () => {
		const doc = makeDoc((t) => {
			t.projects.push(project(1, '10'));
			t.indicators.push(
				indicator(1, '服务对象满意度指标', '通过调查了解慰问对象满意率95%以上', [
					'≥90%',
					'≥',
					'90',
					'%'
				])
			);
		});
		expect(only(doc, 'text_satisfaction_mismatch')).toHaveLength(1);
	});

	it('text_satisfaction_mismatch: a department section promise vs the matching project', () => {
		const doc = makeDoc((t) => {
			t.projects.push(
				project(1, '210', { project_name: '退役士兵一次性经济补助' }),
				project(2, '5', { project_name: '信访接访专项' })
			);
			t.indicators.push(
				indicator(null, '退役士兵一次性经济补助', '服务对象满意度', ['达95%以上', '≥', '95', '%']),
				indicator(1, '服务对象满意度指标', '退役士兵满意度', ['≥90%', '≥', '90', '%']),
				indicator(2, '服务对象满意度指标', '信访群众满意度', ['≥90%', '≥', '90', '%'])
			);
		});
		const flags = only(doc, 'text_satisfaction_mismatch');
		expect(flags.map((f) => f.project_code)).toEqual(['P1']);
	});

	it('text_count_mismatch: head counts in goals that match no 数量指标', () => {
		const make = (n: string) =>
			makeDoc((t) => {
				t.projects.push(project(1, '10', { goals: '安置退役军人 31 人。' }));
				t.indicators.push(indicator(1, '数量指标', '安置人数', [`${n} 人`, null, n, '人']));
			});
		expect(only(make('25'), 'text_count_mismatch')).toHaveLength(1);
		expect(only(make('31'), 'text_count_mismatch')).toEqual([]);
	});

	it('commonLength finds the longest common run', () => {
		expect(commonLength('加强一体化平台云视频设备的使用管理', '一体化平台云视频服务费')).toBe(8);
		expect(commonLength('', 'abc')).toBe(0);
	});
});

describe('boilerplate', () => {
	it('identical_indicator_sets flags the second of two projects with the same indicators', () => {
		const set = (seq: number) => [
			indicator(seq, '数量指标', '人数', ['5人', null, '5', '人']),
			indicator(seq, '质量指标', '发放率', ['100%', null, '100', '%']),
			indicator(seq, '服务对象满意度指标', '满意度', ['≥90%', '≥', '90', '%'])
		];
		const doc = makeDoc((t) => {
			t.projects.push(project(1, '10'), project(2, '20'), project(3, '30'));
			t.indicators.push(
				...set(1),
				...set(2),
				...set(3).slice(0, 2),
				indicator(3, '数量指标', '户数', ['3户', null, '3', '户'])
			);
		});
		const flags = only(doc, 'identical_indicator_sets');
		expect(flags.map((f) => f.project_code)).toEqual(['P2']);
		expect(JSON.parse(flags[0]!.evidence!).same_as_seq).toBe(1);
	});

	it('copied_text flags a purpose naming another project instead of its own subject', () => {
		const doc = makeDoc((t) =>
			t.projects.push(
				project(1, '10', { project_name: '城市社会救济慰问支出', purpose: '用于城市社会救济慰问' }),
				project(2, '10', {
					project_name: '农村特困人员供养支出',
					purpose: '城市社会救济慰问支出，春节慰问'
				}),
				project(3, '10', { project_name: '征兵工作经费', purpose: '征兵工作经费' })
			)
		);
		expect(only(doc, 'copied_text').map((f) => f.project_code)).toEqual(['P2']);
	});
});

describe('the engine', () => {
	it('every catalogue rule has an id, title, explanation and a known family', () => {
		const ids = RULES.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const r of RULES) {
			expect(r.title.length).toBeGreaterThan(2);
			expect(r.explanation.length).toBeGreaterThan(10);
			expect(['target', 'unit', 'sum', 'text', 'peer', 'boilerplate']).toContain(r.family);
		}
	});

	it('an empty document gives no flags and no failures', () => {
		expect(runDocumentRules(makeDoc())).toEqual({ flags: [], failures: [] });
	});

	it('a rule group that throws is reported and the others still run', () => {
		const doc = makeDoc((t) => {
			t.indicators.push(indicator(null, '质量指标', '合格率', ['120%', null, '120', '%']));
			// a malformed record from hostile input: name missing
			t.projects.push({ ...project(1, '10'), project_name: undefined as unknown as string });
		});
		const r = runDocumentRules(doc);
		expect(r.failures.length).toBeGreaterThan(0);
		expect(r.flags.some((f) => f.rule_id === 'rate_over_100')).toBe(true);
	});
});

describe('department goals against project indicators', () => {
	it('text_target_mismatch: a rate promised by the department above the project target of the same name', () => {
		const make = (target: string) =>
			makeDoc((t) => {
				t.projects.push(project(1, '5', { project_name: '信访接访专项' }));
				t.indicators.push(
					indicator(null, '做好退役军人信访接访权益维护工作', '确保信访事项按时答复率', [
						'95%以上',
						'≥',
						'95',
						'%'
					]),
					indicator(1, '时效指标', '信访事项按时答复率', [`${target}%`, null, target, '%']),
					indicator(1, '质量指标', '资金到位率', ['80%', null, '80', '%'])
				);
			});
		const flags = only(make('90'), 'text_target_mismatch');
		expect(flags).toHaveLength(1);
		expect(JSON.parse(flags[0]!.evidence!)).toMatchObject({
			department_value: '95',
			target_value: '90'
		});
		expect(only(make('95'), 'text_target_mismatch')).toEqual([]);
	});
});
