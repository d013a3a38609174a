/**
 * SpendingPlanBuilder: pairs the period labels and percents of a Hebei
 * `资金支出计划（%）` block. The extraction scatters them: labels row then
 * percents row aligned by column, extra periods on later rows, a label and
 * its percent in one row (`12月底 │ 100%`) or in one cell (`12月底 100%`),
 * and whole blocks printed twice. Percents are paired with the label in the
 * same column of the latest label row, or with a label earlier in the same
 * row; anything that cannot be paired is reported, never guessed.
 */
import Decimal from 'decimal.js';
import type { ParseContext } from '../../context';
import type { SpendingPlanRecord } from '../../model';
import { isPlanLabel, planCell } from './labels';

interface Entry {
	period: string;
	percent: Decimal | null;
	line: number;
}

export class SpendingPlanBuilder {
	private readonly entries = new Map<string, Entry>();
	/** column → label of the most recent row holding only labels */
	private labelRow = new Map<number, string>();

	constructor(
		private readonly ctx: ParseContext,
		private readonly docId: string
	) {}

	get size(): number {
		return this.entries.size;
	}

	/** Consumes one plan row (see isPlanRow). */
	addRow(lineNo: number, cells: string[]): void {
		const parsed = cells.map((c, i) =>
			i === 0 && isPlanLabel(c) ? null : c === '' ? null : planCell(c)
		);
		const onlyLabels = parsed.every((p) => p === null || p.kind === 'label');
		if (onlyLabels) {
			this.labelRow = new Map();
			parsed.forEach((p, col) => {
				if (p?.kind === 'label') {
					this.labelRow.set(col, p.label);
					this.ensure(p.label, lineNo);
				}
			});
			return;
		}
		// A row mixing labels and percents still renews the column → label map.
		const labels = new Map<number, string>();
		parsed.forEach((p, col) => {
			if (p?.kind === 'label') labels.set(col, p.label);
		});
		if (labels.size > 0) this.labelRow = labels;
		let pending: string | null = null;
		parsed.forEach((p, col) => {
			if (p === null) return;
			if (p.kind === 'label') {
				this.ensure(p.label, lineNo);
				pending = p.label;
			} else if (p.kind === 'both') {
				this.ensure(p.label, lineNo);
				this.assign(p.label, p.value, lineNo);
			} else {
				const label = pending ?? this.labelRow.get(col) ?? null;
				pending = null;
				if (label === null) {
					this.ctx.report(
						lineNo,
						'spending_plan',
						'warning',
						'plan_percent_unmatched',
						`资金支出计划的百分比 ${p.value}% 找不到对应的时间节点 (percent without a period label)`
					);
				} else this.assign(label, p.value, lineNo);
			}
		});
	}

	private ensure(period: string, line: number): void {
		if (!this.entries.has(period)) this.entries.set(period, { period, percent: null, line });
	}

	private assign(period: string, value: string, line: number): void {
		const e = this.entries.get(period);
		if (!e) return;
		const v = new Decimal(value);
		if (v.greaterThan(100))
			this.ctx.report(
				line,
				'spending_plan',
				'warning',
				'plan_percent_out_of_range',
				`资金支出计划 ${period} 的百分比 ${value}% 超过 100% (percent above 100)`
			);
		if (e.percent === null) {
			e.percent = v;
			e.line = line;
		} else if (!e.percent.equals(v)) {
			this.ctx.report(
				line,
				'spending_plan',
				'warning',
				'plan_conflict',
				`资金支出计划 ${period} 出现两个不同的百分比 ${e.percent.toString()}% 与 ${value}%，保留前者 (conflicting percents; the first is kept)`
			);
		}
	}

	records(projectSeq: number): SpendingPlanRecord[] {
		return [...this.entries.values()].map((e) => ({
			doc_id: this.docId,
			project_seq: projectSeq,
			period: e.period,
			percent: e.percent,
			amount: null,
			source_line: e.line
		}));
	}
}
