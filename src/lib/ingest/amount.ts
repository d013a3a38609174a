/**
 * Exact amount parsing. Every figure goes through decimal.js; nothing here
 * ever becomes a JavaScript float.
 */
import Decimal from 'decimal.js';
import type { AmountUnit } from './model';

export { Decimal };

const TEN_THOUSAND = new Decimal(10000);

export type AmountResult =
	{ ok: true; value: Decimal | null } | { ok: false; raw: string; reason: string };

/** Cells that mean "no figure". */
const EMPTY = /^(|-|—|–|－|\/|／|——|--)$/;

/**
 * Parses a printed amount. Accepts thousands separators (`156,211,123`),
 * full-width digits, a sign or parentheses for negatives, and numbers split
 * by the extraction (`239.6 2` → 239.62, `1 234.5` → 1234.5). Returns the
 * value in 万元 when `unit` is '元'.
 */
export function parseAmount(raw: string, unit: AmountUnit = '万元'): AmountResult {
	const text = normalizeDigits(raw).trim();
	if (EMPTY.test(text)) return { ok: true, value: null };
	let s = text.replace(/[\s,，]/g, '');
	let negative = false;
	const paren = /^[(（](.*)[)）]$/.exec(s);
	if (paren) {
		negative = true;
		s = paren[1] ?? '';
	}
	if (s.startsWith('-') || s.startsWith('−')) {
		negative = !negative;
		s = s.slice(1);
	}
	if (!/^\d+(\.\d+)?$/.test(s) && !/^\.\d+$/.test(s)) {
		return { ok: false, raw, reason: `不是金额 (not an amount): "${raw}"` };
	}
	let value = new Decimal(s);
	if (negative) value = value.negated();
	if (unit === '元') value = value.div(TEN_THOUSAND);
	return { ok: true, value };
}

/** Converts full-width digits and punctuation to ASCII. */
export function normalizeDigits(s: string): string {
	return s
		.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/．/g, '.')
		.replace(/，/g, ',');
}

/** Fixed 4-decimal string for DECIMAL(18,4) columns. */
export function toDecimalString(d: Decimal | null): string | null {
	return d === null ? null : d.toFixed(4);
}

/** Sum of non-null values; null when all are null. */
export function sum(values: (Decimal | null)[]): Decimal | null {
	let total: Decimal | null = null;
	for (const v of values) if (v !== null) total = (total ?? new Decimal(0)).plus(v);
	return total;
}

/** Detects the unit a table header declares: `单位：万元`, `单位:元`, `金额单位：元`. */
export function detectUnit(text: string): AmountUnit | null {
	const m = /单位\s*[:：]\s*(万元|元)/.exec(text);
	if (!m) return null;
	return m[1] === '万元' ? '万元' : '元';
}
