import { describe, expect, it } from 'vitest';
import { buildTree, drill } from './hierarchy';

const rows = [
	{ code: null, name: '合计', level: 0 },
	{ code: '208', name: '社会保障和就业支出', level: 1 },
	{ code: '20801', name: '人力资源和社会保障管理事务', level: 2 },
	{ code: '2080101', name: '行政运行', level: 3 },
	{ code: '2080102', name: '一般行政管理事务', level: 3 },
	{ code: '210', name: '卫生健康支出', level: 1 },
	// 项 printed without its 款: hangs from the 类.
	{ code: '2100717', name: '计划生育服务', level: 3 }
];

describe('classification drill-down', () => {
	const tree = buildTree(rows);

	it('shows the 类 at the top, drillable where they have children', () => {
		const d = drill(tree, null);
		expect(d.path).toEqual([]);
		expect(d.children.map((r) => r.code)).toEqual(['208', '210']);
		expect([...d.drillable]).toEqual(['208', '210']);
	});

	it('drills into a 款 with a breadcrumb', () => {
		const d = drill(tree, '20801');
		expect(d.path.map((r) => r.code)).toEqual(['208', '20801']);
		expect(d.children.map((r) => r.code)).toEqual(['2080101', '2080102']);
		expect(d.drillable.size).toBe(0);
	});

	it('keeps orphans under the nearest printed ancestor', () => {
		expect(drill(tree, '210').children.map((r) => r.code)).toEqual(['2100717']);
	});

	it('falls back to the top for an unknown code', () => {
		expect(drill(tree, '999').children.map((r) => r.code)).toEqual(['208', '210']);
	});
});
