/**
 * Builds the tiny Parquet snapshot fixture used by the query layer tests:
 * runs tests/fixtures/snapshot/fixture.sql in an in-memory DuckDB and writes
 * one `<table>.parquet` per table plus `manifest.json` into the same folder.
 *
 *   npx tsx scripts/make-fixture.ts
 *
 * Every table of the snapshot schema (src/lib/schema) is written with exactly
 * the schema's columns, order and types (columns fixture.sql leaves out are
 * NULL), so the fixture cannot drift from what the ingest writes.
 * The output is committed; rerun after editing fixture.sql.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA_VERSION, TABLES } from '../src/lib/schema/tables';

const dir = path.resolve(process.cwd(), 'tests/fixtures/snapshot');
const sql = readFileSync(path.join(dir, 'fixture.sql'), 'utf8');

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run(sql);
const have = await conn.runAndReadAll(
	"SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
);
const present = new Set(have.getRowsJS().map(([t, c]) => `${String(t)}.${String(c)}`));
const tables: Record<string, { file: string; rows: number; bytes: number }> = {};
for (const table of TABLES) {
	const t = table.name;
	const cols = table.columns.map((c) =>
		present.has(`${t}.${c.name}`)
			? `CAST("${c.name}" AS ${c.type}) AS "${c.name}"`
			: `CAST(NULL AS ${c.type}) AS "${c.name}"`
	);
	const from = present.has(`${t}.doc_id`) ? `"${t}"` : '(SELECT 1 WHERE FALSE)';
	const file = `${t}.parquet`;
	const out = path.join(dir, file).replaceAll("'", "''");
	await conn.run(`COPY (SELECT ${cols.join(', ')} FROM ${from}) TO '${out}' (FORMAT parquet)`);
	const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${from}`);
	const rows = Number(count.getRowsJS()[0]?.[0] ?? 0);
	tables[t] = { file, rows, bytes: statSync(path.join(dir, file)).size };
}
const manifest = { snapshot_id: 'fixture-0001', schema_version: SCHEMA_VERSION, tables };
writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
conn.closeSync();
console.log(`wrote ${Object.keys(tables).length} tables to ${path.relative(process.cwd(), dir)}`);
