/**
 * Helpers the query builders share: a placeholder collector producing
 * `$1, $2…` for db/types Statement, the department key expression, and the
 * decimal type all amounts use. No Svelte, no DuckDB imports.
 */
import type { Statement } from '../db/types';

export type Param = string | number | boolean | null;

/** Collects parameters; `add` returns the placeholder to splice into SQL. */
export class Params {
	readonly values: Param[] = [];

	add(value: Param): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}

	/** `(col IN ($1, $2…))`, or `TRUE` when the list is empty (no filter). */
	inList(column: string, values: readonly Param[]): string {
		if (values.length === 0) return 'TRUE';
		return `${column} IN (${values.map((v) => this.add(v)).join(', ')})`;
	}

	statement(sql: string): Statement {
		return { sql, params: [...this.values] };
	}
}

/** Amount columns are DECIMAL(18,4) 万元; results arrive as exact strings. */
export const DECIMAL = 'DECIMAL(18,4)';

/**
 * A department's key across documents and years: documents.department_key
 * (region/normalized name, stable across years), else its published name,
 * else the source file name when the document names no department. `alias`
 * is the documents table alias.
 */
export function deptKey(alias = 'd'): string {
	return `coalesce(nullif(trim(${alias}.department_key), ''), nullif(trim(${alias}.department_name), ''), ${alias}.source_name)`;
}

/**
 * Department filter: a listed value matches the department key or, so that
 * links saved before department_key keep working, the published name.
 * `TRUE` when the list is empty (no filter).
 */
export function deptIn(
	p: Params,
	departments: readonly string[],
	key: string,
	name: string
): string {
	if (departments.length === 0) return 'TRUE';
	return `(${p.inList(key, departments)} OR ${p.inList(name, departments)})`;
}

/** Exact decimal string as returned by the connectors, e.g. "6473.0300". */
export type DecimalString = string;
