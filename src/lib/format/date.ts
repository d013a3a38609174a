/**
 * Dates for display in Chinese: ISO strings as the connectors return them
 * ("2024-01-02", "2024-01-02T03:04:05.000Z"). Calendar dates are shown as
 * written (no time zone shift); timestamps in the pinned Asia/Shanghai zone.
 */
import { MISSING } from './number';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
	timeZone: 'Asia/Shanghai',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hour12: false
});

/** "2024-01-02" → "2024年1月2日". */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return MISSING;
	const m = ISO_DATE.exec(iso.slice(0, 10));
	if (!m) return iso;
	return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** "2024-01-02T03:04:05Z" → "2024/01/02 11:04" (Beijing time). */
export function formatDateTime(iso: string | null | undefined): string {
	if (!iso) return MISSING;
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	return DATE_TIME.format(d);
}

/** A fiscal year: 2024 → "2024年"; missing → "—". */
export function formatYear(y: number | null | undefined): string {
	return y === null || y === undefined || !Number.isInteger(y) ? MISSING : `${y}年`;
}
