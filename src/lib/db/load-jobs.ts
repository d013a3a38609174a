/**
 * How the browser fetches planned load units (db/load-plan.ts), per file:
 * - the whole file with one GET, decoding everything, when every non-empty
 *   row group is planned and none is loaded yet, or the part has no
 *   row-group index (v2);
 * - the whole file, decoding only the planned row groups, when the manifest
 *   gives no file size (range reads need it);
 * - otherwise range requests for the planned row groups only.
 * `estimate` is the expected download for the progress bar. Pure.
 */
import { unitKey, type LoadUnit } from './load-plan';
import type { ManifestPart, SnapshotManifest } from './manifest';

export interface FileJob {
	table: string;
	part: ManifestPart;
	units: LoadUnit[];
	/** Fetch the whole file instead of range-reading row groups. */
	whole: boolean;
	/** Row groups to decode; null = every row group of the file (all of it is planned). */
	decode: number[] | null;
	estimate: number;
}

/** Group planned units by file and decide how to fetch and decode each file. */
export function fileJobs(
	manifest: SnapshotManifest,
	units: readonly LoadUnit[],
	loaded: ReadonlySet<string>
): FileJob[] {
	const parts = new Map<string, { table: string; part: ManifestPart }>();
	for (const t of manifest.tables)
		for (const p of t.parts) parts.set(p.path, { table: t.name, part: p });
	const byPath = new Map<string, LoadUnit[]>();
	for (const u of units) {
		const list = byPath.get(u.path);
		if (list) list.push(u);
		else byPath.set(u.path, [u]);
	}
	const out: FileJob[] = [];
	for (const [path, list] of byPath) {
		const { table, part } = parts.get(path)!;
		const groups = part.row_groups;
		const untouched =
			groups !== null && groups.every((_, i) => !loaded.has(unitKey({ path, rowGroup: i })));
		const nonEmpty = groups?.filter((g) => g.rows > 0).length ?? 0;
		// Range reads need the file size; a file read whole anyway is one GET.
		const entire = groups === null || (untouched && list.length === nonEmpty);
		const whole = entire || part.bytes === null;
		const decode = entire ? null : list.map((u) => u.rowGroup!);
		const rows = list.reduce((s, u) => s + (u.rows ?? 0), 0);
		const estimate =
			part.bytes === null
				? 0
				: whole || !part.rows
					? part.bytes
					: Math.round((part.bytes * rows) / part.rows);
		out.push({ table, part, units: list, whole, decode, estimate });
	}
	return out;
}
