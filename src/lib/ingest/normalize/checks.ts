/**
 * Consistency checks on classified tables: every parent row (合计, 类, 款)
 * must equal the sum of its children. A difference of at most 0.01 万元 is a
 * published rounding residue and is recorded as an info issue
 * 'rounding_residue'; anything larger is a warning 'sum_mismatch'.
 */
import Decimal from 'decimal.js';
import type { ParseContext } from '../context';

export interface CheckedRow {
	code: string | null;
	/** Only level-0 rows named 合计/总计 are checked against the 类 rows. */
	name?: string;
	level: number;
	total: Decimal | null;
	source_line: number;
}

export const RESIDUE_LIMIT = new Decimal('0.01');

export interface SumDifference {
	parent: CheckedRow;
	children: number;
	difference: Decimal;
}

/** Parent/children differences (parent total − sum of child totals), non-zero only. */
export function sumDifferences(rows: CheckedRow[]): SumDifference[] {
	const out: SumDifference[] = [];
	for (const parent of rows) {
		if (parent.total === null) continue;
		if (parent.level === 0 && parent.name !== undefined && !/^(合计|总计)$/.test(parent.name))
			continue;
		const kids = rows.filter((r) =>
			parent.level === 0
				? r.level === 1
				: r.code !== null &&
					parent.code !== null &&
					r.level === parent.level + 1 &&
					r.code.startsWith(parent.code)
		);
		if (kids.length === 0) continue;
		let sum = new Decimal(0);
		for (const k of kids) if (k.total) sum = sum.plus(k.total);
		const difference = parent.total.minus(sum);
		if (!difference.isZero()) out.push({ parent, children: kids.length, difference });
	}
	return out;
}

export function checkSums(ctx: ParseContext, table: string, rows: CheckedRow[]): void {
	for (const d of sumDifferences(rows)) {
		const small = d.difference.abs().lte(RESIDUE_LIMIT);
		const what = d.parent.code ?? '合计';
		ctx.report(
			d.parent.source_line,
			table,
			small ? 'info' : 'warning',
			small ? 'rounding_residue' : 'sum_mismatch',
			`${what} 与其 ${d.children} 个下级科目之和相差 ${d.difference.toFixed()} 万元` +
				(small ? ' (rounding residue)' : ' (parent ≠ sum of children)')
		);
	}
}
