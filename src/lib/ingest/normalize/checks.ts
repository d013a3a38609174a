/**
 * Consistency checks on classified tables: every parent row (合计, 类, 款)
 * must equal the sum of its children. Each printed figure is rounded to the
 * cent, so a parent may differ from the sum of its n printed children by up
 * to 0.005 万元 × (n + 1): such a difference (at least 0.01) is a published
 * rounding residue, recorded as an info issue 'rounding_residue'; anything
 * larger is a warning 'sum_mismatch'.
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
	/** Children that print a figure (blank cells carry no rounding). */
	printed: number;
	difference: Decimal;
}

const HALF_CENT = new Decimal('0.005');

/** Largest difference rounding alone explains for `printed` children and their parent. */
export function residueLimit(printed: number): Decimal {
	return Decimal.max(RESIDUE_LIMIT, HALF_CENT.times(printed + 1));
}

/**
 * Parent/children differences (parent total − sum of child totals), non-zero
 * only. Children of a coded row are the rows one level down whose code
 * starts with it; children of the 合计 row are the level-1 rows. Linear in
 * the number of rows.
 */
export function sumDifferences(rows: CheckedRow[]): SumDifference[] {
	const sums = new Map<string, { sum: Decimal; n: number; printed: number }>();
	const add = (key: string, total: Decimal | null) => {
		const entry = sums.get(key) ?? { sum: new Decimal(0), n: 0, printed: 0 };
		if (total) {
			entry.sum = entry.sum.plus(total);
			entry.printed++;
		}
		entry.n++;
		sums.set(key, entry);
	};
	for (const r of rows) {
		if (r.level === 1) add('0:', r.total);
		if (r.level >= 2 && r.code !== null) {
			// A parent's code is its child's code minus the last two digits.
			add(`${r.level - 1}:${r.code.slice(0, r.code.length - 2)}`, r.total);
		}
	}
	const out: SumDifference[] = [];
	for (const parent of rows) {
		if (parent.total === null) continue;
		if (parent.level === 0 && parent.name !== undefined && !/^(合计|总计)$/.test(parent.name))
			continue;
		const key = parent.level === 0 ? '0:' : `${parent.level}:${parent.code ?? ''}`;
		const kids = sums.get(key);
		if (!kids || (parent.level > 0 && parent.code === null)) continue;
		const difference = parent.total.minus(kids.sum);
		if (!difference.isZero())
			out.push({ parent, children: kids.n, printed: kids.printed, difference });
	}
	return out;
}

export function checkSums(ctx: ParseContext, table: string, rows: CheckedRow[]): void {
	// A 款 or 项 whose parent code is missing from the table does not fit.
	const codes = new Set(rows.map((r) => r.code));
	for (const r of rows) {
		if (r.code === null || r.level < 2) continue;
		const parent = r.code.slice(0, r.code.length - 2);
		if (!codes.has(parent))
			ctx.report(
				r.source_line,
				table,
				'warning',
				'orphan_code',
				`科目 ${r.code} 的上级科目 ${parent} 不在表中 (parent code missing)`
			);
	}
	for (const d of sumDifferences(rows)) {
		const small = d.difference.abs().lte(residueLimit(d.printed));
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
