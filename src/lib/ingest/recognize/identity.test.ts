import { describe, expect, it } from 'vitest';
import { ParseContext } from '../context';
import { readText } from '../reader/text';
import { regionFromName } from './gazetteer';
import { recognizeIdentity } from './identity';

const identify = (text: string) =>
	recognizeIdentity(new ParseContext('t', readText('t.txt', text)));

describe('document identity', () => {
	it('reads a Hebei page header, wrapped over two lines, and the declared year', () => {
		const id = identify(
			[
				'2024 部门预算信息公开目录',
				'部门预算收支总表',
				'323 秦皇岛经济技术开发区民生保',
				'障局',
				'预算年',
				'度：2024',
				'单位：万元',
				'序号\t收入\t预算数',
				'323 秦皇岛经济技术开发区民生保障局',
				'预算年度：2024'
			].join('\n')
		);
		expect(id).toMatchObject({
			department_code: '323',
			department_name: '秦皇岛经济技术开发区民生保障局',
			region: '河北省秦皇岛市',
			fiscal_year: 2024,
			kind: 'budget',
			scope: 'department',
			layout: 'hebei',
			amount_unit: '万元'
		});
	});

	it('keeps a bracketed tag that is part of a Hebei header name', () => {
		const id = identify(
			[
				'部门预算收支总表',
				'100 【合成】秦皇岛市第一退役军人事务局',
				'预算年度：2024',
				'单位：万元'
			].join('\n')
		);
		expect(id).toMatchObject({
			department_code: '100',
			department_name: '【合成】秦皇岛市第一退役军人事务局',
			region: '河北省秦皇岛市'
		});
	});

	it('treats a 本级 unit as scope unit and strips 本级 from the name', () => {
		const id = identify(
			[
				'承德高新技术产业开发区',
				'2024 年部门预算绩效文本',
				'130001 承德高新技术产业开发区退役军人事务局本级',
				'项目名称\t双拥经费'
			].join('\n')
		);
		expect(id.department_code).toBe('130001');
		expect(id.department_name).toBe('承德高新技术产业开发区退役军人事务局');
		expect(id.scope).toBe('unit');
		expect(id.region).toBe('河北省承德市');
	});

	it('reads Shanghai labels, 元 as dominant unit and unit scope', () => {
		const id = identify(
			[
				'上海市2025年市级单位预算',
				'预算单位：上海市财政局',
				'2025年预算单位财务收支预算总表',
				'编制单位：上海市财政局 单位：元',
				'项目\t预算数',
				'2025年预算单位收入预算总表',
				'编制单位：上海市财政局 单位：元',
				'“三公”\t经费',
				'编制单位：上海市财政局 单位:万元'
			].join('\n')
		);
		expect(id).toMatchObject({
			department_name: '上海市财政局',
			region: '上海市',
			fiscal_year: 2025,
			scope: 'unit',
			layout: 'shanghai',
			amount_unit: '元'
		});
	});

	it('recognizes final accounts and Jiangsu labels', () => {
		const fin = identify('上海市普陀区财政局\n2024年度部门决算\n收入支出决算总表\n项目\t决算数');
		expect(fin.kind).toBe('final');
		expect(fin.region).toBe('上海市普陀区');
		const js = identify(
			'江苏省人大常委会办公厅2018年度部门\n公开 01表\n收支预算总表\n部门名称：江苏省人大\n单位:万元\n常委会办公厅\n收入\t支出\n部门名称：江苏省人大常委会办公厅 单位：万元'
		);
		expect(js).toMatchObject({
			department_name: '江苏省人大常委会办公厅',
			region: '江苏省',
			fiscal_year: 2018,
			layout: 'jiangsu'
		});
	});
});

describe('gazetteer', () => {
	it('derives regions from department names', () => {
		expect(regionFromName('秦皇岛经济技术开发区民生保障局')).toBe('河北省秦皇岛市');
		expect(regionFromName('上海市普陀区人民政府万里街道办事处')).toBe('上海市普陀区');
		expect(regionFromName('上海市规划和自然资源局')).toBe('上海市');
		expect(regionFromName('江苏省人大常委会办公厅')).toBe('江苏省');
		expect(regionFromName('苏州市财政局')).toBe('江苏省苏州市');
		expect(regionFromName('吉林省财政厅')).toBe('吉林省');
		expect(regionFromName('【合成】秦皇岛市第一退役军人事务局')).toBe('河北省秦皇岛市');
		expect(regionFromName('〔试点〕上海市普陀区商务委员会')).toBe('上海市普陀区');
		expect(regionFromName('某某局')).toBeNull();
		expect(regionFromName(null)).toBeNull();
	});
});
