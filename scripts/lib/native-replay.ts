/**
 * Native side of `npm run bench`: loads a v3 snapshot (every table, every
 * part, both rollups) into an in-memory @duckdb/node-api database under the
 * table names the browser uses, then replays the statements the app logged
 * in Chromium (window.__budgetlensQueryLog: same SQL, same parameters) and
 * times each execution, reading every result row as the app does (user
 * SQL logged with a scope runs over the same scope, as queryUser does).
 * Unlike the browser, which loads only the row groups a view needs, native
 * DuckDB holds the whole snapshot.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DataScope } from '../../src/lib/db/types';
import { SCOPED_TABLES_SQL, scopeViewStatements } from '../../src/lib/db/sql-scope';

export interface LoggedStatement {
	view: string;
	sql: string;
	params: (string | number | boolean | null)[];
	/** Run over the scope's rows, as the browser's queryUser does (temp views in a rolled-back transaction). */
	scope?: DataScope;
}

interface ManifestLike {
	tables: Record<string, { file: string | null; parts?: { path: string }[] }>;
	rollups?: Record<string, { file: string }>;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Opens DIR's snapshot in a fresh in-memory DuckDB; returns the connection and load time. */
export async function openNative(
	dir: string
): Promise<{ conn: DuckDBConnection; close: () => void; loadMs: number }> {
	const manifest = JSON.parse(
		readFileSync(path.join(dir, 'manifest.json'), 'utf8')
	) as ManifestLike;
	const instance = await DuckDBInstance.create(':memory:', {
		threads: String(os.cpus().length),
		temp_directory: path.join(os.tmpdir(), `budgetlens-native-${process.pid}`)
	});
	const conn = await instance.connect();
	const t0 = performance.now();
	const files: [string, string[]][] = Object.entries(manifest.tables).map(([name, t]) => [
		name,
		(t.parts?.map((p) => p.path) ?? [t.file ?? `${name}.parquet`]).map((p) => path.join(dir, p))
	]);
	for (const [name, r] of Object.entries(manifest.rollups ?? {}))
		files.push([name, [path.join(dir, r.file)]]);
	for (const [name, list] of files) {
		if (list.length === 0) continue; // an empty partitioned table: created below from the schema
		await conn.run(
			`CREATE TABLE ${q(name)} AS SELECT * FROM read_parquet([${list.map(lit).join(', ')}], hive_partitioning = false)`
		);
	}
	const loadMs = performance.now() - t0;
	return {
		conn,
		loadMs,
		close: () => {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

/**
 * Replays each logged statement `runs` times (after one untimed warm-up run),
 * grouped by view; a statement that fails is recorded, not thrown.
 */
export async function replay(
	conn: DuckDBConnection,
	statements: readonly LoggedStatement[],
	runs: number
): Promise<Record<string, { ms: number[]; errors: string[] }>> {
	const out: Record<string, { ms: number[]; errors: string[] }> = {};
	for (const s of statements) {
		const v = (out[s.view] ??= { ms: [], errors: [] });
		const run = async () => {
			const r = await conn.runAndReadAll(s.sql, s.params.length > 0 ? s.params : undefined);
			r.getRowObjectsJS();
		};
		const exec = s.scope
			? async () => {
					// Same as queryUser with a scope: temp views of the scope's rows, rolled back.
					const tables = (await conn.runAndReadAll(SCOPED_TABLES_SQL))
						.getRowsJS()
						.map((r) => String(r[0]));
					await conn.run('BEGIN TRANSACTION');
					try {
						for (const v of scopeViewStatements('memory', tables, s.scope)) await conn.run(v);
						await run();
					} finally {
						await conn.run('ROLLBACK');
					}
				}
			: run;
		try {
			await exec();
			for (let i = 0; i < runs; i++) {
				const t = performance.now();
				await exec();
				v.ms.push(performance.now() - t);
			}
		} catch (e) {
			v.errors.push(`${e instanceof Error ? e.message : String(e)}`.slice(0, 300));
		}
	}
	return out;
}
