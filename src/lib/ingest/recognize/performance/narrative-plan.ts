/**
 * Shanghai narrative spending plans: a `项目经费情况说明` block states
 * `第一季度用款计划158.05万元，第二季度用款计划…` for the project whose
 * 绩效目标填报表 follows it. The amounts become spending_plan rows (amount in
 * 万元, percent NULL) of that project; a block with no table after it (before
 * the next block) belongs to no recorded project and is reported, not stored.
 */
import Decimal from 'decimal.js';
import type { ParseContext } from '../../context';
import { fitsSnapshotDecimal } from '../../normalize/target';
import type { ParsedTables, SpendingPlanRecord } from '../../model';
import { squash } from './labels';
import { narrativeStream } from './stream';

const QUARTER = /第([一二三四1-4])季度用款计划(?:为)?(\d+(?:\.\d+)?)万元/g;

export function recognizeNarrativePlans(ctx: ParseContext, out: ParsedTables): void {
	const lines = ctx.lines;
	const blockStarts = lines
		.filter(
			(l) => !l.isRow && squash(l.text).endsWith('项目经费情况说明') && l.text.trim().length <= 20
		)
		.map((l) => l.no);
	blockStarts.forEach((startNo, b) => {
		const endNo = blockStarts[b + 1] ?? lines.length + 1;
		const { text, lineOf } = narrativeStream(lines, startNo - 1, endNo - 1);
		const plan: SpendingPlanRecord[] = [];
		let firstLine: number | null = null;
		for (const m of text.matchAll(QUARTER)) {
			const line = lineOf[m.index ?? 0] ?? startNo;
			const amount = new Decimal(m[2] ?? '0');
			if (!fitsSnapshotDecimal(amount)) {
				ctx.report(
					line,
					'spending_plan',
					'warning',
					'figure_out_of_range',
					'用款计划金额超出可存储范围，未记录 (figure too large to store)'
				);
				continue;
			}
			firstLine ??= line;
			plan.push({
				doc_id: ctx.docId,
				project_seq: 0,
				period: `第${m[1] ?? ''}季度`,
				percent: null,
				amount,
				source_line: line
			});
		}
		if (plan.length === 0 || firstLine === null) return;
		const after = firstLine;
		const project = out.projects.find((p) => p.source_line > after && p.source_line < endNo);
		if (!project) {
			ctx.report(
				firstLine,
				'spending_plan',
				'info',
				'plan_unattached',
				'用款计划后没有对应的项目绩效目标表，未记录 (quarterly plan with no project table after it; not stored)'
			);
			return;
		}
		for (const r of plan) r.project_seq = project.project_seq;
		out.spending_plan.push(...plan);
		ctx.noteTable('spending_plan');
		const total = plan.reduce((s, r) => s.plus(r.amount ?? 0), new Decimal(0));
		if (project.amount !== null && !total.equals(project.amount))
			ctx.report(
				firstLine,
				'spending_plan',
				'info',
				'plan_sum_mismatch',
				`季度用款计划合计 ${total.toString()} 万元与项目资金 ${project.amount.toString()} 万元不一致`
			);
	});
}
