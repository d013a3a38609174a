/**
 * Shares and changes as percent text. Shares from the queries are DOUBLE
 * (0.7 → "70.0%"); exact ratios may also be given as decimal strings.
 */
import Decimal from 'decimal.js';
import { formatFixed, MISSING, toDecimal, type AmountInput } from './number';

export interface PercentOptions {
	digits?: number;
	/** "+3.2%" for increases (YoY changes). */
	signed?: boolean;
}

/** A ratio (0–1) as percent: 0.30001 → "30.0%". */
export function formatPercent(ratio: AmountInput, options: PercentOptions = {}): string {
	const d = toDecimal(ratio);
	if (d === null) return MISSING;
	let text = formatFixed(d.times(100), options.digits ?? 1);
	if (options.signed && !text.startsWith('-') && /[1-9]/.test(text)) text = `+${text}`;
	return `${text}%`;
}

/** Percentage points between two shares: (0.6, 0.3) → "30.0 个百分点". */
export function formatPointGap(a: AmountInput, b: AmountInput, digits = 1): string {
	const x = toDecimal(a);
	const y = toDecimal(b);
	if (x === null || y === null) return MISSING;
	return `${formatFixed(x.minus(y).times(100), digits)} 个百分点`;
}

/** Exact change ratio of two amounts, for when no DOUBLE is at hand. */
export function changeRatio(current: AmountInput, prior: AmountInput): Decimal | null {
	const c = toDecimal(current);
	const p = toDecimal(prior);
	if (c === null || p === null || p.isZero()) return null;
	return c.minus(p).dividedBy(p);
}
