/**
 * Display text for exact decimal strings as the connectors return them
 * ("6473.0300" → "6,473.03") through the data layer's formatAmount
 * (decimal.js), with as many decimals as the figure carries (at least 2), so
 * a 元 figure converted to 万元 (16497.864) is shown as published, not rounded.
 * Also the float helper the charts need (`toFloat`, via the data layer's
 * chartNumber) and percent text (formatPercent).
 */
import { chartNumber, formatAmount, formatPercent } from '$lib/format';

const DECIMAL_RE = /^-?\d+(?:\.(\d+))?$/;

export function amountText(v: string | number | null | undefined): string {
	if (v === null || v === undefined || v === '') return '—';
	const s = String(v);
	const m = DECIMAL_RE.exec(s);
	if (!m) return s;
	const digits = Math.max(2, (m[1] ?? '').replace(/0+$/, '').length);
	return formatAmount(s, { digits });
}

/** Amount with its unit, e.g. "6,473.03 万元". */
export function wan(v: string | number | null | undefined): string {
	const t = amountText(v);
	return t === '—' ? t : `${t} 万元`;
}

/** Float for charts only. */
/** Float for charts only; anything missing or non-numeric draws as 0. */
export function toFloat(v: unknown): number {
	if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
	if (typeof v !== 'string') return 0;
	const n = chartNumber(v);
	return Number.isFinite(n) ? n : 0;
}

/** A DOUBLE share as percent text ("45.7%"), "—" when missing. */
export function pctText(v: number | null | undefined, digits = 1): string {
	return formatPercent(v, { digits });
}

export const KIND_LABEL: Record<string, string> = { budget: '预算', final: '决算' };
export const SOURCE_LABEL: Record<string, string> = { table: '表格', narrative: '文字说明' };
export const SEVERITY_LABEL: Record<string, string> = {
	error: '错误',
	warning: '警告',
	info: '提示'
};

export const THREE_PUBLIC_LABEL: Record<string, string> = {
	total: '三公经费合计',
	outbound_travel: '因公出国（境）费',
	vehicle_total: '公务用车购置及运行费',
	vehicle_purchase: '公务用车购置费',
	vehicle_operation: '公务用车运行维护费',
	reception: '公务接待费'
};

/** Make labels unique for band scales: repeated labels get " (2)", " (3)"… */
export function uniqueLabels(labels: readonly string[]): string[] {
	const seen: Record<string, number> = {};
	return labels.map((l) => {
		const n = (seen[l] = (seen[l] ?? 0) + 1);
		return n === 1 ? l : `${l} (${n})`;
	});
}
