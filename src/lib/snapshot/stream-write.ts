/**
 * Streaming snapshot writer (Node only), for corpora too large to hold as
 * ParsedDocuments: documents arrive one at a time as plain rows
 * (schema/rows.ts) and go straight into DuckDB through one Appender per
 * table; JS memory holds only the small manifest entries. DuckDB keeps the
 * rows compressed and spills to `temp_directory` beyond `memory_limit`.
 * `finish()` runs the peer rules in SQL over the loaded tables (the same
 * statements the browser uses), then COPYs each table to zstd Parquet
 * ordered by the table's order keys and then by every column: a total
 * order, so the same documents give byte-identical files whatever order
 * they were added in (any --jobs). Same manifest format as write.ts.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { TableName } from '../ingest/model';
import { refreshPeerFlagsStatements } from '../rules/sql';
import {
	manifestDocument,
	type Manifest,
	type ManifestDocument,
	type ManifestTable
} from '../schema/manifest';
import type { TableRows } from '../schema/rows';
import { createTableSql, SCHEMA_VERSION, TABLES } from '../schema/tables';
import { appendRow, fileInfo, MANIFEST_FILE, parquetFile, sqlString } from './write';

export interface StreamWriterOptions {
	/** DuckDB memory limit before spilling to disk (default 512MB). */
	memoryLimit?: string;
	/** Spill directory (default: the OS temp directory). */
	tempDir?: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

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
			memory_limit: opts.memoryLimit ?? '512MB',
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

	/** Peer flags, Parquet files and manifest.json; closes DuckDB. */
	async finish(): Promise<Manifest> {
		if (this.closed) throw new Error('snapshot writer already finished');
		this.closed = true;
		const { conn, dir } = this;
		const tables = {} as Record<TableName, ManifestTable>;
		try {
			for (const a of this.appenders.values()) {
				a.flushSync();
				a.closeSync();
			}
			if (this.entries.length > 0)
				for (const s of refreshPeerFlagsStatements())
					await conn.run(s.sql, s.params.length > 0 ? s.params : undefined);
			for (const t of TABLES) {
				const keys = [...t.orderBy, ...t.columns.map((c) => c.name)]
					.map((k) => `${quote(k)} ASC NULLS FIRST`)
					.join(', ');
				const file = parquetFile(t.name);
				const target = path.join(dir, file);
				await conn.run(
					`COPY (SELECT * FROM ${quote(t.name)} ORDER BY ${keys}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd)`
				);
				const count = await conn.runAndReadAll(
					`SELECT count(*)::INTEGER AS n FROM ${quote(t.name)}`
				);
				const rows = Number(count.getRows()[0]?.[0] ?? 0);
				tables[t.name] = { file, rows, ...(await fileInfo(target)) };
			}
		} finally {
			conn.closeSync();
			this.instance.closeSync();
		}
		const idHash = createHash('sha256');
		for (const t of TABLES) idHash.update(`${t.name}:${tables[t.name].sha256}\n`);
		const byId = (a: ManifestDocument, b: ManifestDocument) =>
			a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0;
		const manifest: Manifest = {
			snapshot_id: idHash.digest('hex').slice(0, 16),
			schema_version: SCHEMA_VERSION,
			created_from: this.entries.map((d) => d.source_name).sort(),
			documents: [...this.entries].sort(byId),
			tables,
			issue_counts: Object.fromEntries(
				[...this.issueCodes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			)
		};
		await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, '\t')}\n`);
		return manifest;
	}
}
