/**
 * Streaming snapshot writer (Node only), for corpora too large to hold as
 * ParsedDocuments: documents arrive one at a time as plain rows
 * (schema/rows.ts) and go straight into DuckDB through one Appender per
 * table; JS memory holds only the small manifest entries. DuckDB keeps the
 * rows compressed and spills to `temp_directory` beyond `memory_limit`.
 * `finish()` builds rollup_per_capita (snapshot/rollups.ts, in steps), runs
 * the peer rules in SQL over the loaded tables (the browser's statements,
 * with peer_per_capita_outlier reading that rollup), then the shared finish step (finish.ts:
 * rollups, flat or partitioned Parquet in a total row order, manifest.json
 * v3), so the same documents give byte-identical files whatever order they
 * were added in (any --jobs). Same format as write.ts.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
	DuckDBInstance,
	type DuckDBAppender,
	type DuckDBConnection,
	type DuckDBValue
} from '@duckdb/node-api';
import type { TableName } from '../ingest/model';
import { writerPeerFlagsStatements } from '../rules/sql';
import { manifestDocument, type Manifest, type ManifestDocument } from '../schema/manifest';
import type { TableRows } from '../schema/rows';
import { createTableSql, TABLES } from '../schema/tables';
import { finishSnapshot, type FinishOptions } from './finish';
import { buildPerCapitaRollup } from './rollups';
import { appendRow } from './write';

export interface StreamWriterOptions {
	/** DuckDB memory limit before spilling to disk (default defaultMemoryLimit()). */
	memoryLimit?: string;
	/** Spill directory (default: the OS temp directory). */
	tempDir?: string;
}

/**
 * 512MB: measured on the finish step of 100,000 synthetic documents
 * (26.8 M source lines), where DuckDB spills the tables and sorts to
 * `temp_directory`: whole process ≈ 1.25 GB RSS at 512MB, but ≈ 2.2 GB at
 * 1GB (not faster); 256MB runs out of memory in peer_target_conflict.
 * Larger corpora may need --memory-limit.
 */
export function defaultMemoryLimit(): string {
	return '512MB';
}

export class SnapshotStreamWriter {
	private readonly docs = new Map<string, string>();
	private readonly entries: ManifestDocument[] = [];
	private readonly issueCodes = new Map<string, number>();
	private closed = false;

	private constructor(
		private readonly dir: string,
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection,
		private readonly appenders: Map<TableName, DuckDBAppender>
	) {}

	static async open(dir: string, opts: StreamWriterOptions = {}): Promise<SnapshotStreamWriter> {
		await mkdir(dir, { recursive: true });
		const instance = await DuckDBInstance.create(':memory:', {
			threads: '1',
			memory_limit: opts.memoryLimit ?? defaultMemoryLimit(),
			temp_directory: opts.tempDir ?? path.join(os.tmpdir(), `budgetlens-duckdb-${process.pid}`)
		});
		const conn = await instance.connect();
		await conn.run('SET preserve_insertion_order = true');
		const appenders = new Map<TableName, DuckDBAppender>();
		for (const t of TABLES) {
			await conn.run(createTableSql(t));
			appenders.set(t.name, await conn.createAppender(t.name));
		}
		return new SnapshotStreamWriter(dir, instance, conn, appenders);
	}

	/** Adds one document's rows. Throws when a document with the same doc_id was added. */
	add(rows: TableRows): void {
		if (this.closed) throw new Error('snapshot writer already finished');
		const entry = manifestDocument(rows);
		const prev = this.docs.get(entry.doc_id);
		if (prev !== undefined)
			throw new Error(
				`duplicate document: ${entry.source_name} has the same content as ${prev} (doc_id ${entry.doc_id})`
			);
		this.docs.set(entry.doc_id, entry.source_name);
		this.entries.push(entry);
		for (const t of TABLES) {
			const appender = this.appenders.get(t.name) as DuckDBAppender;
			for (const row of rows[t.name]) appendRow(appender, t, row);
		}
		for (const i of rows.parse_issues) {
			const code = String(i.code);
			this.issueCodes.set(code, (this.issueCodes.get(code) ?? 0) + 1);
		}
	}

	get documentCount(): number {
		return this.entries.length;
	}

	/** Manifest entries of the documents added so far, in the order added. */
	get documents(): readonly ManifestDocument[] {
		return this.entries;
	}

	/** Peer flags, rollups, Parquet files and manifest.json (finish.ts); closes DuckDB. */
	async finish(opts: FinishOptions = {}): Promise<Manifest> {
		if (this.closed) throw new Error('snapshot writer already finished');
		this.closed = true;
		const { conn } = this;
		try {
			for (const a of this.appenders.values()) {
				a.flushSync();
				a.closeSync();
			}
			if (this.entries.length > 0) {
				const t0 = performance.now();
				await buildPerCapitaRollup(conn);
				const secs = ((performance.now() - t0) / 1000).toFixed(1);
				opts.onProgress?.(`finish: rollup_per_capita (${secs} s)`);
				// DELETE, then one INSERT per peer rule (target conflicts once per year).
				const years = (
					await conn.runAndReadAll(
						'SELECT DISTINCT fiscal_year FROM documents ORDER BY fiscal_year NULLS LAST'
					)
				)
					.getRowsJS()
					.map((r) => (r[0] === null || r[0] === undefined ? null : Number(r[0])));
				for (const { label, statement: s } of writerPeerFlagsStatements('rollup', years)) {
					const t0 = performance.now();
					try {
						await conn.run(s.sql, s.params.length > 0 ? (s.params as DuckDBValue[]) : undefined);
					} catch (e) {
						throw new Error(`peer flags (${label}): ${e instanceof Error ? e.message : String(e)}`);
					}
					const secs = ((performance.now() - t0) / 1000).toFixed(1);
					opts.onProgress?.(`finish: peer flags ${label} (${secs} s)`);
				}
			}
			const issueCounts = Object.fromEntries(
				[...this.issueCodes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			);
			return await finishSnapshot(conn, this.dir, { documents: this.entries, issueCounts }, opts);
		} finally {
			conn.closeSync();
			this.instance.closeSync();
		}
	}
}
