/**
 * The SQL page's scope and memory ceiling (pure; both connectors and the page
 * use it).
 *
 * Scope: fiscal years and/or provinces chosen by the user (URL `sy`, `sp`).
 * Only the partitions of those documents are loaded (load-plan.ts, a need's
 * `scope`), and the user statement runs so that every snapshot table name
 * resolves to the scope's rows, whatever other views loaded before: inside
 * the user query's transaction (always rolled back) the connector creates
 * `CREATE TEMP VIEW <t> AS SELECT * FROM <catalog>.main.<t> WHERE …` for each
 * table with a doc_id column. Temp views shadow the main tables for
 * unqualified names; the catalog-qualified source avoids the view reading
 * itself (`main.t` alone would resolve to the view). Our code creates these
 * views, so the guard still checks only the user's own text. Rollups (no
 * doc_id) are not scoped; `memory.main.t` written out by the user reaches the
 * whole loaded table, as it says.
 *
 * Ceiling: DuckDB-WASM holds tables in memory and cannot spill. On the
 * 100k-document snapshot (/work/scale/snap-10kx10) an unscoped SQL run that
 * fetched 118 MB of Parquet took the tab to 3.1 GiB and out of memory on the
 * next view (a Parquet byte becomes very roughly 10–25 bytes of DuckDB
 * memory). 64 MB is about half of that, leaves room for the tables other
 * views load, and still lets through any whole table of that snapshot except
 * source_lines (141 MB; indicators is 21 MB) and any one year of every table
 * (source_lines ~14 MB per year). Above it the page asks before loading.
 */
import { quoteIdent, quoteString } from './snapshot-tables';
import type { DataNeed, DataScope, TableDownload } from './types';
import type { SnapshotManifest } from './manifest';

/** Planned Parquet download above which the SQL page asks before loading. */
export const SQL_LOAD_CEILING_BYTES = 64_000_000;

/** True when the scope narrows anything. */
export function hasScope(scope: DataScope | undefined): scope is DataScope {
	return (scope?.years?.length ?? 0) > 0 || (scope?.provinces?.length ?? 0) > 0;
}

/** The needs for running SQL over `tables` (in `scope` when it narrows). */
export function scopeNeeds(tables: readonly string[], scope?: DataScope): DataNeed[] {
	return tables.map((table) => (hasScope(scope) ? { table, scope } : { table }));
}

/** The ceiling decision: the planned download is above `ceiling` bytes. */
export function overCeiling(
	plan: readonly TableDownload[],
	ceiling: number = SQL_LOAD_CEILING_BYTES
): boolean {
	return totalBytes(plan) > ceiling;
}

export function totalBytes(plan: readonly TableDownload[]): number {
	return plan.reduce((s, t) => s + t.bytes, 0);
}

/** "12.3 MB" (decimal megabytes, one decimal; at least 0.1 MB when not zero). */
export function formatMb(bytes: number): string {
	const mb = bytes / 1e6;
	return `${mb > 0 && mb < 0.1 ? '0.1' : mb.toFixed(1)} MB`;
}

/** The WHERE condition selecting the scope's documents in `documents` (alias-free). */
function documentCondition(scope: DataScope): string {
	const parts: string[] = [];
	const years = scope.years ?? [];
	const provinces = scope.provinces ?? [];
	if (years.length > 0) {
		parts.push(`fiscal_year IN (${years.map((y) => String(Math.trunc(Number(y)))).join(', ')})`);
	}
	if (provinces.length > 0) parts.push(`province IN (${provinces.map(quoteString).join(', ')})`);
	return parts.join(' AND ');
}

/**
 * Statements that, run inside the user's transaction, make each of `tables`
 * (tables of `catalog`.main with a doc_id column; `documents` among them)
 * resolve to the scope's rows. Empty when the scope does not narrow.
 */
export function scopeViewStatements(
	catalog: string,
	tables: readonly string[],
	scope: DataScope | undefined
): string[] {
	if (!hasScope(scope)) return [];
	const src = (t: string) => `${quoteIdent(catalog)}.main.${quoteIdent(t)}`;
	const cond = documentCondition(scope);
	return tables.map((t) =>
		t === 'documents'
			? `CREATE TEMP VIEW ${quoteIdent(t)} AS SELECT * FROM ${src(t)} WHERE ${cond}`
			: `CREATE TEMP VIEW ${quoteIdent(t)} AS SELECT * FROM ${src(t)} WHERE doc_id IN (SELECT doc_id FROM ${src('documents')} WHERE ${cond})`
	);
}

/** Tables a scope applies to: main tables with a doc_id column (run on the user connection). */
export const SCOPED_TABLES_SQL =
	"SELECT table_name FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' AND column_name = 'doc_id' AND table_name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY 1";

export const CURRENT_CATALOG_SQL = 'SELECT current_database() AS catalog';

export interface ScopeOption<T> {
	value: T;
	/** Parquet bytes of the partitions with this value (over the given tables). */
	bytes: number;
}

/**
 * The years and provinces a partitioned snapshot's parts list, each with the
 * bytes of its partitions over `tables` (every table when empty). NULL
 * partition values are not offered (they cannot be chosen in the URL).
 */
export function scopeOptions(
	manifest: SnapshotManifest,
	tables: readonly string[] = []
): { years: ScopeOption<number>[]; provinces: ScopeOption<string>[] } {
	const years = new Map<number, number>();
	const provinces = new Map<string, number>();
	for (const t of manifest.tables) {
		if (tables.length > 0 && !tables.includes(t.name)) continue;
		for (const p of t.parts) {
			if (p.every_partition) continue;
			const b = p.bytes ?? 0;
			if (p.fiscal_year !== null) years.set(p.fiscal_year, (years.get(p.fiscal_year) ?? 0) + b);
			if (p.province !== null) provinces.set(p.province, (provinces.get(p.province) ?? 0) + b);
		}
	}
	return {
		years: [...years].sort((a, b) => a[0] - b[0]).map(([value, bytes]) => ({ value, bytes })),
		provinces: [...provinces]
			.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
			.map(([value, bytes]) => ({ value, bytes }))
	};
}
