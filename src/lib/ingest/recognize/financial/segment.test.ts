import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../context';
import { readText } from '../../reader/text';
import { isPageFurniture, segmentTables } from './segment';

const segments = (text: string, dept: string | null = null) =>
	segmentTables(new ParseContext('t', readText('t.txt', text)), dept);

describe('page furniture between pages of a table', () => {
	it('accepts department headers, wrapped pieces, years, units and page numbers', () => {
		const dept = '秦皇岛经济技术开发区民生保障局';
		for (const t of [
			'323 秦皇岛经济技术开发区民生保障局',
			'障局',
			'保障局 度：2024',
			'预算年',
			'度：2024',
			'预算年度：2024',
			'2024',
			'单位：万元',
			'─ 6 ─',
			'17'
		])
			expect(isPageFurniture(t, dept), t).toBe(true);
		expect(isPageFurniture('常委会办公厅')).toBe(true);
	});

	it('treats any other line, even a short heading, as the end of the table', () => {
		for (const t of ['其他相关情况说明', '项目经费情况说明', '一、部门职责', '名词解释'])
			expect(isPageFurniture(t, '某某局'), t).toBe(false);
	});
});

describe('segmentTables', () => {
	it('skips a table of contents and stops a table at a short heading', () => {
		const segs = segments(
			[
				'目 录',
				'一、收支预算总表',
				'二、收入预算总表',
				'收入预算总表',
				'单位：万元',
				'项目\t金额',
				'收入总计\t1.00',
				'名词解释',
				'项目名称\t说明',
				'某项目\t文字'
			].join('\n')
		);
		expect(segs.map((s) => [s.titleLine, s.match.family, s.declaredUnit])).toEqual([
			[4, 'income', '万元']
		]);
		expect(segs[0]?.rows.map((r) => r.line.no)).toEqual([6, 7]);
	});

	it('warns about a unit it cannot convert', () => {
		const ctx = new ParseContext(
			't',
			readText('t.txt', '部门预算支出总表\n单位：亿元\n项目\t金额\n合计\t1.00')
		);
		segmentTables(ctx);
		expect(ctx.issues.map((i) => [i.code, i.source_line])).toEqual([['unit_unsupported', 2]]);
	});

	it('stops at another table title printed as a row', () => {
		const segs = segments(
			[
				'部门“三公”经费和机关运行经费预算表',
				'编制部门：某某局 单位:万元',
				'合计\t因公出国(境)费',
				'1.00\t0',
				'财政项目支出绩效目标填报表\t\t\t',
				'项目名称\t某项目\t项目性质\t经常性项目'
			].join('\n'),
			'某某局'
		);
		expect(segs[0]?.rows.map((r) => r.line.no)).toEqual([3, 4]);
	});

	it('keeps a table open across a page break and records each page unit', () => {
		const segs = segments(
			[
				'部门预算支出总表',
				'901 某某局',
				'单位：元',
				'序号\t科目编码\t科目名称\t合计',
				'1\t201\t一般公共服务支出\t10,000',
				'─ 2 ─',
				'901 某某局',
				'单位：万元',
				'2\t20101\t人大事务\t1.00',
				'注：本表为空表。',
				'3\t20102\t其他\t1.00'
			].join('\n'),
			'某某局'
		);
		expect(segs[0]?.rows.map((r) => [r.line.no, r.unit])).toEqual([
			[4, '元'],
			[5, '元'],
			[9, '万元']
		]);
		expect(segs[0]?.notes.map((n) => n.line)).toEqual([10]);
	});
});
