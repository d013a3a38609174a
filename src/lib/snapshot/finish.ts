/**
 * The finish step shared by both snapshot writers (write.ts for parsed
 * documents, stream-write.ts for streaming ingest). Given a DuckDB
 * connection holding every snapshot table (peer flags included), it builds
 * the rollups (rollups.ts), writes the tables in the chosen layout
 * (partition.ts), the rollup files and manifest.json (format v3,
 * schema/manifest.ts), and returns the manifest. Deterministic: no
 * timestamps or absolute paths; snapshot_id hashes every file written.
 * Node only.
 */
import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableName } from '../ingest/model';
import {
	MANIFEST_DOCUMENT_LIMIT,
	MANIFEST_OVERVIEW_LIMIT,
	type Manifest,
	type ManifestDocument,
	type ManifestRollup,
	type ManifestTable,
	type SnapshotLayout
} from '../schema/manifest';
import { ROLLUPS, rollupOverview, type RollupName } from '../schema/rollups';
import { SCHEMA_VERSION, TABLES } from '../schema/tables';
import {
	copyParquet,
	createPartitionKeys,
	fileInfo,
	quote,
	writeFlatTable,
	writePartitionedTable
} from './partition';
import { buildRollups, rollupOrder } from './rollups';

export const MANIFEST_FILE = 'manifest.json';

export type LayoutOption = SnapshotLayout | 'auto';
/** `auto` writes the partitioned layout above this many documents. */
export const AUTO_PARTITION_ABOVE = 1000;

export interface FinishOptions {
	/** Default `auto`. */
	layout?: LayoutOption;
	/** Rows per Parquet row group (default ROW_GROUP_SIZE; smaller only for tests). */
	rowGroupSize?: number;
	/** Called with one human-readable line per file group written. */
	onProgress?: (line: string) => void;
}

export interface FinishInput {
	/** Manifest entries of the documents (any order). */
	documents: readonly ManifestDocument[];
	issueCounts: Record<string, number>;
}

export function resolveLayout(option: LayoutOption | undefined, documents: number): SnapshotLayout {
	if (option === 'flat' || option === 'partitioned') return option;
	return documents > AUTO_PARTITION_ABOVE ? 'partitioned' : 'flat';
}

const byId = (a: ManifestDocument, b: ManifestDocument) =>
	a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0;

/**
 * rollup_overview's rows for manifest.json (DECIMAL as exact strings, in the
 * file's order), or null above MANIFEST_OVERVIEW_LIMIT rows.
 */
async function inlineOverview(
	conn: DuckDBConnection
): Promise<Record<string, string | number | null>[] | null> {
	const r = rollupOverview;
	const cols = r.columns.map((c) =>
		c.type.startsWith('DECIMAL') ? `${quote(c.name)}::VARCHAR AS ${quote(c.name)}` : quote(c.name)
	);
	const res = await conn.runAndReadAll(
		`SELECT ${cols.join(', ')} FROM ${r.name} ORDER BY ${rollupOrder(r, 'FIRST')} LIMIT ${MANIFEST_OVERVIEW_LIMIT + 1}`
	);
	const rows = res.getRowsJS();
	if (rows.length > MANIFEST_OVERVIEW_LIMIT) return null;
	return rows.map((row) =>
		Object.fromEntries(
			r.columns.map((c, i) => {
				const v = row[i];
				return [
					c.name,
					v === null || v === undefined ? null : typeof v === 'string' ? v : Number(v)
				];
			})
		)
	);
}

/** Title prefix of a synthetic document (src/lib/synth SYNTHETIC_MARKER starts with it). */
export const SYNTHETIC_TITLE_PREFIX = '【合成数据';

/** True when there are documents and every title starts with SYNTHETIC_TITLE_PREFIX. */
async function isSynthetic(conn: DuckDBConnection): Promise<boolean> {
	const r = await conn.runAndReadAll(
		`SELECT count(*)::INTEGER AS n,
			count(*) FILTER (WHERE starts_with(coalesce(title, ''), $1))::INTEGER AS s
		FROM documents`,
		[SYNTHETIC_TITLE_PREFIX]
	);
	const [n, s] = r.getRowsJS()[0] ?? [0, 0];
	return Number(n) > 0 && Number(n) === Number(s);
}

/** Removes what a previous snapshot left in `dir` that this layout does not overwrite (only our own names). */
async function clearOtherLayout(dir: string, layout: SnapshotLayout): Promise<void> {
	await rm(path.join(dir, 'parts'), { recursive: true, force: true });
	if (layout === 'partitioned')
		for (const t of TABLES)
			if (t.name !== 'documents') await rm(path.join(dir, `${t.name}.parquet`), { force: true });
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

export async function finishSnapshot(
	conn: DuckDBConnection,
	dir: string,
	input: FinishInput,
	opts: FinishOptions = {}
): Promise<Manifest> {
	const say = opts.onProgress ?? (() => {});
	const documentCount = input.documents.length;
	const layout = resolveLayout(opts.layout, documentCount);
	let t0 = performance.now();
	const secs = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
	await buildRollups(conn);
	say(`finish: rollups built (${secs()})`);
	const synthetic = await isSynthetic(conn);
	await clearOtherLayout(dir, layout);
	if (layout === 'partitioned') await createPartitionKeys(conn);

	const tables = {} as Record<TableName, ManifestTable>;
	for (const t of TABLES) {
		t0 = performance.now();
		const entry =
			layout === 'flat' || t.name === 'documents'
				? await writeFlatTable(conn, dir, t, opts.rowGroupSize)
				: await writePartitionedTable(conn, dir, t, opts.rowGroupSize);
		tables[t.name] = entry;
		// The rows are on disk: free DuckDB's memory for the next table.
		if (t.name !== 'documents') await conn.run(`DROP TABLE ${quote(t.name)}`);
		say(
			`finish: ${t.name} ${entry.rows} rows, ${entry.parts.length} file${entry.parts.length === 1 ? '' : 's'}, ${mb(entry.bytes)} (${secs()})`
		);
	}

	const rollups = {} as Record<RollupName, ManifestRollup>;
	t0 = performance.now();
	for (const r of ROLLUPS) {
		const file = `${r.name}.parquet`;
		const target = path.join(dir, file);
		const nulls = r.name === 'rollup_overview' ? 'FIRST' : 'LAST';
		await copyParquet(
			conn,
			`SELECT * FROM ${r.name} ORDER BY ${rollupOrder(r, nulls)}`,
			target,
			opts.rowGroupSize
		);
		const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${r.name}`);
		rollups[r.name] = {
			file,
			rows: Number(count.getRowsJS()[0]?.[0] ?? 0),
			...(await fileInfo(target))
		};
	}
	const overview = await inlineOverview(conn);
	say(`finish: rollups written (${secs()})`);

	const idHash = createHash('sha256');
	for (const t of TABLES) idHash.update(`${t.name}:${tables[t.name].sha256}\n`);
	for (const r of ROLLUPS) idHash.update(`${r.name}:${rollups[r.name].sha256}\n`);
	const omitted = documentCount > MANIFEST_DOCUMENT_LIMIT;
	const manifest: Manifest = {
		snapshot_id: idHash.digest('hex').slice(0, 16),
		schema_version: SCHEMA_VERSION,
		layout,
		...(layout === 'partitioned' ? { partition_by: ['fiscal_year', 'province'] } : {}),
		document_count: documentCount,
		synthetic,
		created_from: omitted ? [] : input.documents.map((d) => d.source_name).sort(),
		documents: omitted ? [] : [...input.documents].sort(byId),
		documents_omitted: omitted,
		tables,
		rollups,
		...(overview === null ? {} : { overview }),
		issue_counts: input.issueCounts
	};
	await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, '\t')}\n`);
	return manifest;
}
