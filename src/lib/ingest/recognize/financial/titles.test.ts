import { describe, expect, it } from 'vitest';
import { cleanTitle, matchTitle } from './titles';

const family = (t: string) => matchTitle(t)?.family ?? null;

describe('standard table titles', () => {
	it('reads Hebei titles', () => {
		expect(family('部门预算收支总表')).toBe('summary');
		expect(family('部门预算收入总表')).toBe('income');
		expect(family('部门预算支出总表')).toBe('expenditure');
		expect(family('部门预算财政拨款收支总表')).toBe('appropriation_summary');
		expect(matchTitle('部门预算一般公共预算财政拨款支出表')).toMatchObject({
			family: 'appropriation',
			fund: 'general'
		});
		expect(family('部门预算一般公共预算财政拨款基本支出表')).toBe('basic_economic');
		expect(matchTitle('部门预算政府性基金预算财政拨款支出表')?.fund).toBe('gov_fund');
		expect(matchTitle('部门预算国有资本经营预算财政拨款支出表')?.fund).toBe('soe_capital');
		expect(family('部门预算财政拨款“三公”经费支出表')).toBe('three_public');
		expect(family('部门政府采购预算')).toBe('procurement');
		expect(family('部门固定资产占用情况表')).toBe('assets');
	});

	it('reads Shanghai titles, including the 预算单位 forms', () => {
		expect(family('2024年部门财务收支预算总表')).toBe('summary');
		expect(family('2024年部门收入预算总表')).toBe('income');
		expect(family('2024年部门支出预算总表')).toBe('expenditure');
		expect(family('2024年部门财政拨款收支预算总表')).toBe('appropriation_summary');
		expect(family('2024年部门一般公共预算支出功能分类预算表')).toBe('appropriation');
		expect(family('2024年部门一般公共预算基本支出部门预算经济分类预算表')).toBe('basic_economic');
		expect(family('部门“三公”经费和机关运行经费预算表')).toBe('three_public');
		expect(family('2025年预算单位财务收支预算总表')).toBe('summary');
		expect(family('2025年单位“三公”经费和机关运行经费预算表')).toBe('three_public');
	});

	it('reads Jiangsu titles with their table numbers', () => {
		expect(family('公开 01表 收支预算总表')).toBe('summary');
		expect(matchTitle('公开06表 财政拨款基本支出预算表（经济科目）')).toMatchObject({
			family: 'basic_economic',
			fund: 'all'
		});
		expect(matchTitle('财政拨款支出预算表（功能科目）')?.fund).toBe('all');
		expect(matchTitle('一般公共预算支出预算表（功能科目）')?.fund).toBe('general');
		expect(family('一般公共预算“三公”经费、会议费、培训费支出预算表')).toBe('three_public');
		expect(family('一般公共预算机关运行经费支出预算表')).toBe('admin_operation');
		expect(family('政府采购支出预算表')).toBe('procurement');
		expect(cleanTitle('收支预算总表 公开表一 部门： 江苏省人大常委会办公厅 单位：万元')).toBe(
			'收支预算总表'
		);
	});

	it('reads final-account titles', () => {
		expect(family('收入支出决算总表')).toBe('summary');
		expect(family('财政拨款收入支出决算总表')).toBe('appropriation_summary');
		expect(family('一般公共预算财政拨款支出决算表')).toBe('appropriation');
	});

	it('ignores narrative headings and performance tables', () => {
		expect(matchTitle('八、政府采购预算情况')).toBeNull();
		expect(matchTitle('详见政府采购预算表')).toBeNull();
		expect(matchTitle('已按要求列入政府采购预算，详见政府采购预算表')).toBeNull();
		expect(matchTitle('17、北医三院人员工资和保险费用绩效目标表')).toBeNull();
		expect(matchTitle('四、财政拨款“三公”经费预算情况及增减变化原因')).toBeNull();
		expect(
			matchTitle('2024年支出预算6473.03万元，其中基本支出4005.78万元，包括人员经费')
		).toBeNull();
	});
});
