/**
 * Text that contradicts the tables (family 'text'): a 预算数 written in a
 * project's purpose or goals that differs from its table amount, a
 * satisfaction level promised in text above the table's target (project
 * goals vs the project's indicators; the department's overall goals vs the
 * department-level indicators), head counts in goals that match none of the
 * project's 数量指标. Regexes here have bounded, non-nested quantifiers.
 */
import Decimal from 'decimal.js';
import type { IndicatorRecord, ProjectRecord } from '../ingest/model';
import {
	cleanUnit,
	isHighIsGoodRate,
	isPercent,
	isQuantityIndicator,
	isSatisfaction
} from './classify';
import { indicatorEvidence, indicatorLabel, shorten, type RuleInput, pushTo } from './context';
import { fmt } from './money';

const BUDGET_IN_TEXT = /预算数[为是：:\s]{0,3}(\d+(?:\.\d+)?)\s{0,2}万元/;
const SATISFACTION_IN_TEXT = /满意[度率][^，。；;\d]{0,10}(\d{2,3}(?:\.\d+)?)\s{0,2}[%％]/g;
const COUNT_IN_TEXT = /(\d+)\s{0,2}(名|人|户)/g;
const WAN_IN_TEXT = /(\d{1,12}(?:\.\d{1,6})?)\s{0,2}万元/g;

function projectText(p: ProjectRecord): string {
	return `${p.purpose ?? ''}\n${p.goals ?? ''}`.slice(0, 5000);
}

export function textRules(input: RuleInput): void {
	const bySeq = new Map<number, IndicatorRecord[]>();
	for (const i of input.doc.tables.indicators)
		if (i.project_seq !== null) pushTo(bySeq, i.project_seq, i);
	for (const p of input.doc.tables.projects) {
		const text = projectText(p);
		const inds = bySeq.get(p.project_seq) ?? [];
		budgetInText(input, p, text);
		satisfactionInText(
			input,
			text,
			inds,
			p.source_line,
			`项目“${shorten(p.project_name)}”的目标文字`
		);
		countsInText(input, p, text, inds);
	}
	departmentSatisfaction(input);
}

/**
 * Money written in the purpose or goals. `预算数 X 万元` must equal the
 * amount; otherwise, when no amount written matches the table, the largest
 * one is compared if it is of the same order (½× to 2×) as the amount. A
 * difference of at most 0.01 万元 means the table rounded the amount (info).
 */
function budgetInText(input: RuleInput, p: ProjectRecord, text: string): void {
	if (p.amount === null) return;
	const amount = p.amount;
	const matches = (d: Decimal) =>
		d.eq(amount) || (p.fiscal_amount !== null && d.eq(p.fiscal_amount));
	const budget = BUDGET_IN_TEXT.exec(text);
	let said: Decimal | null = null;
	let quote = '';
	if (budget) {
		said = new Decimal(budget[1] ?? '0');
		quote = budget[0];
	} else {
		const all = [...text.matchAll(WAN_IN_TEXT)].map((m) => ({
			quote: m[0],
			value: new Decimal(m[1] ?? '0')
		}));
		if (all.length === 0 || all.some((a) => matches(a.value))) return;
		const top = all.reduce((a, b) => (b.value.gt(a.value) ? b : a));
		if (top.value.lt(amount.div(2)) || top.value.gt(amount.times(2))) return;
		said = top.value;
		quote = top.quote;
	}
	if (matches(said)) return;
	const diff = amount.minus(said);
	const rounded = diff.abs().lte('0.01');
	input.sink.add('text_amount_mismatch', {
		project_code: p.project_code,
		table_name: 'projects',
		source_line: p.source_line,
		severity: rounded ? 'info' : undefined,
		message: rounded
			? `项目“${shorten(p.project_name)}”的说明写“${quote}”，表中预算数为 ${fmt(amount)} 万元，是四舍五入后的数。`
			: `项目“${shorten(p.project_name)}”的说明写“${quote}”，表中预算数却为 ${fmt(amount)} 万元。`,
		evidence: {
			project_seq: p.project_seq,
			text: quote,
			text_amount: said,
			table_amount: amount,
			diff
		}
	});
}

function satisfactionInText(
	input: RuleInput,
	text: string,
	inds: readonly IndicatorRecord[],
	fallbackLine: number,
	owner: string
): void {
	const promised = [...text.matchAll(SATISFACTION_IN_TEXT)]
		.map((m) => ({ text: m[0], value: new Decimal(m[1] ?? '0') }))
		.filter((x) => x.value.lte(100));
	if (promised.length === 0) return;
	const best = promised.reduce((a, b) => (b.value.gt(a.value) ? b : a));
	for (const i of inds) {
		if (!isSatisfaction(i) || i.target_value === null || !isPercent(i.target_unit)) continue;
		if (!i.target_value.lt(best.value)) continue;
		input.sink.add('text_satisfaction_mismatch', {
			project_code: i.project_code,
			table_name: 'indicators',
			source_line: i.source_line ?? fallbackLine,
			message: `${owner}承诺“${best.text}”，${indicatorLabel(input, i)}的目标却只有“${i.target_raw}”。`,
			evidence: { ...indicatorEvidence(i), text: best.text, text_value: best.value }
		});
	}
}

function countsInText(
	input: RuleInput,
	p: ProjectRecord,
	text: string,
	inds: readonly IndicatorRecord[]
): void {
	const counts = inds.filter(
		(i) =>
			isQuantityIndicator(i) &&
			i.target_value !== null &&
			['人', '户', '名', '人次'].includes(cleanUnit(i.target_unit))
	);
	if (counts.length === 0) return;
	const said = [...(p.goals ?? '').slice(0, 5000).matchAll(COUNT_IN_TEXT)]
		.map((m) => ({ text: m[0], value: new Decimal(m[1] ?? '0') }))
		.filter((x) => x.value.gt(1));
	if (said.length === 0) return;
	const values = counts.map((c) => c.target_value as Decimal);
	const anyMatch = said.some((s) => values.some((v) => v.eq(s.value)));
	if (anyMatch) return;
	const first = counts[0] as IndicatorRecord;
	input.sink.add('text_count_mismatch', {
		project_code: p.project_code,
		table_name: 'indicators',
		source_line: first.source_line,
		message: `项目“${shorten(p.project_name)}”的目标文字写“${said
			.map((s) => s.text)
			.slice(0, 3)
			.join('、')}”，数量指标却是“${counts
			.map((c) => c.target_raw)
			.slice(0, 3)
			.join('、')}”。`,
		evidence: {
			project_seq: p.project_seq,
			text_counts: said.map((s) => s.text),
			indicator_counts: counts.map((c) => ({
				name: c.name,
				target_raw: c.target_raw,
				line: c.source_line
			}))
		}
	});
}

/** Longest common substring length of two short strings (both capped at 80 characters). */
export function commonLength(a: string, b: string): number {
	const x = a.slice(0, 80);
	const y = b.slice(0, 80);
	let best = 0;
	let prev = new Array<number>(y.length + 1).fill(0);
	for (let i = 1; i <= x.length; i++) {
		const cur = new Array<number>(y.length + 1).fill(0);
		for (let j = 1; j <= y.length; j++) {
			if (x[i - 1] === y[j - 1]) {
				cur[j] = (prev[j - 1] ?? 0) + 1;
				if ((cur[j] ?? 0) > best) best = cur[j] ?? 0;
			}
		}
		prev = cur;
	}
	return best;
}

/** Satisfaction promised in an indicator's own name or description above its target. */
function selfPromise(input: RuleInput): void {
	for (const i of input.doc.tables.indicators) {
		if (i.project_seq === null || !isSatisfaction(i)) continue;
		satisfactionInText(
			input,
			`${i.name}\n${i.description ?? ''}`,
			[i],
			i.source_line,
			'指标名称或描述'
		);
	}
}

/**
 * The department's 整体绩效目标 (department-level indicators read from its
 * sections) promise a satisfaction level; projects whose name matches the
 * section (a common run of at least 6 characters) set a lower target.
 */
function departmentSatisfaction(input: RuleInput): void {
	selfPromise(input);
	const dept = input.doc.tables.indicators.filter(
		(i) =>
			i.project_seq === null &&
			(isSatisfaction(i) || isHighIsGoodRate(i)) &&
			i.target_value !== null &&
			isPercent(i.target_unit)
	);
	const ratesBySeq = new Map<number, IndicatorRecord[]>();
	for (const i of input.doc.tables.indicators)
		if (i.project_seq !== null && (isSatisfaction(i) || isHighIsGoodRate(i)))
			pushTo(ratesBySeq, i.project_seq, i);
	for (const d of dept.slice(0, 200)) {
		const section = d.level2 ?? '';
		const satisfaction = isSatisfaction(d);
		for (const p of input.doc.tables.projects) {
			const name = p.project_name.replace(/[（(][^）)]{0,40}[）)]/g, '');
			const fit =
				name.length >= 4 &&
				(section.includes(name) || name.includes(section) || commonLength(section, name) >= 6);
			if (!fit && satisfaction) continue;
			for (const i of ratesBySeq.get(p.project_seq) ?? []) {
				if (i.target_value === null || !isPercent(i.target_unit)) continue;
				if (!i.target_value.lt(d.target_value as Decimal)) continue;
				// satisfaction against satisfaction; a rate against the project's rate of the same name
				if (satisfaction !== isSatisfaction(i)) continue;
				// a rate: the project's indicator of (nearly) the same name, in the matching section or not
				if (!satisfaction && commonLength(d.name, i.name) < (fit ? 4 : 6)) continue;
				const what = satisfaction ? '满意度' : `“${shorten(d.name, 16)}”`;
				input.sink.add(satisfaction ? 'text_satisfaction_mismatch' : 'text_target_mismatch', {
					project_code: i.project_code,
					table_name: 'indicators',
					source_line: i.source_line,
					message: `部门整体绩效目标（第${d.source_line}行“${shorten(section, 16)}”）承诺${what}“${d.target_raw}”，${indicatorLabel(input, i)}的目标却只有“${i.target_raw}”。`,
					evidence: {
						...indicatorEvidence(i),
						department_line: d.source_line,
						department_name: d.name,
						department_target: d.target_raw,
						department_value: d.target_value,
						section
					}
				});
			}
		}
	}
}
