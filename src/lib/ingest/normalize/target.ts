/**
 * parseTarget: reads a printed 绩效指标 target (指标值) into operator, exact
 * numeric value (Decimal) and unit, keeping the raw text.
 *
 *   `≥390 人` → ≥ 390 人        `≤0.71万元/人` → ≤ 0.71 万元/人
 *   `=100.00(%)` → = 100.00 %   `不低于50%` → ≥ 50 %
 *   `有效保障`, `10月底前` → no number (op/value/unit null)
 *
 * Extraction-doubled tokens (`≥5≥5个`, `≤380380`) are never silently
 * "fixed": the result carries the flag 'doubled' (value = first token, or
 * null when the token itself is doubled) so the recognizer can report it.
 *
 * Everything here is a single left-to-right scan or a regex without nested
 * quantifiers, so arbitrarily long or hostile input returns quickly.
 */
import Decimal from 'decimal.js';
import type { TargetOp } from '../model';
import { normalizeDigits } from '../amount';
import { PREFIX_OPS, SUFFIX_OPS, UNIT_TOKENS } from './target-vocab';

export type TargetFlag =
	'doubled' | 'date' | 'range' | 'multiple_values' | 'truncated' | 'out_of_range';

/** Snapshot numbers are DECIMAL(18,4) or (18,6): at most 12 integer digits fit both. */
const LIMIT = new Decimal('1e12');

/** True when `d` fits the snapshot's DECIMAL columns (|d| < 10^12). */
export function fitsSnapshotDecimal(d: Decimal): boolean {
	return d.abs().lessThan(LIMIT);
}

export interface ParsedTarget {
	raw: string;
	op: TargetOp | null;
	value: Decimal | null;
	unit: string | null;
	flags: TargetFlag[];
}

/** Inputs longer than this are parsed on their first MAX_LENGTH characters only. */
const MAX_LENGTH = 500;

/** A number as printed: optional thousands separators, optional decimals. */
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/** Texts that are dates or deadlines rather than quantities. */
const DATE_PATTERNS: readonly RegExp[] = [
	/\d\s*月\s*(?:底|末|初|中|上旬|中旬|下旬|前|份前|\d)/,
	/\d\s*日\s*(?:前|之前|以前)/,
	/\d{4}\s*年\s*(?:\d|底|末|初|前|内)/,
	/\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}/
];

const OP_SYMBOLS = new Set(['≥', '≤', '>', '<', '=']);
/** Separators of compound units: `万元/人/年`, `元/户·年`, `元／人`, `元每人`. */
const UNIT_SEPARATORS = new Set(['/', '／', '·', '•', '每']);

function normalize(raw: string): string {
	return normalizeDigits(raw)
		.replace(/[＞]/g, '>')
		.replace(/[＜]/g, '<')
		.replace(/[＝]/g, '=')
		.replace(/[≧]/g, '≥')
		.replace(/[≦]/g, '≤')
		.replace(/[％]/g, '%')
		.replace(/[～〜]/g, '~')
		.trim();
}

function none(raw: string, flags: TargetFlag[] = []): ParsedTarget {
	return { raw, op: null, value: null, unit: null, flags };
}

/** Reads a unit at the start of `s`; returns it and the characters consumed. */
export function readUnit(s: string): { unit: string | null; length: number } {
	let i = 0;
	while (i < s.length && s[i] === ' ') i++;
	// A fully parenthesized unit: `(平方米)`, `（%）`.
	const open = s[i];
	if (open === '(' || open === '（') {
		const close = open === '(' ? ')' : '）';
		const end = s.indexOf(close, i + 1);
		if (end > i + 1 && end - i <= 12) {
			const inner = s.slice(i + 1, end).trim();
			const innerUnit = readUnit(inner);
			if (innerUnit.unit !== null && innerUnit.length === inner.length)
				return { unit: innerUnit.unit, length: end + 1 };
		}
		return { unit: null, length: 0 };
	}
	const first = matchToken(s, i);
	if (first === null) return { unit: null, length: 0 };
	let unit = first;
	i += first.length;
	// Compounds: `/人`, `/人/年`, `/每本`, `/（人*年）`.
	for (let guard = 0; guard < 6 && i < s.length; guard++) {
		const sep = s[i];
		if (sep === undefined || !UNIT_SEPARATORS.has(sep)) break;
		let j = i + 1;
		if (sep !== '每' && s[j] === '每') j++;
		const groupOpen = s[j];
		if (groupOpen === '(' || groupOpen === '（') {
			const close = groupOpen === '(' ? ')' : '）';
			const end = s.indexOf(close, j + 1);
			if (end < 0 || end - j > 12) break;
			unit += s.slice(i, end + 1);
			i = end + 1;
			continue;
		}
		const next = matchToken(s, j);
		if (next === null) break;
		unit += s.slice(i, j) + next;
		i = j + next.length;
	}
	return { unit, length: i };
}

function matchToken(s: string, at: number): string | null {
	for (const t of UNIT_TOKENS) if (s.startsWith(t, at)) return t;
	return null;
}

function prefixOp(prefix: string): TargetOp | null {
	const p = prefix.trimEnd();
	for (const [word, op] of PREFIX_OPS) if (p.endsWith(word)) return op;
	return null;
}

function suffixOp(rest: string): TargetOp | null {
	const r = rest.trimStart();
	for (const [word, op] of SUFFIX_OPS) if (r.startsWith(word)) return op;
	return null;
}

/**
 * `380380` → true: a digit run whose halves repeat. Four-digit runs (`1010`,
 * `2525`) are ordinary amounts unless a percent follows (`9090%`).
 */
function isDoubledDigits(digits: string, unit: string | null): boolean {
	if (digits.includes('.') || digits.includes(',') || digits.length % 2) return false;
	const half = digits.length / 2;
	if (half < 2 || (half < 3 && unit !== '%')) return false;
	return digits.slice(0, half) === digits.slice(half);
}

export function parseTarget(raw: string): ParsedTarget {
	const flags: TargetFlag[] = [];
	const long = raw.trim().length > MAX_LENGTH;
	if (long) flags.push('truncated');
	const s = normalize(long ? raw.trim().slice(0, MAX_LENGTH) : raw);
	if (s === '') return none(raw, flags);
	for (const p of DATE_PATTERNS) if (p.test(s)) return none(raw, [...flags, 'date']);

	const numbers = [...s.matchAll(NUMBER)];
	const first = numbers[0];
	if (first === undefined || first.index === undefined) return none(raw, flags);
	const numText = first[0];
	const start = first.index;
	const end = start + numText.length;

	// Ranges (`14~24`, `80-90%`) have no single target value.
	const after = s.slice(end).trimStart();
	if (/^(?:~|-|—|至)\s*\d/.test(after)) return none(raw, [...flags, 'range']);

	let op = prefixOp(s.slice(0, start));
	const unitRead = readUnit(s.slice(end));
	const unit = unitRead.unit;
	const rest = s.slice(end + unitRead.length);
	op ??= suffixOp(rest);

	// `≥5≥5个`: the operator and number printed twice.
	const opCount = [...s].filter((c) => OP_SYMBOLS.has(c)).length;
	const second = numbers[1];
	if (opCount >= 2 && second !== undefined && second[0] === numText) {
		const tail = s.slice((second.index ?? 0) + second[0].length);
		const doubledUnit = unit ?? readUnit(tail).unit;
		const first = new Decimal(numText.replace(/,/g, ''));
		const fits = fitsSnapshotDecimal(first);
		return {
			raw,
			op,
			value: fits ? first : null,
			unit: doubledUnit,
			flags: [...flags, 'doubled', ...(fits ? [] : (['out_of_range'] as const))]
		};
	}
	// `≤380380`: the digits themselves printed twice; which half is right is unknowable.
	if (isDoubledDigits(numText, unit) && !/^\s*年/.test(s.slice(end))) {
		return { raw, op, value: null, unit, flags: [...flags, 'doubled'] };
	}
	if (numbers.length > 1 && numbers.some((n) => n[0] !== numText)) flags.push('multiple_values');
	const value = new Decimal(numText.replace(/,/g, ''));
	if (!fitsSnapshotDecimal(value))
		return { raw, op, value: null, unit, flags: [...flags, 'out_of_range'] };
	return { raw, op, value, unit, flags };
}
