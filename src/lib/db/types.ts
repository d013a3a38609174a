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

/**
 * What a statement needs loaded before it runs (lazy loading, db/load-plan.ts):
 * a table, optionally narrowed to departments (queries/sql.ts deptKey
 * semantics, or the published name) and/or doc ids. Neither given (or only
 * empty lists) → the whole table.
 */
export interface DataNeed {
	/** Schema table name. */
	table: string;
	/** Department keys. */
	departments?: readonly string[];
	/** Document ids. */
	docs?: readonly string[];
	/**
	 * Partition values: only documents of these fiscal years and/or provinces
	 * (intersected with departments/docs when those are given too; an empty
	 * or absent list does not narrow). The SQL page's scope.
	 */
	scope?: DataScope;
}

/** Fiscal years and/or provinces (partition values; db/load-plan.ts, db/sql-scope.ts). */
export interface DataScope {
	years?: readonly number[];
	provinces?: readonly string[];
}

/** Options for running SQL a user typed or opened from a link. */
export interface UserQueryOptions {
	/** Maximum rows returned; more rows set `truncated`. Default USER_QUERY_LIMIT. */
	limit?: number;
	/**
	 * Run the statement as if every snapshot table held only the rows of the
	 * scope's documents (db/sql-scope.ts), whatever else is loaded.
	 */
	scope?: DataScope;
}

export const USER_QUERY_LIMIT = 10_000;

export interface UserQueryResult extends QueryResult {
	/** True when the statement produced more rows than the limit. */
	truncated: boolean;
	/** Rows returned (≤ limit). */
	rowCount: number;
	elapsedMs: number;
}

/**
 * A connector over a loaded snapshot that can also run untrusted SQL:
 * `queryUser` checks the statement with db/sql-guard.ts, runs it inside a
 * transaction that is always rolled back, and caps the rows. Rejections are
 * thrown as `SqlGuardError` with a Chinese message.
 */
export interface SnapshotConnector extends Connector {
	queryUser(sql: string, options?: UserQueryOptions): Promise<UserQueryResult>;
	/** Cancel the running user query, if any (best effort). */
	cancel(): Promise<void>;
	/** Names of the loaded tables and views. */
	tables(): Promise<string[]>;
	/**
	 * Make sure the rows the needs name are loaded (browser: fetch the planned
	 * Parquet row groups; Node: a no-op, everything is loaded). Concurrent
	 * calls are serialized; nothing is loaded twice.
	 */
	ensure(needs: readonly DataNeed[]): Promise<void>;
	/**
	 * What `ensure(needs)` would download now, per table (estimated bytes of
	 * the planned Parquet parts / row groups; nothing already loaded). Node:
	 * always empty.
	 */
	planDownload(needs: readonly DataNeed[]): Promise<TableDownload[]>;
}

export interface TableDownload {
	table: string;
	bytes: number;
}
