/**
 * Which Parquet row groups to load for a set of data needs (lazy loading).
 * Pure: no DuckDB, no fetch, so Node tests can check that loading only the
 * planned units gives the same rows as loading everything.
 *
 * A need names a table and optionally departments (matched like
 * queries/sql.ts deptIn: the department key or the published name) and/or
 * doc ids (union of both); neither, or only empty lists, means the whole
 * table. A `scope` (fiscal years and/or provinces) keeps only documents in
 * those partitions: of the departments/docs when given, else of the whole
 * document index. The needed documents select parts by partition (a partitioned
 * snapshot's part holds exactly one fiscal_year × province, NULL included;
 * a flat snapshot's single part, or a table listed without parts, holds
 * every partition), then row groups by
 * `doc_min ≤ doc_id ≤ doc_max` (code point order, as DuckDB sorts VARCHAR).
 * A part without a row-group index is one whole-file unit (rowGroup null).
 * Units already loaded (by `unitKey`) are never planned again.
 */
import type { SnapshotManifest } from './manifest';
import type { DataNeed } from './types';

export interface DocInfo {
	fiscal_year: number | null;
	province: string | null;
	/** queries/sql.ts deptKey of the document. */
	department_key: string;
	/** Published department name (links saved before department_key match it too). */
	department_name?: string | null;
}

export type DocIndex = ReadonlyMap<string, DocInfo>;

export interface LoadUnit {
	table: string;
	path: string;
	/** Row group index in the file; null = the whole file. */
	rowGroup: number | null;
	/** First row of the unit in the file (0 for a whole file). */
	rowStart: number;
	/** Rows in the unit; null when unknown (a whole file without a row count). */
	rows: number | null;
}

/** Identity of a unit for the already-loaded set. */
export function unitKey(u: Pick<LoadUnit, 'path' | 'rowGroup'>): string {
	return u.rowGroup === null ? u.path : `${u.path}#${u.rowGroup}`;
}

/** Code point order (UTF-8 byte order), unlike `<` on UTF-16 strings. */
export function compareCodePoints(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x === y) continue;
		// A surrogate encodes a code point above every BMP character.
		const sx = x >= 0xd800 && x <= 0xdfff;
		const sy = y >= 0xd800 && y <= 0xdfff;
		if (sx !== sy) return sx ? 1 : -1;
		return x - y;
	}
	return a.length - b.length;
}

/** Doc ids a need selects, or null for the whole table. */
export function neededDocs(need: DataNeed, docIndex: DocIndex): Set<string> | null {
	const departments = need.departments ?? [];
	const docs = need.docs ?? [];
	const years = need.scope?.years ?? [];
	const provinces = need.scope?.provinces ?? [];
	if (years.length > 0 || provinces.length > 0) {
		const base =
			departments.length === 0 && docs.length === 0
				? null
				: neededDocs({ ...need, scope: undefined }, docIndex);
		const inScope = (d: DocInfo) =>
			(years.length === 0 || (d.fiscal_year !== null && years.includes(d.fiscal_year))) &&
			(provinces.length === 0 || (d.province !== null && provinces.includes(d.province)));
		const out = new Set<string>();
		for (const id of base ?? docIndex.keys()) {
			const d = docIndex.get(id);
			if (d && inScope(d)) out.add(id);
		}
		return out;
	}
	if (departments.length === 0 && docs.length === 0) return null;
	const out = new Set<string>(docs);
	if (departments.length > 0) {
		const wanted = new Set(departments);
		for (const [id, d] of docIndex) {
			if (wanted.has(d.department_key) || (d.department_name && wanted.has(d.department_name))) {
				out.add(id);
			}
		}
	}
	return out;
}

function partitionKey(year: number | null, province: string | null): string {
	return `${year ?? '\u0000null'}\u0001${province ?? '\u0000null'}`;
}

/**
 * The units to load for `needs`, in manifest order (table, part, row group),
 * each at most once and none already in `loaded`. Tables the manifest does
 * not list are ignored.
 */
export function planLoad(
	manifest: SnapshotManifest,
	docIndex: DocIndex,
	needs: readonly DataNeed[],
	loaded: ReadonlySet<string> = new Set()
): LoadUnit[] {
	// Per table: null = whole table, else the needed doc ids (sorted).
	const byTable = new Map<string, string[] | null>();
	for (const need of needs) {
		const docs = neededDocs(need, docIndex);
		const prev = byTable.get(need.table);
		if (docs === null || prev === null) byTable.set(need.table, null);
		else byTable.set(need.table, [...(prev ?? []), ...docs]);
	}
	const partitioned = manifest.layout === 'partitioned';
	const units: LoadUnit[] = [];
	for (const table of manifest.tables) {
		if (!byTable.has(table.name)) continue;
		const docs = byTable.get(table.name) ?? null;
		const wanted = docs && [...new Set(docs)].sort(compareCodePoints);
		if (wanted && wanted.length === 0) continue;
		// Partitions of the needed docs (documents not in the index hold no rows here).
		const partitions = new Set<string>();
		for (const id of wanted ?? []) {
			const d = docIndex.get(id);
			if (d) partitions.add(partitionKey(d.fiscal_year, d.province));
		}
		for (const p of table.parts) {
			const inPartition =
				!partitioned ||
				p.every_partition ||
				partitions.has(partitionKey(p.fiscal_year, p.province));
			if (wanted && !inPartition) {
				continue;
			}
			if (p.row_groups === null) {
				const u: LoadUnit = {
					table: table.name,
					path: p.path,
					rowGroup: null,
					rowStart: 0,
					rows: p.rows
				};
				if (!loaded.has(unitKey(u))) units.push(u);
				continue;
			}
			let start = 0;
			p.row_groups.forEach((g, i) => {
				const rowStart = start;
				start += g.rows;
				if (g.rows === 0) return;
				const u: LoadUnit = {
					table: table.name,
					path: p.path,
					rowGroup: i,
					rowStart,
					rows: g.rows
				};
				if (loaded.has(unitKey(u))) return;
				if (wanted && !mayHold(g.doc_min, g.doc_max, wanted)) return;
				units.push(u);
			});
		}
	}
	return units;
}

/** Whether a row group with these doc_id bounds may hold one of `sorted` ids. */
function mayHold(min: string | null, max: string | null, sorted: readonly string[]): boolean {
	if (min === null || max === null) return true;
	// First id ≥ min (binary search), then check it is ≤ max.
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (compareCodePoints(sorted[mid]!, min) < 0) lo = mid + 1;
		else hi = mid;
	}
	return lo < sorted.length && compareCodePoints(sorted[lo]!, max) <= 0;
}
