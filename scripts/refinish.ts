/**
 * Refinish CLI: rebuild a snapshot's finish step (rollups, peer flags,
 * Parquet files, manifest.json) from an existing snapshot, without parsing
 * any document again — to upgrade a snapshot to a newer rollup format.
 *
 *   npm run refinish -- --in DIR --out DIR [--layout flat|partitioned|auto] [--memory-limit 2GB]
 *
 * Every schema table of the input (any layout; its manifest lists the
 * files) is read into an in-memory DuckDB (node-api, read_parquet); then the
 * same sequence as the streaming writer's finish() (stream-write.ts):
 * rollup_per_capita, the SQL peer rules (peer flags replaced), and the
 * shared finish step (snapshot/finish.ts). The input's rollups are not read:
 * they are all rebuilt. Document entries of the manifest come from the
 * input manifest when it lists them, else from the documents and
 * parse_issues tables; issue_counts from the input manifest. --layout
 * defaults to the input's layout. --out must differ from --in.
 */
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { writerPeerFlagsStatements } from '../src/lib/rules/sql';
import type { Manifest, ManifestDocument } from '../src/lib/schema/manifest';
import { createTableSql, TABLES } from '../src/lib/schema/tables';
import { finishSnapshot, MANIFEST_FILE, type LayoutOption } from '../src/lib/snapshot/finish';
import { quote, sqlString } from '../src/lib/snapshot/partition';
import { buildPerCapitaRollup } from '../src/lib/snapshot/rollups';
import { defaultMemoryLimit } from '../src/lib/snapshot/stream-write';

const USAGE =
	'usage: npm run refinish -- --in DIR --out DIR [--layout flat|partitioned|auto] [--memory-limit 2GB]';
const LAYOUTS: readonly LayoutOption[] = ['flat', 'partitioned', 'auto'];

const t0 = performance.now();
const say = (line: string) =>
	console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${line}`);

/** Loads every schema table of the snapshot in `dir` (as its manifest lists the files). */
async function loadTables(conn: DuckDBConnection, dir: string, manifest: Manifest): Promise<void> {
	for (const t of TABLES) {
		await conn.run(createTableSql(t));
		const entry = manifest.tables[t.name];
		const files = (entry?.parts ?? []).map((p) => sqlString(path.join(dir, p.path)));
		if (files.length === 0) continue;
		const cols = t.columns.map((c) => quote(c.name)).join(', ');
		await conn.run(
			`INSERT INTO ${quote(t.name)} SELECT ${cols} FROM read_parquet([${files.join(', ')}], hive_partitioning = false)`
		);
		say(`loaded ${t.name} (${entry?.rows ?? '?'} rows, ${files.length} files)`);
	}
}

/** Manifest entries rebuilt from the tables (for manifests that omit them). */
async function documentsFromTables(conn: DuckDBConnection): Promise<ManifestDocument[]> {
	const r = await conn.runAndReadAll(
		`SELECT d.doc_id, d.source_name, d.department_name, d.fiscal_year, d.kind, d.rows_seen,
			d.rows_stored, d.rows_reported, d.tables_found,
			count(i.code) FILTER (WHERE i.severity = 'error')::INTEGER AS e,
			count(i.code) FILTER (WHERE i.severity = 'warning')::INTEGER AS w,
			count(i.code) FILTER (WHERE i.severity = 'info')::INTEGER AS i
		FROM documents d LEFT JOIN parse_issues i ON i.doc_id = d.doc_id
		GROUP BY ALL ORDER BY d.doc_id`
	);
	return r.getRowObjectsJS().map((x) => ({
		doc_id: String(x.doc_id),
		source_name: String(x.source_name),
		department_name: x.department_name === null ? null : String(x.department_name),
		fiscal_year: x.fiscal_year === null ? null : Number(x.fiscal_year),
		kind: x.kind === 'final' ? 'final' : 'budget',
		rows_seen: Number(x.rows_seen ?? 0),
		rows_stored: Number(x.rows_stored ?? 0),
		rows_reported: Number(x.rows_reported ?? 0),
		tables_found: String(x.tables_found ?? '')
			.split(',')
			.filter((s) => s !== ''),
		issues: { error: Number(x.e), warning: Number(x.w), info: Number(x.i) }
	}));
}

/** rollup_per_capita, then the SQL peer rules over it (as stream-write.ts finish()). */
async function peerFlags(conn: DuckDBConnection): Promise<void> {
	await buildPerCapitaRollup(conn);
	say('rollup_per_capita built');
	const years = (
		await conn.runAndReadAll(
			'SELECT DISTINCT fiscal_year FROM documents ORDER BY fiscal_year NULLS LAST'
		)
	)
		.getRowsJS()
		.map((r) => (r[0] === null || r[0] === undefined ? null : Number(r[0])));
	for (const { label, statement: s } of writerPeerFlagsStatements('rollup', years)) {
		await conn.run(s.sql, s.params.length > 0 ? (s.params as DuckDBValue[]) : undefined);
		say(`peer flags ${label}`);
	}
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			options: {
				in: { type: 'string' },
				out: { type: 'string', short: 'o' },
				layout: { type: 'string' },
				'memory-limit': { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	const v = args.values;
	if (v.help) {
		console.log(USAGE);
		return 0;
	}
	if (!v.in || !v.out || (v.layout !== undefined && !LAYOUTS.includes(v.layout as LayoutOption))) {
		console.error(USAGE);
		return 2;
	}
	const inDir = path.resolve(v.in);
	const outDir = path.resolve(v.out);
	if (inDir === outDir) {
		console.error('--out must differ from --in');
		return 2;
	}
	const manifest = JSON.parse(await readFile(path.join(inDir, MANIFEST_FILE), 'utf8')) as Manifest;
	await mkdir(outDir, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:', {
		threads: '1',
		memory_limit: v['memory-limit'] ?? defaultMemoryLimit(),
		temp_directory: path.join(os.tmpdir(), `budgetlens-refinish-${process.pid}`)
	});
	const conn = await instance.connect();
	try {
		await conn.run('SET preserve_insertion_order = true');
		await loadTables(conn, inDir, manifest);
		const documents =
			manifest.documents_omitted || manifest.documents.length !== manifest.document_count
				? await documentsFromTables(conn)
				: manifest.documents;
		if (documents.length > 0) await peerFlags(conn);
		const out = await finishSnapshot(
			conn,
			outDir,
			{ documents, issueCounts: manifest.issue_counts ?? {} },
			{ layout: (v.layout as LayoutOption | undefined) ?? manifest.layout, onProgress: say }
		);
		for (const [name, r] of Object.entries(out.rollups))
			say(`${name}: ${r.rows} rows, ${r.bytes} bytes`);
		say(`snapshot ${out.snapshot_id} (${out.layout}, ${out.document_count} documents) → ${outDir}`);
		return 0;
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

process.exitCode = await main();
