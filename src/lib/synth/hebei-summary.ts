/**
 * 部门预算收支总表 of a synthetic Hebei document: income items on the left,
 * the 31 national expenditure categories on the right (amounts where the
 * department spends), 本年收入合计 / 本年支出合计, carry-over and 总计 rows that
 * balance, paged like the real table. Injection `summaryItem`: one expense
 * item printed 1.00 too high, so the items no longer sum to 本年支出合计
 * (summary_total_mismatch, flagged at the 合计 line).
 */
import type { Ctx } from './hebei';
import type { DepartmentPlan } from './plan';
import { money } from './text-builder';

const CATEGORIES = [
	'一般公共服务支出',
	'外交支出',
	'国防支出',
	'公共安全支出',
	'教育支出',
	'科学技术支出',
	'文化旅游体育与传媒支出',
	'社会保障和就业支出',
	'社会保险基金支出',
	'卫生健康支出',
	'节能环保支出',
	'城乡社区支出',
	'农林水支出',
	'交通运输支出',
	'资源勘探工业信息等支出',
	'商业服务业等支出',
	'金融支出',
	'援助其他地区支出',
	'自然资源海洋气象等支出',
	'住房保障支出',
	'粮油物资储备支出',
	'国有资本经营预算支出',
	'灾害防治及应急管理支出',
	'预备费',
	'其他支出',
	'转移性支出',
	'债务还本支出',
	'债务付息支出',
	'债务发行费用支出',
	'抗疫特别国债安排的支出',
	'人行科目'
];

const INCOME = [
	'一般公共预算拨款收入',
	'政府性基金预算拨款收入',
	'国有资本经营预算拨款收入',
	'财政专户管理资金收入',
	'单位资金'
];

const NUMERALS = '一二三四五六七八九十';
/** 1 → 一, 12 → 十二, 21 → 二十一, 30 → 三十. */
function numeral(n: number): string {
	const tens = Math.floor(n / 10);
	const ones = n % 10;
	const t = tens === 0 ? '' : tens === 1 ? '十' : `${NUMERALS[tens - 1]}十`;
	return `${t}${ones === 0 ? '' : NUMERALS[ones - 1]}`;
}

/** Returns the carry-over (上年结转结余) it printed, for the 收入总表. */
export function summaryTable(c: Ctx, plan: DepartmentPlan, summaryItem: boolean): number {
	const total = plan.basicTotal + plan.projectTotal;
	const byName = new Map(
		plan.func.filter((f) => f.level === 1).map((f) => [f.name, f.basic + f.project])
	);
	// Part of the money is last year's carry-over; a little is government-fund income.
	const carry = Math.floor(total * (c.prng.next() * 0.05));
	const govFund = c.prng.chance(0.3) ? c.prng.int(1, 500) : 0;
	const general = total - carry - govFund;
	const income = [general, govFund, 0, 0, 0];
	const spent = CATEGORIES.map((n) => byName.get(n) ?? 0);
	const nonZero = spent.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
	const bumped = summaryItem && nonZero.length > 0 ? c.prng.pick(nonZero) : -1;

	c.b.line('部门预算收支总表');
	c.b.line();
	const headers = [
		['序号', '收入', '', '支出', ''],
		['', '项 目', '预算数', '项 目', '预算数'],
		['栏次', '1', '2', '3', '4']
	];
	const fig = (side: string, item: string, v: number, line: number) => {
		if (v !== 0)
			c.truth.push({
				kind: 'figure',
				doc: c.doc,
				table: 'summary',
				key: `${side}|${item}`,
				column: 'amount',
				value: money(v),
				line
			});
	};
	const rows = CATEGORIES.length + 3;
	for (let i = 0; i < rows; i++) {
		if (i % 12 === 0) {
			if (i > 0) c.b.line();
			c.b.line(`${c.id.code} ${c.id.name}`);
			c.b.line();
			c.b.line(`预算年度：${c.id.year}`);
			c.b.line();
			c.b.line('单位：万元');
			c.b.line();
			for (const h of headers) c.b.row(h);
		}
		const seq = String(i + 1);
		if (i < CATEGORIES.length) {
			const inc = INCOME[i];
			const incItem = inc ? `${numeral(i + 1)}、${inc}` : '';
			const incV = inc ? (income[i] ?? 0) : 0;
			const expItem = `${numeral(i + 1)}、${CATEGORIES[i]}`;
			const expV = (spent[i] ?? 0) + (i === bumped ? 100 : 0);
			const line = c.b.row([
				seq,
				incItem,
				incV ? money(incV) : '',
				expItem,
				expV ? money(expV) : ''
			]);
			if (inc) fig('income', incItem, incV, line);
			fig('expense', expItem, expV, line);
		} else if (i === CATEGORIES.length) {
			const line = c.b.row([
				seq,
				'本年收入合计',
				money(total - carry),
				'本年支出合计',
				money(total)
			]);
			fig('income', '本年收入合计', total - carry, line);
			fig('expense', '本年支出合计', total, line);
			if (bumped >= 0)
				c.truth.push({
					kind: 'anomaly',
					doc: c.doc,
					rule: 'summary_total_mismatch',
					table: 'summary',
					line,
					note: `${CATEGORIES[bumped]} printed 1.00 above the 类 total`
				});
		} else if (i === CATEGORIES.length + 1) {
			const line = c.b.row([seq, '上年结转结余', carry ? money(carry) : '', '年终结转结余', '']);
			fig('income', '上年结转结余', carry, line);
		} else {
			const line = c.b.row([seq, '收入总计', money(total), '支出总计', money(total)]);
			fig('income', '收入总计', total, line);
			fig('expense', '支出总计', total, line);
		}
	}
	c.b.line();
	return carry;
}
