/**
 * Table names a snapshot holds and the setup both loaders share: the empty
 * `flags` table for snapshots written before the flags table joined the
 * schema (v2; newer snapshots carry it and the schema creates it), and the
 * lock-down statements run after loading so user SQL can no longer reach
 * files, the network or settings. Also SQL quoting helpers.
 */
import { RECORD_TABLES } from '../ingest/model';

/** Every table of a snapshot produced by the ingest (issue #2), plus flags. */
export const SNAPSHOT_TABLES = [
	'documents',
	...RECORD_TABLES,
	'source_lines',
	'parse_issues',
	'flags'
] as const;

export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

/** Columns of the flags table (issue #4 contract). */
export const FLAGS_COLUMNS = [
	'flag_id',
	'rule_id',
	'severity',
	'doc_id',
	'project_code',
	'table_name',
	'source_line',
	'message',
	'evidence'
] as const;

export const CREATE_EMPTY_FLAGS = `CREATE TABLE IF NOT EXISTS flags (
	flag_id VARCHAR, rule_id VARCHAR, severity VARCHAR, doc_id VARCHAR, project_code VARCHAR,
	table_name VARCHAR, source_line INTEGER, message VARCHAR, evidence VARCHAR
)`;

/** Run before handing the database to the app; order matters (lock last). */
export const LOCK_DOWN = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	'SET enable_external_access = false',
	'SET lock_configuration = true'
] as const;

/** Double-quote an identifier for DuckDB. */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Single-quote a string literal for DuckDB. */
export function quoteString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}
