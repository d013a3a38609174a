/**
 * Display of exact amounts. Inputs are the exact decimal strings the
 * connectors return ("6473.0300", in 万元 as published) or decimal.js values;
 * conversion (万元 → 亿元 / 元) and rounding (half-up, as in published tables)
 * happen in decimal.js, never in floats. Thousands separators follow a pinned
 * zh-CN locale applied to the integer part only (as a BigInt, so exact).
 */
import Decimal from 'decimal.js';

export type AmountInput = string | number | Decimal | null | undefined;
export type DisplayUnit = '万元' | '亿元' | '元';

/** Shown for a missing or unreadable value. */
export const MISSING = '—';

const GROUPER = new Intl.NumberFormat('zh-CN', { useGrouping: true, maximumFractionDigits: 0 });
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Parse an exact decimal; null for missing, empty or non-numeric input. */
export function toDecimal(v: AmountInput): Decimal | null {
	if (v === null || v === undefined) return null;
	if (v instanceof Decimal) return v.isFinite() ? v : null;
	if (typeof v === 'number') return Number.isFinite(v) ? new Decimal(v) : null;
	const s = v.trim();
	if (s === '' || s.length > 80 || !DECIMAL_TEXT.test(s)) return null;
	return new Decimal(s);
}

/** "1234567" → "1,234,567" (zh-CN grouping, exact for any length). */
export function groupThousands(intDigits: string): string {
	if (!/^\d+$/.test(intDigits)) return intDigits;
	return GROUPER.format(BigInt(intDigits));
}

/** Fixed decimals, half-up, grouped: (1234.565, 2) → "1,234.57"; "-0.00" becomes "0.00". */
export function formatFixed(d: Decimal, digits: number): string {
	const fixed = d.toFixed(digits, Decimal.ROUND_HALF_UP);
	const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
	const body = fixed.replace(/^-/, '');
	const [int = '0', frac] = body.split('.');
	return `${negative ? '-' : ''}${groupThousands(int)}${frac !== undefined ? `.${frac}` : ''}`;
}

const FROM_WAN: Record<DisplayUnit, Decimal> = {
	万元: new Decimal(1),
	亿元: new Decimal('0.0001'),
	元: new Decimal(10000)
};

const DEFAULT_DIGITS: Record<DisplayUnit, number> = { 万元: 2, 亿元: 4, 元: 2 };

export interface AmountOptions {
	/** Unit to show; the input is always in 万元. Default 万元. */
	unit?: DisplayUnit;
	/** Decimal places (default: 万元 2, 亿元 4, 元 2). */
	digits?: number;
	/** Append the unit ("6,473.03 万元"). Default false. */
	withUnit?: boolean;
	/** Prefix positive values with "+", for changes. */
	signed?: boolean;
}

/** A 万元 amount for display: formatAmount("6473.0300") → "6,473.03". */
export function formatAmount(v: AmountInput, options: AmountOptions = {}): string {
	const d = toDecimal(v);
	if (d === null) return MISSING;
	const unit = options.unit ?? '万元';
	const digits = options.digits ?? DEFAULT_DIGITS[unit];
	let text = formatFixed(d.times(FROM_WAN[unit]), digits);
	if (options.signed && !text.startsWith('-') && /[1-9]/.test(text)) text = `+${text}`;
	return options.withUnit ? `${text} ${unit}` : text;
}

/** 亿元 for |v| ≥ 10000 万元, else 万元; always with the unit. */
export function formatAmountAuto(v: AmountInput): string {
	const d = toDecimal(v);
	if (d === null) return MISSING;
	const unit: DisplayUnit = d.abs().gte(10000) ? '亿元' : '万元';
	return formatAmount(d, { unit, digits: 2, withUnit: true });
}

/** An exact 元 figure (per-capita costs): "12600.0000" → "12,600" (drops zero cents). */
export function formatYuan(v: AmountInput): string {
	const d = toDecimal(v);
	if (d === null) return MISSING;
	return formatFixed(d, d.isInteger() ? 0 : 2);
}

/** A count: 1234 → "1,234". */
export function formatCount(v: number | null | undefined): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
	return formatFixed(new Decimal(v), 0);
}

/** A float for charts only (never for displayed or summed amounts). */
export function chartNumber(v: AmountInput): number {
	const d = toDecimal(v);
	return d === null ? Number.NaN : d.toNumber();
}
