/**
 * The snapshot manifest (DIR/manifest.json) as the loaders read it. The
 * snapshot writer owns the format (docs/schema.md); this reader is lenient
 * about what it does not need and strict about file paths (manifest-path.ts).
 *
 * v3: `tables` keyed by name, each with `parts` (one per Parquet file; a
 * partitioned snapshot has one per fiscal_year × province, a flat one exactly
 * one) and per part a row-group index (`rows`, `doc_min`, `doc_max` in file
 * order) that lazy loading (load-plan.ts) uses to fetch only what a view needs;
 * `rollups` (tiny precomputed tables); `layout`, `synthetic`,
 * `document_count`, `documents_omitted`.
 * v2 and older: no parts → one part per table, the table's `file`, without a
 * row-group index (loaded whole). Accepted shapes for `tables`: an object
 * keyed by name (values `{ file?, rows?, bytes?, parts? }` or a row count) or
 * an array of names or of `{ name, … }`. `file` defaults to `<name>.parquet`.
 * Nothing here relies on `documents` (empty when documents_omitted).
 */
import { isSnapshotPath } from './manifest-path';

export interface RowGroupInfo {
	rows: number;
	/** Smallest / largest doc_id in the row group; null when unknown (then never skipped). */
	doc_min: string | null;
	doc_max: string | null;
}

export interface ManifestPart {
	/** Relative path inside the snapshot folder (validated). */
	path: string;
	/** Partition values; in a flat snapshot null means "every partition". */
	fiscal_year: number | null;
	province: string | null;
	rows: number | null;
	bytes: number | null;
	/** Row groups in file order; null when the manifest has none (v2: load the file whole). */
	row_groups: RowGroupInfo[] | null;
	/** The table's only file, listed without parts (v2): it holds every partition. */
	every_partition: boolean;
}

export interface ManifestTable {
	name: string;
	/** The single file of a flat table; null when partitioned. */
	file: string | null;
	rows: number | null;
	bytes: number | null;
	parts: ManifestPart[];
}

export interface ManifestRollup {
	name: string;
	file: string;
	rows: number | null;
	bytes: number | null;
}

export interface SnapshotManifest {
	snapshot_id: string;
	schema_version: string | null;
	layout: 'flat' | 'partitioned';
	partition_by: string[];
	/** Documents in the snapshot; null when the manifest does not say. */
	document_count: number | null;
	/** True when every document is synthetic (demo data). */
	synthetic: boolean;
	/** True when the manifest's `documents` list was left out (large snapshots). */
	documents_omitted: boolean;
	tables: ManifestTable[];
	rollups: ManifestRollup[];
}

export class ManifestError extends Error {
	override name = 'ManifestError';
}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | null {
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(v: unknown): string | null {
	return typeof v === 'string' ? v : null;
}

function checkPath(path: unknown, where: string): string {
	if (typeof path !== 'string' || !isSnapshotPath(path)) {
		throw new ManifestError(`manifest.json：${where} 的文件路径无效 ${JSON.stringify(path)}`);
	}
	return path;
}

function rowGroups(raw: unknown, where: string): RowGroupInfo[] | null {
	if (raw === undefined || raw === null) return null;
	if (!Array.isArray(raw)) throw new ManifestError(`manifest.json：${where}.row_groups 不是列表`);
	return raw.map((g, i) => {
		const rows = isRecord(g) ? num(g.rows) : null;
		if (rows === null || rows < 0 || !Number.isInteger(rows)) {
			throw new ManifestError(`manifest.json：${where}.row_groups[${i}].rows 无效`);
		}
		const r = g as Record<string, unknown>;
		return { rows, doc_min: str(r.doc_min), doc_max: str(r.doc_max) };
	});
}

function part(raw: unknown, where: string): ManifestPart {
	if (!isRecord(raw)) throw new ManifestError(`manifest.json：${where} 不是一个对象`);
	const year = raw.fiscal_year;
	if (year !== undefined && year !== null && !Number.isInteger(year)) {
		throw new ManifestError(`manifest.json：${where}.fiscal_year 无效`);
	}
	const province = raw.province;
	if (province !== undefined && province !== null && typeof province !== 'string') {
		throw new ManifestError(`manifest.json：${where}.province 无效`);
	}
	return {
		path: checkPath(raw.path, where),
		fiscal_year: (year as number | null | undefined) ?? null,
		province: (province as string | null | undefined) ?? null,
		rows: num(raw.rows),
		bytes: num(raw.bytes),
		row_groups: rowGroups(raw.row_groups, where),
		every_partition: false
	};
}

function table(name: unknown, spec: unknown): ManifestTable {
	if (typeof name !== 'string' || !TABLE_NAME.test(name)) {
		throw new ManifestError(`manifest.json：表名无效 ${JSON.stringify(name)}`);
	}
	const s = isRecord(spec) ? spec : {};
	const rows = num(s.rows) ?? num(spec);
	const bytes = num(s.bytes);
	if (Array.isArray(s.parts)) {
		const parts = s.parts.map((p, i) => part(p, `表 ${name} 的 parts[${i}]`));
		const file = typeof s.file === 'string' ? checkPath(s.file, `表 ${name}`) : null;
		return { name, file, rows, bytes, parts };
	}
	if (s.parts !== undefined && s.parts !== null) {
		throw new ManifestError(`manifest.json：表 ${name} 的 parts 不是列表`);
	}
	const file = checkPath(typeof s.file === 'string' ? s.file : `${name}.parquet`, `表 ${name}`);
	const whole: ManifestPart = {
		path: file,
		fiscal_year: null,
		province: null,
		rows,
		bytes,
		row_groups: null,
		every_partition: true
	};
	return { name, file, rows, bytes, parts: [whole] };
}

function rollups(raw: unknown): ManifestRollup[] {
	if (raw === undefined || raw === null) return [];
	if (!isRecord(raw)) throw new ManifestError('manifest.json：rollups 不是一个对象');
	return Object.entries(raw).map(([name, spec]) => {
		if (!/^rollup_[a-z0-9_]{1,56}$/.test(name)) {
			throw new ManifestError(`manifest.json：rollups 中的表名无效 ${JSON.stringify(name)}`);
		}
		const s = isRecord(spec) ? spec : {};
		const file = checkPath(s.file ?? `${name}.parquet`, `rollups.${name}`);
		return { name, file, rows: num(s.rows), bytes: num(s.bytes) };
	});
}

/** Validate a parsed manifest.json; throws ManifestError with a Chinese message. */
export function parseManifest(json: unknown): SnapshotManifest {
	if (!isRecord(json)) throw new ManifestError('manifest.json 不是一个 JSON 对象');
	const id = json.snapshot_id ?? json.snapshotId ?? json.id;
	if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
		throw new ManifestError('manifest.json 缺少 snapshot_id');
	}
	const raw = json.tables;
	let tables: ManifestTable[];
	if (Array.isArray(raw)) {
		tables = raw.map((t) =>
			typeof t === 'string' ? table(t, {}) : table(isRecord(t) ? t.name : t, t)
		);
	} else if (isRecord(raw)) {
		tables = Object.entries(raw).map(([name, spec]) => table(name, spec));
	} else {
		throw new ManifestError('manifest.json 缺少 tables 列表');
	}
	const version = json.schema_version;
	const layout = json.layout ?? 'flat';
	if (layout !== 'flat' && layout !== 'partitioned') {
		throw new ManifestError(`manifest.json：layout 无效 ${JSON.stringify(layout)}`);
	}
	const partitionBy = Array.isArray(json.partition_by)
		? json.partition_by.filter((x): x is string => typeof x === 'string')
		: [];
	return {
		snapshot_id: id,
		schema_version: version === undefined || version === null ? null : String(version),
		layout,
		partition_by: partitionBy,
		document_count: num(json.document_count),
		synthetic: json.synthetic === true,
		documents_omitted: json.documents_omitted === true,
		tables,
		rollups: rollups(json.rollups)
	};
}

/**
 * The manifest with the lazy rollups `names` (schema/rollups.ts `lazy`) that
 * it lists added as one-file tables, so the lazy loader (load-plan.ts,
 * browser-lazy.ts) plans and loads them like any table: whole, on demand.
 */
export function withLazyRollups(
	manifest: SnapshotManifest,
	names: ReadonlySet<string>
): SnapshotManifest {
	const extra: ManifestTable[] = manifest.rollups
		.filter((r) => names.has(r.name) && !manifest.tables.some((t) => t.name === r.name))
		.map((r) => ({
			name: r.name,
			file: r.file,
			rows: r.rows,
			bytes: r.bytes,
			parts: [
				{
					path: r.file,
					fiscal_year: null,
					province: null,
					rows: r.rows,
					bytes: r.bytes,
					row_groups: null,
					every_partition: true
				}
			]
		}));
	return extra.length === 0 ? manifest : { ...manifest, tables: [...manifest.tables, ...extra] };
}
