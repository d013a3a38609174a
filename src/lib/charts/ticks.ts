/** Number formats for chart labels (floats, display only): thousands separators and percents. */
import { format } from 'd3';

const grouped = format(',.2~f');
const pct = format('.0%');
const pct1 = format('.1%');

export function fmtValue(v: number | string): string {
	return typeof v === 'number' ? grouped(v) : v;
}

export function fmtShare(v: number | string): string {
	return typeof v === 'number' ? pct(v) : v;
}

export function fmtShare1(v: number | string): string {
	return typeof v === 'number' ? pct1(v) : v;
}
