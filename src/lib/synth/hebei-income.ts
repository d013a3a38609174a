/**
 * 部门预算收入总表 of a synthetic Hebei document: the functional tree with
 * 合计 = 小计 (all current-year income is 财政拨款收入) + 上年结转. The
 * carry-over printed in the 收支总表 is spread over the 项 rows in
 * proportion to their totals (remainder on the largest), and 款/类/合计 rows
 * are the sums of their children, so both tables agree exactly.
 */
import type { Ctx } from './hebei';
import type { DepartmentPlan } from './plan';
import { money, splitNumber, wrapNarrow } from './text-builder';

const ROWS_PER_PAGE = 8;

export function incomeTable(c: Ctx, plan: DepartmentPlan, carry: number): void {
	const total = plan.basicTotal + plan.projectTotal;
	const items = plan.func.filter((f) => f.level === 3);
	const carries = items.map((f) => Math.floor(((f.basic + f.project) * carry) / total));
	let largest = 0;
	items.forEach((f, i) => {
		const best = items[largest] as (typeof items)[number];
		if (f.basic + f.project > best.basic + best.project) largest = i;
	});
	carries[largest] = (carries[largest] ?? 0) + carry - carries.reduce((a, b) => a + b, 0);
	const carryOf = new Map(items.map((f, i) => [f.code, carries[i] ?? 0]));
	// Parents: sums of their children.
	const rows = plan.func.map((f) => ({ ...f, total: f.basic + f.project, carry: 0 }));
	for (const r of rows) if (r.level === 3) r.carry = carryOf.get(r.code) ?? 0;
	for (const r of rows)
		if (r.level !== 3)
			r.carry = rows
				.filter((x) => x.level === 3 && x.code.startsWith(r.code))
				.reduce((s, x) => s + x.carry, 0);
	const all = [{ code: '', name: '合计', level: 0, total, carry }, ...rows];

	c.b.line('部门预算收入总表');
	c.b.line();
	const headers = [
		['序号', '功能分类科目', '', '合计', '本年收入', '', '', '', '', '', '', '', '上年结转'],
		[
			'',
			'科目编码',
			'科目名称',
			'',
			'小计',
			'财政拨款收入',
			'财政专户收入',
			'事业收入',
			'经营收入',
			'上级补助收入',
			'附属单位上缴收入',
			'其他收入',
			''
		],
		['栏次', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']
	];
	const amt = (v: number, narrow: boolean) =>
		v === 0 ? '' : narrow ? splitNumber(money(v)) : money(v);
	let seq = 0;
	for (let start = 0; start < all.length; start += ROWS_PER_PAGE) {
		if (start > 0) c.b.line();
		c.b.line(`${c.id.code} ${c.id.name}`);
		c.b.line();
		c.b.line(`预算年度：${c.id.year}`);
		c.b.line();
		c.b.line('单位：万元');
		c.b.line();
		for (const h of headers) c.b.row(h);
		const narrow = c.prng.chance(0.3);
		for (const r of all.slice(start, start + ROWS_PER_PAGE)) {
			seq++;
			const current = r.total - r.carry;
			const line = c.b.row([
				String(seq),
				narrow ? splitNumber(r.code) : r.code,
				narrow ? wrapNarrow(r.name, 2) : r.name,
				amt(r.total, narrow),
				amt(current, narrow),
				amt(current, narrow),
				'',
				'',
				'',
				'',
				'',
				'',
				amt(r.carry, narrow)
			]);
			const key = r.code === '' ? '合计' : r.code;
			for (const [column, v] of [
				['total', r.total],
				['current_year', current],
				['fiscal_appropriation', current],
				['carryover', r.carry]
			] as const)
				if (v !== 0)
					c.truth.push({
						kind: 'figure',
						doc: c.doc,
						table: 'income_by_function',
						key,
						column,
						value: money(v),
						line
					});
		}
	}
	c.b.line();
}
