/**
 * Project money against its own indicators and the department's tables:
 * project amounts vs 项目支出 (projects_vs_project_spending), a total cost cap
 * far above or below the project amount (cost_cap_vs_amount), per-capita
 * cost × beneficiaries above the amount (per_capita_times_count), and 万元
 * amounts whose scale only fits 元 (implausible_scale).
 */
import Decimal from 'decimal.js';
import type { IndicatorRecord } from '../ingest/model';
import {
	cleanUnit,
	isCostIndicator,
	isCountUnit,
	isPerUnitMoney,
	isQuantityIndicator,
	saysPerCapita
} from './classify';
import { indicatorEvidence, indicatorLabel, type RuleInput, pushTo } from './context';
import { fmt, sum } from './money';

export function costRules(input: RuleInput): void {
	projectsVsSpending(input);
	costCaps(input);
	perCapitaTimesCount(input);
	implausibleScale(input);
}

function projectsVsSpending(input: RuleInput): void {
	const { projects, expenditure_by_function: exp } = input.doc.tables;
	const totals = exp.filter((r) => r.level === 0);
	const total = totals[0];
	if (!total || totals.length > 1 || total.project === null || projects.length === 0) return;
	const amounts = projects.map((p) => p.amount);
	const s = sum(amounts);
	const d = s.minus(total.project);
	if (d.isZero()) return;
	if (d.isNegative() && s.lt(total.project.times('0.95'))) return; // only some projects disclosed
	const more = d.isPositive();
	input.sink.add('projects_vs_project_spending', {
		table_name: 'projects',
		source_line: total.source_line,
		severity: d.abs().gt('0.05') && more ? 'error' : 'warning',
		message: `${projects.length} 个项目绩效目标表的预算数之和为 ${fmt(s)} 万元，比支出总表项目支出 ${fmt(total.project)} 万元${more ? '多' : '少'} ${fmt(d.abs())} 万元。`,
		evidence: {
			projects: projects.length,
			projects_sum: s,
			project_spending: total.project,
			diff: d,
			total_line: total.source_line
		}
	});
}

/** A 成本指标 in plain 万元 that reads as the project's total (not per unit, not a standard). */
function isTotalCap(i: IndicatorRecord): boolean {
	return (
		isCostIndicator(i) &&
		i.target_value !== null &&
		cleanUnit(i.target_unit) === '万元' &&
		!saysPerCapita(i) &&
		!i.name.includes('标准') &&
		(i.target_op === null || i.target_op === '≤' || i.target_op === '<' || i.target_op === '=')
	);
}

/** The indicator's name says it caps the whole project (预算控制数, 项目总成本…). */
function claimsTotal(i: IndicatorRecord): boolean {
	const t = `${i.name}${i.description ?? ''}`;
	return [
		'预算控制',
		'控制在预算',
		'总成本',
		'项目成本',
		'项目支出',
		'预算内',
		'资金总额',
		'总投入',
		'预算数'
	].some((k) => t.includes(k));
}

function costCaps(input: RuleInput): void {
	const bySeq = new Map<number, IndicatorRecord[]>();
	for (const i of input.doc.tables.indicators) {
		if (i.project_seq === null || !isTotalCap(i)) continue;
		pushTo(bySeq, i.project_seq, i);
	}
	for (const [seq, caps] of bySeq) {
		const p = input.projects.get(seq);
		if (!p?.amount || p.amount.isZero()) continue;
		const amount = p.amount;
		const capSum = sum(caps.map((c) => c.target_value));
		for (const c of caps) {
			const v = c.target_value as Decimal;
			const ratio = v.div(amount);
			const above = ratio.gt('1.5');
			// Several caps may split the amount; only a lone cap should match it.
			const below = caps.length === 1 && ratio.lt('0.5') && claimsTotal(c);
			if (!above && !below) continue;
			input.sink.add('cost_cap_vs_amount', {
				project_code: c.project_code,
				table_name: 'indicators',
				source_line: c.source_line,
				message: `${indicatorLabel(input, c)}的成本目标 ${fmt(v)} 万元${above ? '远高于' : '不足'}项目预算数 ${fmt(amount)} 万元${above ? '' : '的一半'}。`,
				evidence: {
					...indicatorEvidence(c),
					project_amount: amount,
					ratio: ratio.toDecimalPlaces(4),
					caps: caps.length,
					caps_sum: capSum
				}
			});
		}
	}
}

/** 元 or 万元 per beneficiary, as 万元 per beneficiary; null when not convertible. */
function perCapitaWan(i: IndicatorRecord): Decimal | null {
	if (i.target_value === null || !isPerUnitMoney(i.target_unit)) return null;
	const u = cleanUnit(i.target_unit);
	if (!/^(万元|元)\/(人|户|人次)$/.test(u)) return null;
	return u.startsWith('万元') ? i.target_value : i.target_value.div(10000);
}

function perCapitaTimesCount(input: RuleInput): void {
	const bySeq = new Map<number, IndicatorRecord[]>();
	for (const i of input.doc.tables.indicators)
		if (i.project_seq !== null) pushTo(bySeq, i.project_seq, i);
	for (const [seq, list] of bySeq) {
		const p = input.projects.get(seq);
		if (!p?.amount || p.amount.isZero()) continue;
		const costs = list.filter((i) => isCostIndicator(i) && perCapitaWan(i) !== null);
		const counts = list.filter(
			(i) =>
				isQuantityIndicator(i) &&
				i.target_value !== null &&
				isCountUnit(i.target_unit) &&
				['人', '户', '人次'].includes(cleanUnit(i.target_unit))
		);
		const cost = costs[0];
		const count = counts[0];
		if (costs.length !== 1 || counts.length !== 1 || !cost || !count) continue;
		const per = perCapitaWan(cost) as Decimal;
		const product = per.times(count.target_value as Decimal);
		if (product.lte(p.amount.times('1.2'))) continue;
		input.sink.add('per_capita_times_count', {
			project_code: cost.project_code,
			table_name: 'indicators',
			source_line: cost.source_line,
			message: `${indicatorLabel(input, cost)}“${cost.target_raw}”乘以${count.name}“${count.target_raw}”为 ${fmt(product.toDecimalPlaces(4))} 万元，超过项目预算数 ${fmt(p.amount)} 万元。`,
			evidence: {
				...indicatorEvidence(cost),
				count_name: count.name,
				count_raw: count.target_raw,
				count_line: count.source_line,
				per_capita_wan: per,
				product: product.toDecimalPlaces(4),
				project_amount: p.amount
			}
		});
	}
}

/** The department's yearly scale: the largest total of its financial tables. */
function referenceTotal(input: RuleInput): Decimal | null {
	const t = input.doc.tables;
	const candidates = [
		...t.expenditure_by_function.filter((r) => r.level === 0).map((r) => r.total),
		...t.summary.filter((r) => r.item.includes('总计')).map((r) => r.amount),
		...t.projects.map((p) => p.amount)
	].filter((v): v is Decimal => v !== null);
	const s = t.projects.length > 0 ? sum(t.projects.map((p) => p.amount)) : null;
	if (s) candidates.push(s);
	return candidates.length === 0 ? null : Decimal.max(...candidates);
}

const WAN_IN_TEXT = /(\d[\d,]{0,20}(?:\.\d{1,8})?)\s{0,2}万元/g;

function implausibleScale(input: RuleInput): void {
	const ref = referenceTotal(input);
	const limit = ref ? ref.times(50) : new Decimal(1_000_000);
	for (const a of input.doc.tables.assets) {
		if (a.amount === null || a.amount.lte(limit)) continue;
		input.sink.add('implausible_scale', {
			table_name: 'assets',
			source_line: a.source_line,
			message: `资产“${a.item}”为 ${fmt(a.amount)} 万元，是部门全年规模的 ${a.amount.div(ref ?? 1).toFixed(0)} 倍，很可能以元填报。`,
			evidence: {
				item: a.item,
				amount: a.amount,
				declared_unit: a.declared_unit,
				reference_total: ref,
				limit
			}
		});
	}
	const assetLines = new Set(input.doc.tables.assets.map((a) => a.source_line));
	for (const l of input.doc.lines) {
		if (l.text.includes('\t') || assetLines.has(l.line_no) || !l.text.includes('万元')) continue;
		for (const m of l.text.slice(0, 2000).matchAll(WAN_IN_TEXT)) {
			const v = new Decimal((m[1] ?? '0').replace(/,/g, ''));
			if (v.lte(limit)) continue;
			input.sink.add('implausible_scale', {
				table_name: 'source_lines',
				source_line: l.line_no,
				message: `文中“${m[0]}”是部门全年规模${ref ? ` ${fmt(ref)} 万元` : ''}的 ${ref ? v.div(ref).toFixed(0) : '—'} 倍，很可能以元填报却标为万元。`,
				evidence: { amount: v, text: m[0], reference_total: ref, limit }
			});
		}
	}
}
