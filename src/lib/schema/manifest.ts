/**
 * The format of a snapshot directory's manifest.json, shared by the writer
 * (src/lib/snapshot) and readers (browser). The manifest has no timestamps
 * and no absolute paths: the same inputs always give the same manifest.
 */
import type { DocKind, Severity, TableName } from '../ingest/model';
import { sortRows, type TableRows } from './rows';
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

export interface ManifestTable {
	file: string;
	rows: number;
	/** File size in bytes. */
	bytes: number;
	sha256: string;
}

export interface Manifest {
	snapshot_id: string;
	schema_version: number;
	created_from: string[];
	documents: ManifestDocument[];
	tables: Record<TableName, ManifestTable>;
	issue_counts: Record<string, number>;
}

/** Field-by-field description of manifest.json, rendered into docs/schema.md. */
export const MANIFEST_FIELDS: { field: string; zh: string; en: string }[] = [
	{
		field: 'snapshot_id',
		zh: '内容哈希：按表名顺序拼接各 Parquet 文件的“表名:sha256”行，再取 SHA-256 的前 16 位十六进制',
		en: 'Content hash: SHA-256 of the "table:sha256" lines of the Parquet files in table order, first 16 hex digits'
	},
	{ field: 'schema_version', zh: '快照结构版本（整数）', en: 'Schema version (integer)' },
	{
		field: 'created_from',
		zh: '源文件名（不含路径），按字母排序',
		en: 'Source file names (no paths), sorted'
	},
	{
		field: 'documents[]',
		zh: '每个文档：doc_id、source_name、department_name、fiscal_year、kind、rows_seen/rows_stored/rows_reported、tables_found、按级别统计的问题数 issues {error, warning, info}',
		en: 'Per document: doc_id, source_name, department_name, fiscal_year, kind, rows_seen/rows_stored/rows_reported, tables_found, issue counts by severity {error, warning, info}'
	},
	{
		field: 'tables.<name>',
		zh: '每张表：file（Parquet 文件名）、rows（行数）、bytes（文件字节数）、sha256（文件哈希）',
		en: 'Per table: file (Parquet file name), rows (row count), bytes (file size), sha256 (file hash)'
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
