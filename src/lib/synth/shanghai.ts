/**
 * Renders one synthetic department budget in the Shanghai text layout of
 * the corpus (shpt_*_bumen_yusuan.txt): 部门支出预算总表 and 一般公共预算基本
 * 支出部门预算经济分类预算表 in 元 with thousands separators and separate
 * 类/款/项 code columns (合计 row last, page breaks as blank lines), the
 * 部门“三公”经费和机关运行经费预算表 in 万元, and the narrative 三公 section
 * with the change against the previous year. Figures go to the ground truth
 * in 万元 (元 / 10000, exact).
 */
import type { DepartmentPlan } from './plan';
import { threeTotal } from './plan';
import type { Prng } from './prng';
import { money, moneyThousands, TextBuilder } from './text-builder';
import type { TruthLine } from './truth';

interface Ctx {
	b: TextBuilder;
	name: string;
	year: number;
	truth: TruthLine[];
	doc: string;
	prng: Prng;
}

/** Whole 元 → `2,932,700`. */
const yuan = (v: number) => moneyThousands(v * 100).slice(0, -3);
/** Whole 元 → exact 万元 decimal string. */
const wan = (v: number) => {
	const s = String(v).padStart(5, '0');
	const int = s.slice(0, -4).replace(/^0+(?=\d)/, '');
	const frac = s.slice(-4).replace(/0+$/, '');
	return frac === '' ? int : `${int}.${frac}`;
};
/** 元 (multiple of 100) → `47.91` 万元 as printed in the 三公 table. */
const wan2 = (v: number) => (v === 0 ? '0' : money(v / 100).replace(/\.00$/, ''));

function pageBreak(c: Ctx, i: number): void {
	if (i > 0 && i % 12 === 0) {
		c.b.line();
		c.b.line();
	}
}

function expenditure(c: Ctx, plan: DepartmentPlan): void {
	c.b.line(`${c.year}年部门支出预算总表`);
	c.b.line(`编制部门：${c.name} 单位：元`);
	c.b.line();
	c.b.row(['项目', '', '', '', '支出预算', '', '']);
	c.b.row(['功能分类科目编码', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出']);
	c.b.row(['类', '款', '项', '', '', '', '']);
	const push = (key: string, column: string, v: number, line: number) =>
		c.truth.push({
			kind: 'figure',
			doc: c.doc,
			table: 'expenditure_by_function',
			key,
			column,
			value: wan(v),
			line
		});
	plan.func.forEach((f, i) => {
		pageBreak(c, i);
		const parts = [f.code.slice(0, 3), f.code.slice(3, 5), f.code.slice(5, 7)];
		const line = c.b.row([
			...parts,
			f.name,
			yuan(f.basic + f.project),
			yuan(f.basic),
			yuan(f.project)
		]);
		push(f.code, 'total', f.basic + f.project, line);
		push(f.code, 'basic', f.basic, line);
		push(f.code, 'project', f.project, line);
	});
	c.b.line();
	c.b.line();
	const total = plan.basicTotal + plan.projectTotal;
	const line = c.b.row(['合计', yuan(total), yuan(plan.basicTotal), yuan(plan.projectTotal)]);
	push('合计', 'total', total, line);
	push('合计', 'basic', plan.basicTotal, line);
	push('合计', 'project', plan.projectTotal, line);
	c.b.line();
}

function economic(c: Ctx, plan: DepartmentPlan): void {
	c.b.line(`${c.year}年部门一般公共预算基本支出部门预算经济分类预算表`);
	c.b.line(`编制部门：${c.name} 单位：元`);
	c.b.line();
	c.b.row(['项目', '', '', '一般公共预算基本支出', '', '']);
	c.b.row(['部门预算经济分类科目 编码', '', '经济分类科目名称', '合计', '人员经费', '公用经费']);
	c.b.row(['类', '款', '', '', '', '']);
	const push = (key: string, column: string, v: number, line: number) =>
		c.truth.push({
			kind: 'figure',
			doc: c.doc,
			table: 'basic_by_economic',
			key,
			column,
			value: wan(v),
			line
		});
	plan.econ.forEach((e, i) => {
		pageBreak(c, i);
		const total = e.personnel + e.public;
		const line = c.b.row([
			e.code.slice(0, 3),
			e.code.slice(3),
			e.name,
			yuan(total),
			yuan(e.personnel),
			yuan(e.public)
		]);
		push(e.code, 'total', total, line);
		push(e.code, 'personnel', e.personnel, line);
		push(e.code, 'public', e.public, line);
	});
	const personnel = plan.econ.filter((e) => e.level === 1).reduce((s, e) => s + e.personnel, 0);
	const pub = plan.econ.filter((e) => e.level === 1).reduce((s, e) => s + e.public, 0);
	const line = c.b.row(['合计', '', '', yuan(personnel + pub), yuan(personnel), yuan(pub)]);
	push('合计', 'total', personnel + pub, line);
	push('合计', 'personnel', personnel, line);
	push('合计', 'public', pub, line);
	c.b.line();
	c.b.line();
}

function threePublic(c: Ctx, plan: DepartmentPlan): void {
	const t = plan.three;
	c.b.line('部门“三公”经费和机关运行经费预算表');
	c.b.line(`编制部门：${c.name} 单位:万元`);
	c.b.line();
	c.b.row([`${c.year}年“三公”经费预算数`, '', '', '', '', '', `${c.year}年机关运行经 费预算数`]);
	c.b.row(['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '', '', '']);
	c.b.row(['', '', '', '小计', '购置费', '运行费', '']);
	const adminOps = plan.econ.filter((e) => e.level === 1).reduce((s, e) => s + e.public, 0);
	const vehicles = t.vehiclePurchase + t.vehicleOperation;
	const line = c.b.row([
		wan2(threeTotal(t)),
		wan2(t.outbound),
		wan2(t.reception),
		wan2(vehicles),
		wan2(t.vehiclePurchase),
		wan2(t.vehicleOperation),
		money(Math.round(adminOps / 100))
	]);
	const push = (key: string, v: number) =>
		c.truth.push({
			kind: 'figure',
			doc: c.doc,
			table: 'three_public',
			key,
			column: 'amount',
			value: wan(v),
			year: c.year,
			source: 'table',
			line
		});
	push('total', threeTotal(t));
	if (plan.threeJump)
		c.truth.push({
			kind: 'anomaly',
			doc: c.doc,
			rule: 'peer_three_public_jump',
			table: 'three_public',
			line,
			note: '三公 total > 50% and > 5 万元 off last year (one-off car purchase)'
		});
	push('reception', t.reception);
	push('vehicle_total', vehicles);
	push('vehicle_operation', t.vehicleOperation);
	c.b.line();
	c.b.line();
}

/** `mismatch`: the narrative total is printed 1.00 万元 above the table's (three_public_narrative). */
function narrative(c: Ctx, plan: DepartmentPlan, mismatch: boolean): void {
	const t = plan.three;
	const said = threeTotal(t) + (mismatch ? 10000 : 0);
	const diff = threeTotal(t) - threeTotal(plan.threePrior);
	const change = (d: number) =>
		d === 0
			? `比${c.year - 1}年预算持平`
			: `比${c.year - 1}年预算${d > 0 ? '增加' : '减少'}${wan2(Math.abs(d))}万元`;
	c.b.line('其他相关情况说明');
	c.b.line(`一、${c.year}年“三公”经费预算情况说明`);
	const line = c.b.line(`${c.year}年“三公”经费预算数为${wan2(said)}万元，${change(diff)}。其中：`);
	c.truth.push({
		kind: 'figure',
		doc: c.doc,
		table: 'three_public',
		key: 'total',
		column: 'amount',
		value: wan(said),
		year: c.year,
		source: 'narrative',
		line
	});
	if (mismatch)
		c.truth.push({
			kind: 'anomaly',
			doc: c.doc,
			rule: 'three_public_narrative',
			table: 'three_public',
			line,
			note: '说明中的三公合计比表多 1 万元'
		});
	c.b.line(
		`（一）因公出国（境）费${wan2(t.outbound)}万元，${change(t.outbound - plan.threePrior.outbound)}。`
	);
	c.b.line(`（二）公务用车购置及运行费${wan2(t.vehiclePurchase + t.vehicleOperation)}万元。`);
	c.b.line(
		`（三）公务接待费${wan2(t.reception)}万元，${change(t.reception - plan.threePrior.reception)}。`
	);
	c.b.line();
}

export function renderShanghai(a: {
	name: string;
	year: number;
	doc: string;
	plan: DepartmentPlan;
	prng: Prng;
	marker: string;
	anomalyRate: number;
}): { text: string; truth: TruthLine[] } {
	const b = new TextBuilder();
	const c: Ctx = { b, name: a.name, year: a.year, truth: [], doc: a.doc, prng: a.prng };
	b.line(`${a.marker}本文件由 BudgetLens 合成数据生成器生成，并非真实公开文件`);
	b.line(`${a.name}`);
	b.line(`${a.year}年部门预算`);
	b.line();
	expenditure(c, a.plan);
	economic(c, a.plan);
	threePublic(c, a.plan);
	narrative(c, a.plan, a.prng.chance(a.anomalyRate));
	return { text: b.toString(), truth: c.truth };
}
