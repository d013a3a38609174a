/** Text for result cells and column-type tests shared by the grid and the quick chart. */
import type { Value } from '$lib/db/types';

export function cellText(v: Value | undefined): string {
	if (v === null || v === undefined) return 'NULL';
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

const NUMERIC_TYPE =
	/^(DECIMAL|NUMERIC|DOUBLE|FLOAT|REAL|INTEGER|BIGINT|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|INT)/i;

export function isNumericType(type: string): boolean {
	return NUMERIC_TYPE.test(type);
}
