/**
 * A query result (db/types rows) as an Apache Arrow table, for Parquet export.
 * Columns whose values are all numbers become Float64 (Int32 for integer
 * types); everything else, including DECIMAL (exact strings), becomes Utf8 so
 * no amount is rounded. Pure TS: runs in Node tests and the browser.
 */
import { Float64, Int32, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { ColumnInfo, Row } from '$lib/db/types';

const INT_TYPE = /^(INTEGER|SMALLINT|TINYINT|INT)$/i;

export function resultToArrow(columns: readonly ColumnInfo[], rows: readonly Row[]): Table {
	const vectors: Record<string, Vector> = {};
	for (const c of columns) {
		const values = rows.map((r) => r[c.name] ?? null);
		const numeric = values.every((v) => v === null || typeof v === 'number');
		if (numeric && INT_TYPE.test(c.type)) {
			vectors[c.name] = vectorFromArray(values as (number | null)[], new Int32());
		} else if (numeric && values.some((v) => v !== null)) {
			vectors[c.name] = vectorFromArray(values as (number | null)[], new Float64());
		} else {
			vectors[c.name] = vectorFromArray(
				values.map((v) =>
					v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v)
				),
				new Utf8()
			);
		}
	}
	return new Table(vectors);
}
