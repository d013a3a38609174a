/**
 * One connector interface for both sides (as mosaic's Connector):
 * DuckDB-WASM in the browser (browser.ts), @duckdb/node-api in Node and tests
 * (node.ts). Queries built in src/lib/queries run unchanged on either.
 *
 * Value conventions, identical on both connectors so results compare equal:
 * - DECIMAL → string with the column's scale ("6473.0300"), never a float;
 * - BIGINT/HUGEINT → number when it is a safe integer, else string;
 * - INTEGER/SMALLINT/TINYINT/DOUBLE/FLOAT → number;
 * - DATE/TIMESTAMP → ISO string; VARCHAR → string; NULL → null;
 * - LIST/STRUCT → JSON-compatible arrays/objects of the above.
 */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;

export interface ColumnInfo {
	name: string;
	/** DuckDB type name, e.g. "DECIMAL(18,4)", "VARCHAR", "INTEGER". */
	type: string;
}

export interface QueryResult {
	columns: ColumnInfo[];
	rows: Row[];
}

/** A parameterized statement: `$1`, `$2`… placeholders bound to `params`. */
export interface Statement {
	sql: string;
	params: (string | number | boolean | null)[];
}

export interface Connector {
	query(statement: Statement | string): Promise<QueryResult>;
	close(): Promise<void>;
}
