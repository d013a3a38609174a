/**
 * The format (v3) of a snapshot directory's manifest.json, shared by the
 * writer (src/lib/snapshot) and readers (browser): layout, per-table parts
 * with their row-group index, rollups. The manifest has no timestamps and
 * no absolute paths: the same inputs always give the same manifest.
 */
import type { DocKind, Severity, TableName } from '../ingest/model';
import { sortRows, type TableRows } from './rows';
import type { RollupName } from './rollups';
import { SCHEMA_VERSION, TABLES } from './tables';

export interface ManifestDocument {
	doc_id: string;
	source_name: string;
	department_name: string | null;
	fiscal_year: number | null;
	kind: DocKind;
	rows_seen: number;
	rows_stored: number;
	rows_reported: number;
	tables_found: string[];
	issues: Record<Severity, number>;
}

/** One Parquet row group of a part, in file order. */
export interface ManifestRowGroup {
	rows: number;
	/** Smallest and largest doc_id in the row group (null when it has no rows). */
	doc_min: string | null;
	doc_max: string | null;
}

/** One Parquet file of a table. */
export interface ManifestPart {
	/** Path inside the snapshot directory (raw UTF-8; readers URL-encode each segment). */
	path: string;
	/** The partition's values; null in a flat file (= every partition) or for NULL values. */
	fiscal_year: number | null;
	province: string | null;
	rows: number;
	bytes: number;
	sha256: string;
	row_groups: ManifestRowGroup[];
}

export interface ManifestTable {
	/** flat: the table's file; partitioned: null (except documents, always flat). */
	file: string | null;
	/** Totals over the parts. */
	rows: number;
	bytes: number;
	/** flat: the file's hash; several parts: SHA-256 of the parts' "path:sha256" lines. */
	sha256: string;
	parts: ManifestPart[];
}

/** A rollup file (schema/rollups.ts). */
export interface ManifestRollup {
	file: string;
	rows: number;
	bytes: number;
	sha256: string;
}

export type SnapshotLayout = 'flat' | 'partitioned';

/** Rows per Parquet row group in every file (DuckDB rounds up to a multiple of 2048). */
export const ROW_GROUP_SIZE = 16384;

/** Above this many documents the manifest omits `documents` and `created_from`. */
export const MANIFEST_DOCUMENT_LIMIT = 2000;

export interface Manifest {
	snapshot_id: string;
	schema_version: number;
	layout: SnapshotLayout;
	/** Partition columns (partitioned layout only). */
	partition_by?: string[];
	document_count: number;
	/** Every document is synthetic (its title starts with 【合成数据). */
	synthetic: boolean;
	created_from: string[];
	documents: ManifestDocument[];
	documents_omitted: boolean;
	tables: Record<TableName, ManifestTable>;
	rollups: Record<RollupName, ManifestRollup>;
	/**
	 * The rows of rollup_overview inline (DECIMAL as exact strings), so the
	 * overview's first chart needs only manifest.json; omitted above
	 * MANIFEST_OVERVIEW_LIMIT rows (readers then read rollup_overview.parquet).
	 */
	overview?: Record<string, string | number | null>[];
	issue_counts: Record<string, number>;
}

/** At most this many rollup_overview rows are copied into manifest.json. */
export const MANIFEST_OVERVIEW_LIMIT = 5000;

/** Field-by-field description of manifest.json, rendered into docs/schema.md. */
export const MANIFEST_FIELDS: { field: string; zh: string; en: string }[] = [
	{
		field: 'snapshot_id',
		zh: '内容哈希：依次拼接各表的“表名:sha256”行（表的顺序同上），再拼接各汇总表的“汇总表名:sha256”行，取 SHA-256 的前 16 位十六进制',
		en: 'Content hash: SHA-256 of the "table:sha256" lines of the tables in table order, then the "rollup:sha256" lines of the rollups; first 16 hex digits'
	},
	{ field: 'schema_version', zh: '快照结构版本（整数）', en: 'Schema version (integer)' },
	{
		field: 'layout',
		zh: '布局：flat（每表一个文件 `<表名>.parquet`）或 partitioned（除 documents 外每表按文档的 fiscal_year 与 province 分区，写作 `parts/<表名>/fiscal_year=<年>/province=<省>/part-0.parquet`，空值写作 `__HIVE_DEFAULT_PARTITION__`）',
		en: "flat (one `<table>.parquet` per table) or partitioned (every table but documents split by the owning document's fiscal_year and province into `parts/<table>/fiscal_year=<Y>/province=<P>/part-0.parquet`; NULL is `__HIVE_DEFAULT_PARTITION__`)"
	},
	{
		field: 'partition_by',
		zh: '仅 partitioned：分区列 ["fiscal_year", "province"]（取自所属文档；目录名为原始 UTF-8 值，读取时逐段 URL 编码）。注意 three_public 与 related_expenses 自有 fiscal_year 列，读取时不要启用 hive 分区列推断',
		en: 'partitioned only: ["fiscal_year", "province"] (of the owning document; directory names are raw UTF-8, URL-encode each segment when fetching). three_public and related_expenses have their own fiscal_year column: read parts with hive partitioning off'
	},
	{
		field: 'document_count',
		zh: '文档数',
		en: 'Number of documents'
	},
	{
		field: 'synthetic',
		zh: '是否全部为合成数据（每个文档标题都以“【合成数据”开头；没有文档时为 false）',
		en: 'True when every document is synthetic (its title starts with 【合成数据); false with no documents'
	},
	{
		field: 'created_from',
		zh: '源文件名（不含路径），按字母排序；文档多于 2000 个时为空数组',
		en: 'Source file names (no paths), sorted; empty when there are more than 2000 documents'
	},
	{
		field: 'documents[]',
		zh: '每个文档：doc_id、source_name、department_name、fiscal_year、kind、rows_seen/rows_stored/rows_reported、tables_found、按级别统计的问题数 issues {error, warning, info}；按 doc_id 排序；文档多于 2000 个时为空数组（查 documents 表）',
		en: 'Per document, by doc_id: doc_id, source_name, department_name, fiscal_year, kind, rows_seen/rows_stored/rows_reported, tables_found, issue counts by severity {error, warning, info}; empty when there are more than 2000 documents (read the documents table)'
	},
	{
		field: 'documents_omitted',
		zh: 'documents 与 created_from 是否因文档多于 2000 个而省略',
		en: 'True when documents and created_from are left empty (more than 2000 documents)'
	},
	{
		field: 'tables.<name>',
		zh: '每张表：file（flat 的文件名；partitioned 为 null，documents 除外）、rows、bytes（各分片合计）、sha256（单个文件时为文件哈希，否则为各分片“path:sha256”行的哈希）、parts[]',
		en: 'Per table: file (flat: the file; partitioned: null, except documents), rows, bytes (totals over the parts), sha256 (the file\'s hash for one flat file, else the hash of the parts\' "path:sha256" lines), parts[]'
	},
	{
		field: 'tables.<name>.parts[]',
		zh: '每个 Parquet 文件（flat 恰好一个，path 即 file）：path、fiscal_year 与 province（分区值；flat 为 null 表示全部分区）、rows、bytes、sha256、row_groups[]；按 fiscal_year、province 排序（空值在前）；没有行的表在 partitioned 布局下没有分片',
		en: 'Each Parquet file (flat: exactly one, path = file): path, fiscal_year and province (the partition; null in flat = every partition), rows, bytes, sha256, row_groups[]; ordered by fiscal_year, province (NULLs first); a table without rows has no parts in the partitioned layout'
	},
	{
		field: 'tables.<name>.parts[].row_groups[]',
		zh: '文件中的每个行组（按文件顺序）：rows、doc_min、doc_max（行组内 doc_id 的最小、最大值）。文件内按 doc_id、排序键、全部列排序，可按 doc_id 跳过行组',
		en: 'Each row group in file order: rows, doc_min, doc_max (smallest and largest doc_id). Files are sorted by doc_id, the sort keys, then every column, so row groups can be skipped by doc_id'
	},
	{
		field: 'rollups.<name>',
		zh: '每张汇总表：file、rows、bytes、sha256（两种布局都写）',
		en: 'Per rollup table: file, rows, bytes, sha256 (written in both layouts)'
	},
	{
		field: 'overview[]',
		zh: 'rollup_overview 的全部行（同列名；金额为精确的十进制字符串），总览首图只需读取 manifest.json；超过 5000 行时省略',
		en: "Every row of rollup_overview (same column names; amounts as exact decimal strings), so the overview's first chart needs only manifest.json; omitted above 5,000 rows"
	},
	{
		field: 'issue_counts',
		zh: '按问题代码统计的 parse_issues 行数',
		en: 'parse_issues row counts by issue code'
	}
];

export { SCHEMA_VERSION };

/** Merges per-document rows into snapshot-wide tables in deterministic order. */
export function mergeRows(perDocument: TableRows[]): TableRows {
	const out = {} as TableRows;
	for (const table of TABLES) {
		const all = perDocument.flatMap((d) => d[table.name]);
		out[table.name] = sortRows(table, all);
	}
	return out;
}

/** The manifest entry of one document, from its rows. */
export function manifestDocument(rows: TableRows): ManifestDocument {
	const doc = rows.documents[0];
	if (!doc) throw new Error('document rows without a documents row');
	const issues: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	for (const issue of rows.parse_issues) {
		const s = issue.severity;
		if (s === 'error' || s === 'warning' || s === 'info') issues[s]++;
	}
	const str = (v: unknown) => (typeof v === 'string' ? v : null);
	const num = (v: unknown) => (typeof v === 'number' ? v : 0);
	return {
		doc_id: String(doc.doc_id),
		source_name: String(doc.source_name),
		department_name: str(doc.department_name),
		fiscal_year: typeof doc.fiscal_year === 'number' ? doc.fiscal_year : null,
		kind: doc.kind === 'final' ? 'final' : 'budget',
		rows_seen: num(doc.rows_seen),
		rows_stored: num(doc.rows_stored),
		rows_reported: num(doc.rows_reported),
		tables_found: (str(doc.tables_found) ?? '').split(',').filter((t) => t !== ''),
		issues
	};
}

/** Counts of parse_issues rows by code, keys sorted. */
export function issueCounts(issues: TableRows['parse_issues']): Record<string, number> {
	const counts = new Map<string, number>();
	for (const i of issues) counts.set(String(i.code), (counts.get(String(i.code)) ?? 0) + 1);
	return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
