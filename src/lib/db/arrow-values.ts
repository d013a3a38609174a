/**
 * Arrow → db/types.ts values, for the browser connector (DuckDB-WASM returns
 * Arrow tables). Decimals become exact strings with the column's scale
 * ("6473.0300") straight from their 128-bit words, never via a float;
 * 64-bit integers become numbers when safe, else strings; dates and
 * timestamps ISO strings; lists and structs JSON-like values.
 * Works on any apache-arrow Table (type ids, not instanceof).
 */
import { Type, type DataType, type Field, type Schema } from 'apache-arrow';
import type { ColumnInfo, QueryResult, Row, Value } from './types';

/** Two's-complement little-endian 32-bit words → exact decimal string. */
export function decimalWordsToString(words: ArrayLike<number>, scale: number): string {
	let v = 0n;
	for (let k = words.length - 1; k >= 0; k--) v = (v << 32n) | BigInt(words[k]! >>> 0);
	const bits = BigInt(words.length * 32);
	if (words.length > 0 && (words[words.length - 1]! & 0x80000000) !== 0) v -= 1n << bits;
	const negative = v < 0n;
	let digits = (negative ? -v : v).toString();
	if (scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(Math.max(0, -scale));
	digits = digits.padStart(scale + 1, '0');
	const cut = digits.length - scale;
	return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

interface DecimalLike {
	typeId: Type.Decimal;
	scale: number;
	precision: number;
}

function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** DuckDB-style type name for an Arrow type, for ColumnInfo.type. */
export function duckTypeName(type: DataType): string {
	switch (type.typeId) {
		case Type.Decimal: {
			const d = type as unknown as DecimalLike;
			return `DECIMAL(${d.precision},${d.scale})`;
		}
		case Type.Int: {
			const t = type as unknown as { bitWidth: number; isSigned: boolean };
			const name = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[t.bitWidth];
			return (t.isSigned ? '' : 'U') + (name ?? 'BIGINT');
		}
		case Type.Float:
			return (type as unknown as { precision: number }).precision === 2 ? 'DOUBLE' : 'FLOAT';
		case Type.Utf8:
		case Type.LargeUtf8:
			return 'VARCHAR';
		case Type.Bool:
			return 'BOOLEAN';
		case Type.Date:
			return 'DATE';
		case Type.Timestamp:
			return 'TIMESTAMP';
		case Type.Binary:
		case Type.LargeBinary:
			return 'BLOB';
		case Type.List: {
			const child = (type as unknown as { children: Field[] }).children[0];
			return `${child ? duckTypeName(child.type) : 'VARCHAR'}[]`;
		}
		case Type.Struct: {
			const children = (type as unknown as { children: Field[] }).children;
			return `STRUCT(${children.map((c) => `"${c.name}" ${duckTypeName(c.type)}`).join(', ')})`;
		}
		case Type.Null:
			return 'NULL';
		default:
			return String(type);
	}
}

/** Convert one Arrow value of `type` to a db/types Value. */
export function arrowValue(type: DataType, v: unknown): Value {
	if (v === null || v === undefined) return null;
	switch (type.typeId) {
		case Type.Decimal:
			return decimalWordsToString(v as Uint32Array, (type as unknown as DecimalLike).scale);
		case Type.Int:
			if (typeof v === 'bigint') {
				const n = Number(v);
				return Number.isSafeInteger(n) ? n : v.toString();
			}
			return Number(v);
		case Type.Float:
			return Number(v);
		case Type.Bool:
			return Boolean(v);
		case Type.Utf8:
		case Type.LargeUtf8:
			return String(v);
		case Type.Date:
			return typeof v === 'number'
				? isoDate(v)
				: v instanceof Date
					? isoDate(v.getTime())
					: String(v);
		case Type.Timestamp: {
			const ms = typeof v === 'bigint' ? Number(v) : Number(v);
			return Number.isFinite(ms) ? new Date(ms).toISOString() : String(v);
		}
		case Type.List: {
			const child = (type as unknown as { children: Field[] }).children[0];
			const items = Array.from(v as Iterable<unknown>);
			return child ? items.map((x) => arrowValue(child.type, x)) : items.map((x) => String(x));
		}
		case Type.Struct: {
			const children = (type as unknown as { children: Field[] }).children;
			const src = v as Record<string, unknown>;
			const out: { [key: string]: Value } = {};
			for (const c of children) out[c.name] = arrowValue(c.type, src[c.name]);
			return out;
		}
		default:
			return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
	}
}

/** What we read of an Arrow Table or RecordBatch. */
export interface ArrowRows {
	schema: Schema;
	numRows: number;
	getChildAt(index: number): { get(index: number): unknown } | null;
}

/** Column infos of an Arrow schema. */
export function arrowColumns(schema: Schema): ColumnInfo[] {
	return schema.fields.map((f) => ({ name: f.name, type: duckTypeName(f.type) }));
}

/** Convert an Arrow table to db/types rows, at most `limit` rows. */
export function arrowToResult(table: ArrowRows, limit = Infinity): QueryResult {
	const fields = table.schema.fields;
	const vectors = fields.map((_, i) => table.getChildAt(i));
	const n = Math.max(0, Math.min(table.numRows, limit));
	const rows: Row[] = new Array<Row>(n);
	for (let r = 0; r < n; r++) {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++) {
			const f = fields[c]!;
			row[f.name] = arrowValue(f.type, vectors[c]?.get(r));
		}
		rows[r] = row;
	}
	return { columns: arrowColumns(table.schema), rows };
}
