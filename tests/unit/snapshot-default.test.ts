/**
 * The committed default snapshot (static/data/default, built by
 * `npm run snapshot`) is intact and matches the current schema: a flat
 * v3 snapshot whose every table file and rollup is present with the
 * manifest's hash, row count and the schema's column types. Rebuild it
 * with `npm run snapshot` after a schema change.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/schema/manifest';
import { ROLLUPS } from '../../src/lib/schema/rollups';
import { SCHEMA_VERSION, TABLES } from '../../src/lib/schema/tables';

const DIR = path.resolve(process.cwd(), 'static/data/default');

describe('static/data/default', () => {
	it('matches its manifest and the current schema', async () => {
		const manifest = JSON.parse(
			await readFile(path.join(DIR, 'manifest.json'), 'utf8')
		) as Manifest;
		expect(manifest.schema_version).toBe(SCHEMA_VERSION);
		expect(manifest.documents.length).toBeGreaterThanOrEqual(11);
		expect(manifest).toMatchObject({
			layout: 'flat',
			synthetic: false,
			documents_omitted: false,
			document_count: manifest.documents.length
		});
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			const id = createHash('sha256');
			for (const table of TABLES) {
				const entry = manifest.tables[table.name];
				expect(entry, table.name).toBeDefined();
				expect(entry.file).toBe(`${table.name}.parquet`);
				expect(entry.parts.map((p) => p.path)).toEqual([entry.file]);
				const file = path.join(DIR, `${table.name}.parquet`);
				const sha = createHash('sha256')
					.update(await readFile(file))
					.digest('hex');
				expect(sha, `${table.name} hash`).toBe(entry.sha256);
				id.update(`${table.name}:${sha}\n`);
				const cols = (
					await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)
				).getRowObjectsJson();
				expect(cols.map((c) => [c.column_name, c.column_type])).toEqual(
					table.columns.map((c) => [c.name, c.type])
				);
				const count = (
					await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`)
				).getRowObjectsJson();
				expect(count[0]?.n).toBe(entry.rows);
			}
			for (const r of ROLLUPS) {
				const entry = manifest.rollups[r.name];
				const file = path.join(DIR, entry.file);
				const sha = createHash('sha256')
					.update(await readFile(file))
					.digest('hex');
				expect(sha, `${r.name} hash`).toBe(entry.sha256);
				id.update(`${r.name}:${sha}\n`);
				const cols = (
					await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)
				).getRowObjectsJson();
				expect(cols.map((c) => [c.column_name, c.column_type])).toEqual(
					r.columns.map((c) => [c.name, c.type])
				);
			}
			expect(manifest.rollups.rollup_documents.rows).toBe(manifest.documents.length);
			expect(manifest.snapshot_id).toBe(id.digest('hex').slice(0, 16));
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	});
});
