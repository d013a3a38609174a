import { describe, expect, it } from 'vitest';
import { departmentKey, normalizeDepartmentName } from './department-key';

describe('departmentKey', () => {
	it('keeps a complete published name as it is', () => {
		expect(departmentKey('上海市普陀区财政局', '上海市普陀区')).toBe('上海市普陀区财政局');
		expect(departmentKey('江苏省人大常委会办公厅', '江苏省')).toBe('江苏省人大常委会办公厅');
	});

	it('prefixes the region, merging the overlap', () => {
		expect(
			departmentKey('秦皇岛经济技术开发区民生保障局', '河北省秦皇岛市秦皇岛经济技术开发区')
		).toBe('河北省秦皇岛市秦皇岛经济技术开发区民生保障局');
		expect(departmentKey('退役军人事务局', '河北省承德市')).toBe('河北省承德市退役军人事务局');
	});

	it('drops whitespace, full-width brackets and 本级/部门 qualifiers', () => {
		const variants = [
			'上海市普陀区 财政局',
			'上海市普陀区财政局（本级）',
			'上海市普陀区财政局本级',
			'上海市普陀区财政局部门',
			'上海市普陀区财政局(部门预算)'
		];
		for (const v of variants)
			expect(departmentKey(v, '上海市普陀区'), v).toBe('上海市普陀区财政局');
		expect(normalizeDepartmentName('ＸＸ局 （汇总）')).toBe('XX局');
	});

	it('keeps distinct departments distinct and names no department as null', () => {
		expect(departmentKey('财政局', '上海市普陀区')).not.toBe(departmentKey('财政局', '上海市'));
		expect(departmentKey(null, '上海市')).toBeNull();
		expect(departmentKey('  ', null)).toBeNull();
		// A short name keeps a suffix that is part of it.
		expect(normalizeDepartmentName('宣传部')).toBe('宣传部');
	});
});
