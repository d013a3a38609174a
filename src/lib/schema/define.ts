/**
 * Type machinery for the snapshot schema: a table is declared as an object
 * keyed by the fields of its model.ts record, so TypeScript refuses a schema
 * that misses a field, invents one, or disagrees with the field's type or
 * nullability. Pure TypeScript (browser and Node).
 */
import type Decimal from 'decimal.js';
import type { TableName } from '../ingest/model';

/** DuckDB types used by the snapshot. Money is DECIMAL(18,4) in 万元, never DOUBLE. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DECIMAL(18,4)' | 'DECIMAL(18,6)';

/** The DuckDB type a model field of TypeScript type V may have. */
type TypeFor<V> = [NonNullable<V>] extends [Decimal]
	? 'DECIMAL(18,4)' | 'DECIMAL(18,6)'
	: [NonNullable<V>] extends [number]
		? 'INTEGER'
		: [NonNullable<V>] extends [string]
			? 'VARCHAR'
			: never;

type NullableFor<V> = null extends V ? true : false;

export interface ColumnDoc {
	/** 中文说明 */
	zh: string;
	/** English description */
	en: string;
}

/** One column declaration per field of record type R, in snapshot column order. */
export type ColumnSpec<R> = {
	[K in keyof R]-?: ColumnDoc & { type: TypeFor<R[K]>; nullable: NullableFor<R[K]> };
};

export interface Column extends ColumnDoc {
	name: string;
	type: ColumnType;
	nullable: boolean;
}

export interface TableDef extends ColumnDoc {
	name: TableName;
	columns: Column[];
	/** Sort keys that make the row order of the Parquet file deterministic. */
	orderBy: string[];
}

export function defineTable<R>(def: {
	name: TableName;
	zh: string;
	en: string;
	columns: ColumnSpec<R>;
	orderBy: (keyof R & string)[];
}): TableDef {
	const columns: Column[] = Object.entries(def.columns).map(([name, spec]) => {
		const c = spec as ColumnDoc & { type: ColumnType; nullable: boolean };
		return { name, type: c.type, nullable: c.nullable, zh: c.zh, en: c.en };
	});
	return { name: def.name, zh: def.zh, en: def.en, columns, orderBy: def.orderBy };
}

/** Number of fractional digits of a DECIMAL column, null for other types. */
export function decimalScale(type: ColumnType): number | null {
	const m = /^DECIMAL\(\d+,(\d+)\)$/.exec(type);
	return m ? Number(m[1]) : null;
}

/** Number of integer digits a DECIMAL column holds (width − scale). */
export function decimalIntegerDigits(type: ColumnType): number | null {
	const m = /^DECIMAL\((\d+),(\d+)\)$/.exec(type);
	return m ? Number(m[1]) - Number(m[2]) : null;
}
