/**
 * Loading helpers of the browser connector: streaming downloads with byte
 * progress, a small concurrency limiter, and inserting one table's Arrow IPC
 * stream into its typed table (directly when the columns are exactly the
 * schema's, else through a staging table by column name; a table outside
 * the schema is created from the first stream); `run` executes a
 * statement (prepared when it has parameters) and converts the Arrow result.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { RecordBatchReader } from 'apache-arrow';
import { ROLLUPS } from '../schema/rollups';
import { TABLES } from '../schema/tables';
import { arrowToResult } from './arrow-values';
import { quoteIdent } from './snapshot-tables';
import type { QueryResult, Statement } from './types';

export class SnapshotLoadError extends Error {
	override name = 'SnapshotLoadError';
}

export async function fetchBytes(
	doFetch: typeof fetch,
	url: string,
	onBytes: (n: number) => void
): Promise<Uint8Array> {
	const res = await doFetch(url);
	if (!res.ok) throw new SnapshotLoadError(`无法下载 ${url}（HTTP ${res.status}）`);
	if (!res.body) {
		const buf = new Uint8Array(await res.arrayBuffer());
		onBytes(buf.byteLength);
		return buf;
	}
	const reader = res.body.getReader();
	const parts: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		parts.push(value);
		total += value.byteLength;
		onBytes(value.byteLength);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.byteLength;
	}
	return out;
}

export type Settled = { ok: true; value: Uint8Array | null } | { ok: false; error: unknown };

export function settle(p: Promise<Uint8Array>): Promise<Settled> {
	return p.then(
		(value) => ({ ok: true, value }),
		(error: unknown) => ({ ok: false, error })
	);
}

/** Run at most `n` of the given tasks at once. */
export function limiter(n: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async <T>(task: () => Promise<T>): Promise<T> => {
		if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
		active++;
		try {
			return await task();
		} finally {
			active--;
			waiting.shift()?.();
		}
	};
}

export async function run(
	conn: AsyncDuckDBConnection,
	statement: Statement | string
): Promise<QueryResult> {
	const { sql, params } =
		typeof statement === 'string' ? { sql: statement, params: [] } : statement;
	if (params.length === 0) return arrowToResult(await conn.query(sql));
	const prepared = await conn.prepare(sql);
	try {
		return arrowToResult(await prepared.query(...params));
	} finally {
		await prepared.close();
	}
}

/** Field names of an Arrow IPC stream (schema message only). */
function ipcFieldNames(ipc: Uint8Array): string[] {
	return RecordBatchReader.from(ipc)
		.open()
		.schema.fields.map((f) => f.name);
}

/**
 * Insert one table's Arrow IPC stream. When its columns are exactly the
 * schema's, in order, rows go straight into the typed table (DuckDB casts to
 * the declared types); otherwise through a staging table, by column name.
 */
export async function loadTable(
	conn: AsyncDuckDBConnection,
	name: string,
	ipc: Uint8Array,
	known: boolean,
	/** For a table outside the schema: it was created by an earlier insert. */
	exists = false
): Promise<void> {
	if (!known) {
		await conn.insertArrowFromIPCStream(ipc, { name, create: !exists });
		return;
	}
	const def = [...TABLES, ...ROLLUPS].find((t) => t.name === name)!;
	const fields = ipcFieldNames(ipc);
	if (fields.join('\u0000') === def.columns.map((c) => c.name).join('\u0000')) {
		await conn.insertArrowFromIPCStream(ipc, { name, create: false });
		return;
	}
	const staging = `__load_${name}`;
	await conn.insertArrowFromIPCStream(ipc, { name: staging, create: true });
	try {
		const present = new Set(fields);
		const names = def.columns.filter((c) => present.has(c.name)).map((c) => quoteIdent(c.name));
		await conn.query(
			`INSERT INTO ${quoteIdent(name)} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${quoteIdent(staging)}`
		);
	} finally {
		await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
	}
}
