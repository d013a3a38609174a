/**
 * Builds the scaled benchmark snapshots (outside the repository) that
 * `npm run bench` opens in Chromium and in native DuckDB:
 *
 *   npx tsx scripts/bench-scale-data.ts [--dir /work/scale/bench] [--base DIR]
 *       [--scales 1e5,1e6,1e7] [--layout partitioned|flat] [--force]
 *
 * Base: --base DIR (a flat snapshot), else DIR/base, built when missing from
 * `npm run synth` (200 departments × 10 years = 2,000 documents, seed 11)
 * and `npm run ingest`. Each scale N is written to DIR/bench-<N> (e.g.
 * bench-1e6) by replicating the base's departments in SQL until the fact
 * rows reach N (definition in scripts/lib/scale-replicate.ts), then written
 * with the writers' shared finish step (src/lib/snapshot/finish.ts: layout,
 * rollups, v3 manifest), so they are real v3 snapshots. A scale is rebuilt only
 * when missing or built from another base / layout (DIR/bench-<N>/scale.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { baseFactRows, loadBase, replicate } from './lib/scale-replicate';
import type { ManifestDocument, SnapshotLayout } from '../src/lib/schema/manifest';
import { finishSnapshot } from '../src/lib/snapshot/finish';

export type Layout = SnapshotLayout;

export interface ScaleInfo {
	scale: string;
	target: number;
	dir: string;
	base: string;
	base_snapshot_id: string;
	layout: Layout;
	copies: number;
	documents: number;
	fact_rows: number;
	bytes: number;
	build_seconds: number | null;
}

export const DEFAULT_DIR = '/work/scale/bench';

/** "1e6" → 1000000; throws on anything that is not a positive integer. */
export function parseScale(s: string): number {
	const n = Number(s);
	if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`bad scale ${JSON.stringify(s)}`);
	return n;
}

function run(cmd: string, args: string[]): void {
	const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 3_600_000 });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

/** The base snapshot directory, built from a synthetic corpus when missing. */
export function ensureBase(dir: string, base?: string): string {
	if (base) {
		if (!existsSync(path.join(base, 'manifest.json')))
			throw new Error(`no manifest.json in ${base}`);
		return path.resolve(base);
	}
	const out = path.join(dir, 'base');
	if (existsSync(path.join(out, 'manifest.json'))) return out;
	const corpus = path.join(dir, 'base-corpus');
	console.error(`bench-scale-data: building the base snapshot ${out} (2,000 synthetic documents)`);
	run('npx', [
		'tsx',
		'scripts/synth.ts',
		'--departments',
		'200',
		'--years',
		'10',
		'--seed',
		'11',
		'--out',
		corpus
	]);
	run('npx', [
		'tsx',
		'scripts/ingest.ts',
		'--out',
		out,
		'--jobs',
		String(os.cpus().length),
		corpus
	]);
	return out;
}

/** The finish step's input: manifest entries of every loaded document and parse-issue counts. */
async function finishInput(conn: DuckDBConnection) {
	const docs = await conn.runAndReadAll(`SELECT d.doc_id, d.source_name, d.department_name,
			d.fiscal_year, d.kind, d.rows_seen, d.rows_stored, d.rows_reported, d.tables_found,
			count(i.doc_id) FILTER (WHERE i.severity = 'error')::INTEGER,
			count(i.doc_id) FILTER (WHERE i.severity = 'warning')::INTEGER,
			count(i.doc_id) FILTER (WHERE i.severity = 'info')::INTEGER
		FROM documents d LEFT JOIN parse_issues i USING (doc_id) GROUP BY ALL`);
	const documents: ManifestDocument[] = docs.getRowsJS().map((r) => ({
		doc_id: String(r[0]),
		source_name: String(r[1]),
		department_name: r[2] === null ? null : String(r[2]),
		fiscal_year: r[3] === null ? null : Number(r[3]),
		kind: r[4] === 'final' ? 'final' : 'budget',
		rows_seen: Number(r[5]),
		rows_stored: Number(r[6]),
		rows_reported: Number(r[7]),
		tables_found: String(r[8] ?? '')
			.split(',')
			.filter(Boolean),
		issues: { error: Number(r[9]), warning: Number(r[10]), info: Number(r[11]) }
	}));
	const codes = await conn.runAndReadAll(
		`SELECT code, count(*)::INTEGER FROM parse_issues GROUP BY code ORDER BY code`
	);
	const issueCounts = Object.fromEntries(
		codes.getRowsJS().map((r) => [String(r[0]), Number(r[1])])
	);
	return { documents, issueCounts };
}

/** Builds (or reuses) the snapshot of one scale; returns its description. */
export async function ensureScale(
	dir: string,
	baseDir: string,
	scale: string,
	layout: Layout,
	force = false
): Promise<ScaleInfo> {
	const target = parseScale(scale);
	const out = path.join(dir, `bench-${scale}`);
	const stamp = path.join(out, 'scale.json');
	const baseId = String(
		JSON.parse(readFileSync(path.join(baseDir, 'manifest.json'), 'utf8')).snapshot_id
	);
	if (!force && existsSync(stamp)) {
		const info = JSON.parse(readFileSync(stamp, 'utf8')) as ScaleInfo;
		if (info.base_snapshot_id === baseId && info.layout === layout && info.target === target)
			return { ...info, build_seconds: null };
	}
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const t0 = performance.now();
	const instance = await DuckDBInstance.create(':memory:', {
		threads: String(os.cpus().length),
		memory_limit: '4GB',
		temp_directory: path.join(os.tmpdir(), `budgetlens-scale-${process.pid}`)
	});
	const conn = await instance.connect();
	try {
		await conn.run('SET preserve_insertion_order = true');
		await loadBase(conn, baseDir);
		const base = await baseFactRows(conn);
		const r = await replicate(conn, target);
		const manifest = await finishSnapshot(conn, out, await finishInput(conn), { layout });
		const tables = manifest.tables as Record<string, { bytes: number }>;
		const info: ScaleInfo = {
			scale,
			target,
			dir: out,
			base: baseDir,
			base_snapshot_id: baseId,
			layout,
			copies: r.copies,
			documents: r.documents,
			fact_rows: r.factRows,
			bytes: Object.values(tables).reduce((s, t) => s + t.bytes, 0),
			build_seconds: (performance.now() - t0) / 1000
		};
		writeFileSync(stamp, `${JSON.stringify(info, null, '\t')}\n`);
		console.error(
			`bench-scale-data: ${out}: ${r.documents} documents, ${r.factRows} fact rows (base ${base}, ${r.copies} copies), ${info.build_seconds?.toFixed(1)} s`
		);
		return info;
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			dir: { type: 'string', default: DEFAULT_DIR },
			base: { type: 'string' },
			scales: { type: 'string', default: '1e5,1e6,1e7' },
			layout: { type: 'string', default: 'partitioned' },
			force: { type: 'boolean', default: false }
		}
	});
	const layout = values.layout as Layout;
	if (layout !== 'flat' && layout !== 'partitioned') throw new Error(`bad --layout ${layout}`);
	const base = ensureBase(values.dir, values.base);
	for (const s of values.scales.split(',').filter(Boolean))
		console.log(JSON.stringify(await ensureScale(values.dir, base, s, layout, values.force)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	});
}
