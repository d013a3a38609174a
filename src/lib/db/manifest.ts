/**
 * The snapshot manifest (DIR/manifest.json) as the loaders read it, validated
 * leniently: the snapshot writer (issue #2) owns the format; we need only the
 * snapshot id and, per table, its Parquet file name. Accepted shapes for
 * `tables`: an array of `{ name, file?, rows?, bytes? }` or of names, or an
 * object keyed by table name whose values are `{ file?, rows?, bytes? }` or a
 * row count. `file` defaults to `<name>.parquet`.
 */

export interface ManifestTable {
	name: string;
	file: string;
	rows: number | null;
	bytes: number | null;
}

export interface SnapshotManifest {
	snapshot_id: string;
	schema_version: string | null;
	tables: ManifestTable[];
}

export class ManifestError extends Error {
	override name = 'ManifestError';
}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const FILE_NAME = /^[A-Za-z0-9_.-]{1,200}\.parquet$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | null {
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function table(name: unknown, spec: unknown): ManifestTable {
	if (typeof name !== 'string' || !TABLE_NAME.test(name)) {
		throw new ManifestError(`manifest.json：表名无效 ${JSON.stringify(name)}`);
	}
	const s = isRecord(spec) ? spec : {};
	const file = typeof s.file === 'string' ? s.file.split('/').pop()! : `${name}.parquet`;
	if (!FILE_NAME.test(file) || file.startsWith('.')) {
		throw new ManifestError(`manifest.json：表 ${name} 的文件名无效 ${JSON.stringify(file)}`);
	}
	return { name, file, rows: num(s.rows) ?? num(spec), bytes: num(s.bytes) };
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
	return {
		snapshot_id: id,
		schema_version: version === undefined || version === null ? null : String(version),
		tables
	};
}
