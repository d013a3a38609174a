/**
 * What a view's statement needs loaded before it runs (the shared contract of
 * issue #6: `SnapshotConnector.ensure(needs)`). Kept here until the data layer
 * (src/lib/db/types.ts) exports the same type; then this file only re-exports it.
 */
export interface DataNeed {
	/** Schema table name. */
	table: string;
	/** Department keys (queries/sql.ts deptKey semantics). */
	departments?: readonly string[];
	/** Document ids. */
	docs?: readonly string[];
	// neither given → the whole table
}

/** A connector that may load rows lazily (the browser connector of a large snapshot). */
export interface Ensures {
	ensure?(needs: readonly DataNeed[]): Promise<void>;
}

/** Await `conn.ensure(needs)` when the connector loads lazily; a no-op otherwise. */
export async function ensureNeeds(conn: object, needs: readonly DataNeed[]): Promise<void> {
	const lazy = conn as Ensures;
	if (needs.length > 0 && typeof lazy.ensure === 'function') await lazy.ensure(needs);
}
