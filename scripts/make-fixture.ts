/**
 * Builds the tiny Parquet snapshot fixture used by the query layer tests:
 * runs tests/fixtures/snapshot/fixture.sql in an in-memory DuckDB, casts
 * every table to exactly the snapshot schema's columns, order and types
 * (columns fixture.sql leaves out are NULL), and writes it through the
 * ingest's own finish step (src/lib/snapshot/finish.ts: flat layout,
 * rollups, manifest v3) into the same folder, so the fixture cannot drift
 * from what the ingest writes. The snapshot_id is then fixed to
 * `fixture-0001` so tests can name it.
 *
 *   npx tsx scripts/make-fixture.ts
 *
 * The output is committed; rerun after editing fixture.sql.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ManifestDocument } from '../src/lib/schema/manifest';
import { TABLES } from '../src/lib/schema/tables';
import { finishSnapshot, MANIFEST_FILE } from '../src/lib/snapshot/finish';

const dir = path.resolve(process.cwd(), 'tests/fixtures/snapshot');
const sql = readFileSync(path.join(dir, 'fixture.sql'), 'utf8');

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await instance.connect();
await conn.run('SET preserve_insertion_order = true');
await conn.run('CREATE SCHEMA src');
await conn.run('SET search_path = src');
await conn.run(sql);
await conn.run("SET search_path = 'main'");
const have = await conn.runAndReadAll(
	"SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'src'"
);
const present = new Set(have.getRowsJS().map(([t, c]) => `${String(t)}.${String(c)}`));
for (const table of TABLES) {
	const t = table.name;
	const cols = table.columns.map((c) =>
		present.has(`${t}.${c.name}`)
			? `CAST("${c.name}" AS ${c.type}) AS "${c.name}"`
			: `CAST(NULL AS ${c.type}) AS "${c.name}"`
	);
	const from = present.has(`${t}.doc_id`) ? `src."${t}"` : '(SELECT 1 WHERE FALSE)';
	await conn.run(`CREATE TABLE main."${t}" AS SELECT ${cols.join(', ')} FROM ${from}`);
}
const docs = await conn.runAndReadAll(
	`SELECT d.doc_id, d.source_name, d.department_name, d.fiscal_year, d.kind, d.rows_seen,
		d.rows_stored, d.rows_reported, d.tables_found,
		count(i.code) FILTER (WHERE i.severity = 'error')::INTEGER AS e,
		count(i.code) FILTER (WHERE i.severity = 'warning')::INTEGER AS w,
		count(i.code) FILTER (WHERE i.severity = 'info')::INTEGER AS i
	FROM main.documents d LEFT JOIN main.parse_issues i USING (doc_id) GROUP BY ALL`
);
const documents: ManifestDocument[] = docs.getRowObjectsJS().map((r) => ({
	doc_id: String(r.doc_id),
	source_name: String(r.source_name),
	department_name: r.department_name === null ? null : String(r.department_name),
	fiscal_year: r.fiscal_year === null ? null : Number(r.fiscal_year),
	kind: r.kind === 'final' ? 'final' : 'budget',
	rows_seen: Number(r.rows_seen),
	rows_stored: Number(r.rows_stored),
	rows_reported: Number(r.rows_reported),
	tables_found: String(r.tables_found ?? '')
		.split(',')
		.filter((t) => t !== ''),
	issues: { error: Number(r.e), warning: Number(r.w), info: Number(r.i) }
}));
const codes = await conn.runAndReadAll(
	'SELECT code, count(*)::INTEGER FROM main.parse_issues GROUP BY code ORDER BY code'
);
const issueCounts = Object.fromEntries(codes.getRowsJS().map(([c, n]) => [String(c), Number(n)]));
const manifest = await finishSnapshot(conn, dir, { documents, issueCounts }, { layout: 'flat' });
manifest.snapshot_id = 'fixture-0001';
writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, '\t')}\n`);
conn.closeSync();
instance.closeSync();
console.log(
	`wrote ${TABLES.length} tables and the rollups to ${path.relative(process.cwd(), dir)}`
);
