/**
 * Parsing rules of the financial-table recognizers, each on a small
 * hand-written fixture in the extraction format (tests/fixtures/ingest/financial).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText, type ParsedDocument } from '../../src/lib/ingest';

const fixture = (name: string): ParsedDocument =>
	parseText(
		name,
		readFileSync(path.resolve(process.cwd(), 'tests/fixtures/ingest/financial', name), 'utf8')
	);

const str = (d: { toFixed(n: number): string } | null | undefined) =>
	d === null || d === undefined ? null : d.toFixed(4);

describe('Hebei layout: wrapped rows, page breaks, split figures and codes', () => {
	const doc = fixture('hebei-wrapped.txt');
	const income = doc.tables.income_by_function;
	const byCode = (c: string | null) => income.find((r) => r.func_code === c);

	it('keeps every row: nothing unrecognized inside the tables', () => {
		const inTables = doc.issues.filter(
			(i) => i.code === 'unrecognized_row' && (i.source_line ?? 0) < 54
		);
		expect(inTables).toEqual([]);
		expect(doc.document.tables_found).toBe('income_by_function,three_public');
	});

	it('joins numbers split inside a cell and codes split by a space', () => {
		expect(str(byCode(null)?.total)).toBe('330.5000');
		expect(str(byCode('2080501')?.total)).toBe('60.0000');
		expect(byCode('2080501')?.level).toBe(3);
		expect(byCode('2080501')?.func_name).toBe('行政单位离退休');
	});

	it('appends a wrapped name and figure after a repeated page header', () => {
		const row = byCode('210');
		expect(row?.func_name).toBe('卫生健康支出');
		expect(str(row?.total)).toBe('230.5000');
		expect(str(row?.current_year)).toBe('230.5000');
		expect(byCode('21011')?.source_line).toBe(34);
	});

	it('maps columns by header label (本年收入/小计 → current_year)', () => {
		expect(str(byCode('208')?.current_year)).toBe('100.0000');
		expect(byCode('208')?.carryover).toBeNull();
		expect(byCode('20805')?.func_name).toBe('行政事业单位养老支出');
	});

	it('reads the row-wise 三公 table, taking the 小计 row as total', () => {
		const tp = Object.fromEntries(doc.tables.three_public.map((r) => [r.category, str(r.amount)]));
		expect(tp).toEqual({
			total: '9.7400',
			outbound_travel: null,
			vehicle_total: '8.0400',
			vehicle_purchase: null,
			vehicle_operation: '8.0400',
			reception: '1.7000'
		});
	});

	it('ignores table-of-contents rows and leaves rows after the table alone', () => {
		const reported = doc.issues
			.filter((i) => i.code === 'unrecognized_row')
			.map((i) => i.source_line);
		expect(reported).toEqual([56, 57]);
		expect(doc.accounting.rows_seen).toBe(
			doc.accounting.rows_stored + doc.accounting.rows_reported
		);
	});
});

describe('Shanghai layout: 元 tables, 类/款/项 columns, empty tables, contradicting notes', () => {
	const doc = fixture('shanghai-yuan.txt');

	it('converts 元 to 万元 exactly and builds codes from 类/款/项 columns', () => {
		const exp = doc.tables.expenditure_by_function;
		expect(exp.map((r) => [r.func_code, r.level, str(r.total)])).toEqual([
			['201', 1, '123.4567'],
			['20105', 2, '123.4567'],
			['2010507', 3, '123.4567'],
			[null, 0, '123.4567']
		]);
		expect(exp[3]?.func_name).toBe('合计');
		expect(str(exp[0]?.project)).toBe('23.4567');
	});

	it('pads a 款 printed without its leading zero (301 2 → 30102, 301 7 → 30107)', () => {
		const econ = doc.tables.basic_by_economic;
		expect(econ.find((r) => r.econ_name === '津贴补贴')?.econ_code).toBe('30102');
		expect(econ.find((r) => r.econ_name === '绩效工资')?.econ_code).toBe('30107');
		expect(doc.issues.filter((i) => i.code === 'code_name_mismatch')).toEqual([]);
		expect(str(econ.find((r) => r.econ_code === null)?.public)).toBe('10.0000');
	});

	it('produces no rows and no error for a table noted 本表为空表', () => {
		expect(doc.tables.appropriation_by_function).toEqual([]);
		expect(
			doc.issues.filter(
				(i) => i.severity !== 'info' && i.table_name === 'appropriation_by_function'
			)
		).toEqual([]);
		expect(doc.document.tables_found).toContain('appropriation_by_function');
	});

	it('keeps 三公 figures printed above an 空表 note and warns', () => {
		const tp = Object.fromEntries(doc.tables.three_public.map((r) => [r.category, str(r.amount)]));
		expect(tp.total).toBe('12.5000');
		expect(tp.vehicle_purchase).toBe('4.0000');
		expect(doc.tables.related_expenses).toMatchObject([{ category: 'admin_operation' }]);
		expect(str(doc.tables.related_expenses[0]?.amount)).toBe('88.8800');
		expect(
			doc.issues.some((i) => i.code === 'note_contradicts_figures' && i.severity === 'warning')
		).toBe(true);
	});

	it('stores every table row', () => {
		expect(doc.accounting.rows_reported).toBe(0);
		expect(doc.accounting.rows_stored).toBe(doc.accounting.rows_seen);
	});
});

describe('Jiangsu layout', () => {
	const doc = fixture('jiangsu-layout.txt');

	it('reads the three-group 收支预算总表 into income and expense lines', () => {
		const s = doc.tables.summary;
		expect(s.filter((r) => r.side === 'income').map((r) => r.item)).toEqual([
			'一、财政拨款',
			'1.一般公共预算',
			'收入合计'
		]);
		expect(s.filter((r) => r.side === 'expense').map((r) => [r.item, str(r.amount)])).toEqual([
			['一、一般公共服务支出', '80.0000'],
			['一、基本支出', '70.0000'],
			['二、住房保障支出', '20.0000'],
			['二、项目支出', '30.0000'],
			['支出合计', '100.0000']
		]);
		expect(s.filter((r) => r.side === 'expense').map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
	});

	it('turns the income-by-source table into one level-0 income row', () => {
		expect(doc.tables.income_by_function).toHaveLength(1);
		const r = doc.tables.income_by_function[0];
		expect([
			r?.level,
			str(r?.total),
			str(r?.fiscal_appropriation),
			str(r?.business_income)
		]).toEqual([0, '100.0000', '95.0000', '5.0000']);
	});

	it('stores the totals-only 支出预算总表 as level 0', () => {
		expect(
			doc.tables.expenditure_by_function.map((r) => [
				r.level,
				str(r.total),
				str(r.basic),
				str(r.project)
			])
		).toEqual([[0, '100.0000', '70.0000', '25.0000']]);
	});

	it('reads 三公, 会议费 and 培训费 columns', () => {
		const tp = Object.fromEntries(doc.tables.three_public.map((r) => [r.category, str(r.amount)]));
		expect(tp).toMatchObject({
			total: '20.0000',
			outbound_travel: '5.0000',
			reception: '5.0000',
			vehicle_operation: '10.0000'
		});
		expect(doc.tables.related_expenses.map((r) => [r.category, str(r.amount)])).toEqual([
			['meeting', '6.0000'],
			['training', '4.0000']
		]);
	});

	it('stores procurement items, also when a page break dropped the leading cell', () => {
		expect(doc.tables.procurement.map((r) => [r.project_name, r.item_name, str(r.amount)])).toEqual(
			[
				['办公设备购置费', '台式计算机', '8.0000'],
				['办公设备购置费', '便携式计算机', '4.0000']
			]
		);
		expect(doc.issues.filter((i) => i.code === 'sum_mismatch')).toEqual([]);
	});
});

describe('figures without decimals or separators', () => {
	it('reads an all-integer 三公 row and 元 totals printed without separators', () => {
		const text = [
			'2024年部门财务收支预算总表',
			'编制部门：某某局 单位：元',
			'本年收入\t\t本年支出\t',
			'项目\t预算数\t项目\t预算数',
			'收入总计\t156211123\t支出总计\t156211123',
			'',
			'部门“三公”经费和机关运行经费预算表',
			'编制部门：某某局 单位:万元',
			'“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数',
			'合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t',
			'\t\t\t小计\t购置费\t运行费\t',
			'1\t2\t3\t4\t5\t6\t7',
			'30\t0\t0\t30\t0\t30\t500'
		].join('\n');
		const doc = parseText('integers.txt', text);
		expect(doc.tables.summary.map((r) => [r.side, r.item, str(r.amount)])).toEqual([
			['income', '收入总计', '15621.1123'],
			['expense', '支出总计', '15621.1123']
		]);
		const tp = Object.fromEntries(doc.tables.three_public.map((r) => [r.category, str(r.amount)]));
		expect(tp).toMatchObject({
			total: '30.0000',
			vehicle_total: '30.0000',
			vehicle_operation: '30.0000'
		});
		expect(str(doc.tables.related_expenses[0]?.amount)).toBe('500.0000');
		expect(doc.accounting.rows_reported).toBe(0);
	});
});

describe('code and name in one cell', () => {
	it('splits `2010101 行政运行` into code and name', () => {
		const text = [
			'一般公共预算支出预算表（功能科目）',
			'部门：某某厅\t\t单位：万元',
			'功能科目代码\t功能科目名称\t金额',
			'\t合计\t3.00',
			'201 一般公共服务支出\t\t3.00',
			'20101 人大事务\t\t3.00',
			'2010101 行政运行\t\t3.00'
		].join('\n');
		const doc = parseText('joined.txt', text);
		expect(
			doc.tables.appropriation_by_function.map((r) => [
				r.func_code,
				r.func_name,
				r.level,
				str(r.total)
			])
		).toEqual([
			[null, '合计', 0, '3.0000'],
			['201', '一般公共服务支出', 1, '3.0000'],
			['20101', '人大事务', 2, '3.0000'],
			['2010101', '行政运行', 3, '3.0000']
		]);
		expect(doc.accounting.rows_reported).toBe(0);
	});
});

describe('bad input', () => {
	const doc = fixture('bad-input.txt');

	it('reports a garbled amount and a bad code naming document, table and line, and goes on', () => {
		const amount = doc.issues.find((i) => i.code === 'bad_amount');
		expect(amount?.source_line).toBe(10);
		expect(amount?.message).toContain('bad-input.txt 第10行 (appropriation_by_function)');
		expect(amount?.raw).toContain('12.3.4');
		const code = doc.issues.find((i) => i.code === 'bad_code');
		expect(code?.source_line).toBe(11);
		expect(doc.tables.appropriation_by_function.map((r) => r.func_code)).toEqual([
			null,
			'210',
			'21011',
			'2130804'
		]);
	});

	it('flags a code whose parent is not in the table', () => {
		const orphan = doc.issues.find((i) => i.code === 'orphan_code');
		expect(orphan?.source_line).toBe(14);
		expect(orphan?.message).toContain('21308');
	});

	it('flags parents that do not add up', () => {
		const mismatch = doc.issues.filter((i) => i.code === 'sum_mismatch').map((i) => i.source_line);
		expect(mismatch).toContain(12);
	});

	it('does not glue two complete figures into one, and reports the stray one', () => {
		const text = [
			'部门预算一般公共预算财政拨款基本支出表',
			'单位：万元',
			'序号\t科目编码\t科目名称\t合计',
			'1\t\t合计\t7,666.68',
			'\t\t\t2,928.98',
			'2\t301\t工资福利支出\t7,666.68'
		].join('\n');
		const parsed = parseText('glue.txt', text);
		expect(parsed.tables.basic_by_economic.map((r) => [r.econ_code, str(r.total)])).toEqual([
			[null, '7666.6800'],
			['301', '7666.6800']
		]);
		expect(parsed.issues.find((i) => i.source_line === 5)?.raw).toContain('2,928.98');
	});

	it('never crashes on arbitrary tab-separated noise', () => {
		const noise = [
			'部门预算支出总表',
			'单位：元',
			'序号\t\t\t',
			'\t\t\t',
			'1\t\t合计\t(',
			'\t\t\t9'
		];
		for (let i = 0; i < 50; i++)
			noise.push(`${i}\t${'2'.repeat(i % 9)}\t名称${i}\t${i}.${i}\t,\t-`);
		const parsed = parseText('noise.txt', noise.join('\n'));
		expect(parsed.accounting.rows_seen).toBe(
			parsed.accounting.rows_stored + parsed.accounting.rows_reported
		);
	});
});
