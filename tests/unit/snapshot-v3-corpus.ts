/**
 * Shared corpus for the snapshot v3 tests (snapshot-partitioned,
 * snapshot-rollups): a small synthetic corpus (18 departments, 12 Hebei and
 * 6 Shanghai, × 2 years) parsed and written by the streaming writer in both
 * layouts with small row groups (2048 rows) so parts span several, plus a
 * DuckDB connection and helpers to read the snapshots back.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parseDocument, type ParsedDocument } from '../../src/lib/ingest';
import type { Manifest } from '../../src/lib/schema/manifest';
import { documentRows } from '../../src/lib/schema/rows';
import { generateCorpus } from '../../src/lib/synth';
import { SnapshotStreamWriter } from '../../src/lib/snapshot/stream-write';

export const ROW_GROUP = 2048;

export interface V3Corpus {
	root: string;
	docs: ParsedDocument[];
	flat: Manifest;
	parted: Manifest;
	conn: DuckDBConnection;
	/** Writes the corpus again with the streaming writer. */
	stream(dir: string, layout: 'flat' | 'partitioned'): Promise<Manifest>;
	dirOf(name: string): string;
	/** A table of a snapshot as a read_parquet source (hive partitioning off: see docs/schema.md). */
	source(m: Manifest, dir: string, table: string): string;
	rows(sql: string): Promise<Record<string, unknown>[]>;
	close(): Promise<void>;
}

export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Every file under `dir`, relative, sorted. */
export async function files(dir: string): Promise<string[]> {
	const out = await readdir(dir, { recursive: true, withFileTypes: true });
	return out
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
		.sort();
}

export async function openV3Corpus(): Promise<V3Corpus> {
	const root = await mkdtemp(path.join(os.tmpdir(), 'bl-parts-'));
	const docs = [...generateCorpus({ departments: 18, years: 2, seed: 11 })].map((d) =>
		parseDocument({ name: d.name, bytes: new TextEncoder().encode(d.text) })
	);
	const stream = async (dir: string, layout: 'flat' | 'partitioned') => {
		const writer = await SnapshotStreamWriter.open(dir);
		for (const d of docs) writer.add(documentRows(d));
		return writer.finish({ layout, rowGroupSize: ROW_GROUP });
	};
	const dirOf = (name: string) => path.join(root, name);
	const flat = await stream(dirOf('flat'), 'flat');
	const parted = await stream(dirOf('parts'), 'partitioned');
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	return {
		root,
		docs,
		flat,
		parted,
		conn,
		stream,
		dirOf,
		source(m, dir, table) {
			const parts = m.tables[table as keyof Manifest['tables']].parts;
			const list = parts.map((p) => lit(path.join(dir, p.path))).join(', ');
			return `read_parquet([${list}], hive_partitioning = false)`;
		},
		async rows(sql) {
			return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
		},
		async close() {
			conn.closeSync();
			instance.closeSync();
			await rm(root, { recursive: true, force: true });
		}
	};
}
