/**
 * 收支总表 and 财政拨款收支总表: income 总计 against expense 总计, 本年合计
 * plus carry-over against 总计 on each side (summary_unbalanced), and the
 * numbered items of a side against its 本年合计 (summary_total_mismatch).
 * Differences of at most 0.01 万元 are left alone here.
 */
import type { SummaryRecord } from '../ingest/model';
import type { RuleInput } from './context';
import { fmt, RESIDUE, sum } from './money';

const KIND_TITLE = { summary: '收支总表', appropriation_summary: '财政拨款收支总表' } as const;
const SIDE_TITLE = { income: '收入', expense: '支出' } as const;

function isYearTotal(r: SummaryRecord): boolean {
	return (
		r.item.includes('小计') ||
		(r.item.includes('合计') && (r.item.includes('本年') || r.item.includes('当年')))
	);
}
function isGrand(r: SummaryRecord, lines: readonly SummaryRecord[]): boolean {
	if (isYearTotal(r)) return false;
	if (r.item.includes('总计')) return true;
	return r.item.includes('合计') && !lines.some((l) => l.item.includes('总计'));
}
function isCarry(r: SummaryRecord): boolean {
	return r.item.includes('结转') || r.item.includes('结余');
}
/** Top-level numbered items: 一、 … 三十一、 */
const TOP_ITEM = /^[一二三四五六七八九十]{1,3}、/;

export function summaryRules(input: RuleInput): void {
	for (const kind of ['summary', 'appropriation_summary'] as const) {
		const rows = input.doc.tables.summary.filter((r) => r.table_kind === kind);
		if (rows.length === 0) continue;
		const grands: Partial<Record<'income' | 'expense', SummaryRecord>> = {};
		for (const side of ['income', 'expense'] as const) {
			const lines = rows.filter((r) => r.side === side).sort((a, b) => a.seq - b.seq);
			const grand = lines.filter((r) => isGrand(r, lines));
			const year = lines.filter(isYearTotal);
			if (grand.length === 1) grands[side] = grand[0];
			sideChecks(
				input,
				kind,
				side,
				lines,
				grand.length === 1 ? grand[0]! : null,
				year.length === 1 ? year[0]! : null
			);
		}
		const inc = grands.income;
		const exp = grands.expense;
		if (inc?.amount && exp?.amount) {
			const d = inc.amount.minus(exp.amount);
			if (d.abs().gt(RESIDUE))
				input.sink.add('summary_unbalanced', {
					table_name: 'summary',
					source_line: exp.source_line,
					message: `${KIND_TITLE[kind]}收入总计 ${fmt(inc.amount)} 万元与支出总计 ${fmt(exp.amount)} 万元不相等，相差 ${fmt(d)} 万元。`,
					evidence: {
						table_kind: kind,
						income_total: inc.amount,
						expense_total: exp.amount,
						diff: d
					}
				});
		}
	}
}

function sideChecks(
	input: RuleInput,
	kind: keyof typeof KIND_TITLE,
	side: 'income' | 'expense',
	lines: readonly SummaryRecord[],
	grand: SummaryRecord | null,
	year: SummaryRecord | null
): void {
	const title = `${KIND_TITLE[kind]}${SIDE_TITLE[side]}`;
	if (grand?.amount && year?.amount) {
		const carry = lines.filter((r) => r.seq > year.seq && r.seq < grand.seq && isCarry(r));
		const total = year.amount.plus(sum(carry.map((c) => c.amount)));
		const d = grand.amount.minus(total);
		if (d.abs().gt(RESIDUE))
			input.sink.add('summary_unbalanced', {
				table_name: 'summary',
				source_line: grand.source_line,
				message: `${title}总计 ${fmt(grand.amount)} 万元不等于本年合计 ${fmt(year.amount)} 万元加结转 ${fmt(total.minus(year.amount))} 万元，相差 ${fmt(d)} 万元。`,
				evidence: {
					table_kind: kind,
					side,
					grand_total: grand.amount,
					year_total: year.amount,
					carry: carry.map((c) => ({ item: c.item, amount: c.amount })),
					diff: d
				}
			});
	}
	if (year?.amount) {
		const items = lines.filter(
			(r) => r.seq < year.seq && TOP_ITEM.test(r.item.trim()) && !isCarry(r)
		);
		if (items.length === 0 || items.every((r) => r.amount === null)) return;
		// A side listing two breakdowns (by function and 基本/项目) numbers from 一、 twice: not comparable.
		if (items.filter((r) => r.item.trim().startsWith('一、')).length > 1) return;
		const s = sum(items.map((r) => r.amount));
		const d = year.amount.minus(s);
		if (d.abs().gt(RESIDUE))
			input.sink.add('summary_total_mismatch', {
				table_name: 'summary',
				source_line: year.source_line,
				message: `${title}各项之和为 ${fmt(s)} 万元，“${year.item}”却为 ${fmt(year.amount)} 万元，相差 ${fmt(d)} 万元。`,
				evidence: {
					table_kind: kind,
					side,
					total_item: year.item,
					total: year.amount,
					items_sum: s,
					items: items.length,
					diff: d
				}
			});
	}
}
