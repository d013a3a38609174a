import { describe, expect, it } from 'vitest';
import {
	isLevel2Like,
	isPlanRow,
	isProjectTitle,
	joinWrapped,
	kvKey,
	planCell,
	squash,
	stripTitle,
	unwrapCjk
} from './labels';

describe('performance labels', () => {
	it('squashes wrapped labels and unifies brackets', () => {
		expect(squash('资金支出计 划(%)')).toBe('资金支出计划（%）');
		expect(kvKey('其中：财政 资金')).toBe('fiscal');
		expect(kvKey('项目资金总额')).toBe('amount');
		expect(kvKey('项目名称以外')).toBeNull();
	});

	it('tells 二级指标 from names and 一级指标', () => {
		expect(isLevel2Like('数量指标')).toBe(true);
		expect(isLevel2Like('服务对象满意度 指标')).toBe(true);
		expect(isLevel2Like('成本指标')).toBe(true);
		expect(isLevel2Like('产出指标')).toBe(false);
		expect(isLevel2Like('标')).toBe(false);
		expect(isLevel2Like('60周岁以上农村籍退役士兵生活补助人均成本指标')).toBe(false);
	});

	it('classifies spending-plan cells', () => {
		expect(planCell('3 月底')).toEqual({ kind: 'label', label: '3月底' });
		expect(planCell('25%')).toEqual({ kind: 'percent', value: '25' });
		expect(planCell('12月底 100%')).toEqual({ kind: 'both', label: '12月底', value: '100' });
		expect(planCell('完成')).toBeNull();
		expect(isPlanRow(['资金支出计划（%）', '3月底', '', '6月底'])).toBe(true);
		expect(isPlanRow(['', '1. 完成'])).toBe(false);
		expect(isPlanRow(['', '', ''])).toBe(false);
	});

	it('recognizes and strips printed table titles', () => {
		expect(isProjectTitle('12、（上级）秦财社[2023]797号XX绩效目标表')).toBe(true);
		expect(isProjectTitle('部门整体绩效目标表')).toBe(false);
		expect(stripTitle('1. 服务中心建设工作经费绩效目标表')).toBe('服务中心建设工作经费');
	});

	it('joins wrapped text without spaces between CJK characters', () => {
		expect(joinWrapped('提升基层社会救助经', '办服务能力')).toBe('提升基层社会救助经办服务能力');
		expect(joinWrapped('abc', 'def')).toBe('abc def');
		expect(unwrapCjk('困难退役军 人中接受资 助')).toBe('困难退役军人中接受资助');
		expect(unwrapCjk('60 周岁\n以上')).toBe('60 周岁\n以上');
	});
});
