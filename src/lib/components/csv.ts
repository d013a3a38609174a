/**
 * CSV export for every table: RFC 4180 quoting, a UTF-8 BOM so spreadsheet
 * programs read Chinese correctly, and a guard against formula injection
 * (text cells starting with = + - @ get a leading apostrophe unless they are
 * plain numbers). Values are written as given: exact decimal strings stay exact.
 */

export type CsvValue = string | number | boolean | null | undefined | object;

const NUMERIC = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

export function csvCell(v: CsvValue): string {
	if (v === null || v === undefined) return '';
	let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
	if (/^[=+\-@\t\r]/.test(s) && !NUMERIC.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Header row from `headers`, then one line per row in `keys` order. */
export function toCsv(
	headers: readonly string[],
	keys: readonly string[],
	rows: readonly Record<string, CsvValue>[]
): string {
	const lines = [headers.map(csvCell).join(',')];
	for (const row of rows) lines.push(keys.map((k) => csvCell(row[k])).join(','));
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}
