/**
 * Hostile input for the single-document rules: huge tables, huge lines and
 * odd strings must give flags (or none), never a crash or a hang. The rule
 * code is linear or indexed; these documents would take minutes otherwise.
 */
import { describe, expect, it } from 'vitest';
import { runDocumentRules } from '../../src/lib/rules';
import { expenditure, indicator, makeDoc, project } from '../fixtures/rules/build';

describe('rules on hostile documents', () => {
	it('handle 20 000 classified rows and 5 000 indicators in one project', () => {
		const doc = makeDoc((t) => {
			t.expenditure_by_function.push(expenditure(null, 0, '1', '1', null, 1));
			for (let c = 0; c < 200; c++) {
				const cls = String(100 + c);
				t.expenditure_by_function.push(expenditure(cls, 1, '1', null, null, 2 + c));
				for (let k = 0; k < 99; k++)
					t.expenditure_by_function.push(
						expenditure(
							`${cls}${String(k).padStart(2, '0')}`,
							2,
							'0.01',
							null,
							null,
							1000 + c * 100 + k
						)
					);
			}
			t.projects.push(project(1, '10', { goals: '满意度达到99%。'.repeat(1000) }));
			for (let k = 0; k < 5000; k++)
				t.indicators.push(
					indicator(1, '服务对象满意度指标', `满意度${k}`, ['≥90%', '≥', '90', '%'])
				);
		});
		const r = runDocumentRules(doc);
		expect(r.failures).toEqual([]);
		// each 类 (0.01 × 99 = 0.99 against 1) is a residue; the 合计 (1 against 200) a gap
		expect(r.flags.filter((f) => f.rule_id === 'classified_rounding')).toHaveLength(200);
		expect(r.flags.filter((f) => f.rule_id === 'classified_gap')).toHaveLength(1);
		// the goals promise 99%: every one of the 5 000 satisfaction targets is below it
		expect(r.flags.filter((f) => f.rule_id === 'text_satisfaction_mismatch')).toHaveLength(5000);
	});

	it('handle a megabyte line of digits and odd characters', () => {
		const digits = '9'.repeat(1_000_000);
		const doc = makeDoc(
			(t) => {
				t.projects.push(
					project(1, '1', { project_name: '\u0000😀'.repeat(100), purpose: `${digits}万元` })
				);
				t.indicators.push(indicator(1, '成本指标', '\u0000', [digits, null, null, null]));
			},
			[`${digits} 万元`, '1,2,3,4,5,6,7,8,9,0'.repeat(50_000) + '万元', '']
		);
		const r = runDocumentRules(doc);
		expect(r.failures).toEqual([]);
		expect(r.flags.some((f) => f.rule_id === 'quantity_without_number')).toBe(false);
		for (const f of r.flags) expect(() => JSON.parse(f.evidence!)).not.toThrow();
	});
});
