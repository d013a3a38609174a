/**
 * Scaled snapshots for the benchmarks (scripts/bench-scale-data.ts): loads a
 * base snapshot into DuckDB and replicates its documents in SQL until the
 * snapshot holds a target number of *fact rows*.
 *
 * Fact rows = the rows of every table except `documents` and `source_lines`
 * (the tables the views aggregate: financial tables, projects, indicators,
 * parse_issues, flags …; source_lines is the verbatim text, read 40 lines at
 * a time by the 原文 panel, and is replicated along but not counted).
 *
 * Unit of replication: one department (all its years) of the base, copy c.
 * Units are taken in order (copy, department_key) until the fact rows reach
 * the target, so a target below the base takes a subset of departments.
 * Copy 0 is the base unchanged; copy c ≥ 1 gets
 *   doc_id         = first 16 hex of sha256(doc_id || ':' || c)
 *   department_key = key || '·' || c,  department_name = name || '·' || c,
 *   source_name    = 'c<c>-' || name,  sha256 = sha256(sha256 || ':' || c),
 *   flags.flag_id  with the old doc_id replaced by the new one,
 * every other column (years, exact DECIMAL amounts, text) unchanged.
 * Departments multiply; years and provinces stay as in the base.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTableSql, TABLES } from '../../src/lib/schema/tables';

/** Tables whose rows count as fact rows (see the header). */
export const FACT_TABLES: readonly string[] = TABLES.map((t) => t.name).filter(
	(n) => n !== 'documents' && n !== 'source_lines'
);

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
	const r = await conn.runAndReadAll(sql);
	return Number(r.getRows()[0]?.[0] ?? 0);
}

/** Column names of a loaded table, in order. */
export async function columnsOf(conn: DuckDBConnection, table: string): Promise<string[]> {
	const r = await conn.runAndReadAll(
		`SELECT column_name FROM information_schema.columns WHERE table_name = ${lit(table)} ORDER BY ordinal_position`
	);
	return r.getRows().map((row) => String(row[0]));
}

/**
 * Loads a snapshot directory (any layout: every part the manifest lists) as
 * tables `base_<table>`; derives `province` when the base predates v3
 * (the 省级 prefix of region: …省, …自治区 or a municipality …市).
 */
export async function loadBase(conn: DuckDBConnection, dir: string): Promise<void> {
	const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
		tables: Record<string, { file?: string | null; parts?: { path: string }[] }>;
	};
	for (const t of TABLES) {
		const m = manifest.tables[t.name];
		const files = m?.parts?.map((p) => p.path) ?? [m?.file ?? `${t.name}.parquet`];
		const list = files.map((f) => lit(path.join(dir, f))).join(', ');
		if (files.length === 0)
			await conn.run(createTableSql(t).replace(q(t.name), q(`base_${t.name}`)));
		else
			await conn.run(
				`CREATE TABLE ${q('base_' + t.name)} AS SELECT * FROM read_parquet([${list}], hive_partitioning = false)`
			);
	}
	const cols = await columnsOf(conn, 'base_documents');
	if (!cols.includes('province')) {
		await conn.run(`ALTER TABLE base_documents ADD COLUMN province VARCHAR`);
		await conn.run(
			`UPDATE base_documents SET province = nullif(regexp_extract(region, '^(.+?(省|自治区|市))', 1), '')`
		);
	}
}

/** Column names of a schema table, in schema order (the order the writer expects). */
function tableColumns(name: string): string[] {
	const t = TABLES.find((d) => d.name === name);
	if (!t) throw new Error(`unknown table ${name}`);
	return t.columns.map((c) => c.name);
}

/** Fact rows of the loaded base (tables base_*). */
export async function baseFactRows(conn: DuckDBConnection): Promise<number> {
	let n = 0;
	for (const t of FACT_TABLES) n += await scalar(conn, `SELECT count(*) FROM ${q('base_' + t)}`);
	return n;
}

/**
 * Creates the scaled tables (named like the schema tables) from base_*:
 * returns the copies used, documents and fact rows reached.
 */
export async function replicate(
	conn: DuckDBConnection,
	target: number
): Promise<{ copies: number; documents: number; factRows: number }> {
	const perDoc = FACT_TABLES.map((t) => `SELECT doc_id FROM ${q('base_' + t)}`).join(' UNION ALL ');
	await conn.run(`CREATE OR REPLACE TEMP TABLE doc_facts AS
		SELECT d.doc_id, coalesce(d.department_key, d.department_name, d.doc_id) AS unit,
			count(f.doc_id) AS n
		FROM base_documents d LEFT JOIN (${perDoc}) f USING (doc_id) GROUP BY ALL`);
	const base = await scalar(conn, `SELECT sum(n) FROM doc_facts`);
	if (!(base > 0)) throw new Error('base snapshot has no fact rows');
	const copies = Math.max(1, Math.ceil(target / base));
	await conn.run(`CREATE OR REPLACE TEMP TABLE units AS
		WITH u AS (SELECT unit, sum(n) AS n FROM doc_facts GROUP BY unit),
		c AS (SELECT range::INTEGER AS copy FROM range(${copies})),
		cu AS (SELECT copy, unit, n,
			sum(n) OVER (ORDER BY copy, unit ROWS UNBOUNDED PRECEDING) AS cum FROM c, u)
		SELECT copy, unit FROM cu WHERE cum - n < ${target}`);
	await conn.run(`CREATE OR REPLACE TEMP TABLE doc_map AS
		SELECT f.doc_id AS old_id, u.copy,
			CASE WHEN u.copy = 0 THEN f.doc_id
				ELSE substr(sha256(f.doc_id || ':' || u.copy), 1, 16) END AS new_id
		FROM doc_facts f JOIN units u USING (unit)`);
	const docCols = tableColumns('documents');
	const suffix = (c: string) =>
		`CASE WHEN m.copy = 0 THEN b.${q(c)} ELSE b.${q(c)} || '·' || m.copy END`;
	const docSelect = docCols.map((c) => {
		if (c === 'doc_id') return `m.new_id AS doc_id`;
		if (c === 'department_key' || c === 'department_name') return `${suffix(c)} AS ${q(c)}`;
		if (c === 'source_name')
			return `CASE WHEN m.copy = 0 THEN b.source_name ELSE 'c' || m.copy || '-' || b.source_name END AS source_name`;
		if (c === 'sha256')
			return `CASE WHEN m.copy = 0 THEN b.sha256 ELSE sha256(b.sha256 || ':' || m.copy) END AS sha256`;
		return `b.${q(c)}`;
	});
	await conn.run(`CREATE OR REPLACE TABLE documents AS
		SELECT ${docSelect.join(', ')} FROM base_documents b JOIN doc_map m ON m.old_id = b.doc_id`);
	for (const t of TABLES) {
		if (t.name === 'documents') continue;
		const cols = tableColumns(t.name).map((c) => {
			if (c === 'doc_id') return `m.new_id AS doc_id`;
			if (t.name === 'flags' && c === 'flag_id')
				return `replace(b.flag_id, m.old_id, m.new_id) AS flag_id`;
			return `b.${q(c)}`;
		});
		await conn.run(`CREATE OR REPLACE TABLE ${q(t.name)} AS
			SELECT ${cols.join(', ')} FROM ${q('base_' + t.name)} b JOIN doc_map m ON m.old_id = b.doc_id`);
	}
	for (const t of TABLES) await conn.run(`DROP TABLE ${q('base_' + t.name)}`);
	const documents = await scalar(conn, `SELECT count(*) FROM documents`);
	let factRows = 0;
	for (const t of FACT_TABLES) factRows += await scalar(conn, `SELECT count(*) FROM ${q(t)}`);
	return { copies, documents, factRows };
}
