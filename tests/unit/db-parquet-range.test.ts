/**
 * Range reads of Parquet row groups (db/parquet-footer.ts, parquet-range.ts)
 * against a file DuckDB wrote with several row groups: the footer's row-group
 * byte ranges match DuckDB's parquet_metadata, only the tail and the needed
 * row groups are fetched (explicit ranges only), and parquet-wasm decodes the
 * sparse copy to exactly the rows of those row groups.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { initSync, readParquet } from 'parquet-wasm/esm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowToResult } from '../../src/lib/db/arrow-values';
import { footerLength, rowGroupRanges } from '../../src/lib/db/parquet-footer';
import { fetchRowGroups, mergeRanges } from '../../src/lib/db/parquet-range';

let dir: string;
let file: string;
let bytes: Uint8Array;
let duck: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
	const require = createRequire(import.meta.url);
	initSync({ module: readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) });
	dir = mkdtempSync(path.join(tmpdir(), 'budgetlens-range-'));
	file = path.join(dir, 'part-0.parquet');
	duck = await DuckDBInstance.create(':memory:');
	conn = await duck.connect();
	await conn.run(
		`COPY (SELECT printf('doc%05d', i // 7) AS doc_id, i::INTEGER AS line_no, CASE WHEN i % 3 = 0 THEN NULL ELSE repeat('行', i % 11) || md5(i::VARCHAR) || md5((i * 7)::VARCHAR) END AS text,
			(i * 1.25)::DECIMAL(18,4) AS amount FROM range(9000) t(i))
		TO '${file}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`
	);
	bytes = new Uint8Array(readFileSync(file));
});

afterAll(() => {
	conn?.closeSync();
	duck?.closeSync();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A static server over `bytes` that honours explicit ranges only, logging each request. */
function server(log: string[], honourRange = true): typeof fetch {
	return (async (_url: string, init?: RequestInit) => {
		const range = new Headers(init?.headers).get('Range');
		log.push(range ?? 'GET');
		const m = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
		if (!honourRange || !m) return new Response(bytes.slice(), { status: 200 });
		const body = bytes.slice(Number(m[1]), Number(m[2]) + 1);
		return new Response(body, { status: 206 });
	}) as typeof fetch;
}

describe('Parquet footer', () => {
	it('row-group byte ranges match DuckDB’s parquet_metadata', async () => {
		const r = await conn.runAndReadAll(
			`SELECT row_group_id, min(coalesce(dictionary_page_offset, data_page_offset))::BIGINT,
				max(coalesce(dictionary_page_offset, data_page_offset) + total_compressed_size)::BIGINT
			FROM parquet_metadata('${file}') GROUP BY 1 ORDER BY 1`
		);
		const expected = r.getRowsJS().map(([, s, e]) => ({ start: Number(s), end: Number(e) }));
		const len = footerLength(bytes);
		const got = rowGroupRanges(bytes.subarray(bytes.length - 8 - len, bytes.length - 8));
		expect(expected.length).toBeGreaterThan(3);
		expect(got).toEqual(expected);
	});

	it('refuses a file that is not Parquet', () => {
		expect(() => footerLength(new TextEncoder().encode('<!doctype html>'))).toThrow('PAR1');
	});
});

describe('fetchRowGroups', () => {
	it('fetches the tail and one row group, and parquet-wasm decodes exactly its rows', async () => {
		const log: string[] = [];
		const sparse = await fetchRowGroups(server(log), 'x', bytes.length, [1]);
		expect(log.every((l) => /^bytes=\d+-\d+$/.test(l))).toBe(true);
		expect(sparse.fetched).toBeLessThan(bytes.length);
		const rows = arrowToResult(
			tableFromIPC(readParquet(sparse.bytes, { rowGroups: [1] }).intoIPCStream())
		).rows;
		const expected = await conn.runAndReadAll(
			`SELECT doc_id, line_no, text, amount::VARCHAR FROM read_parquet('${file}', file_row_number = true)
			WHERE file_row_number >= 2048 AND file_row_number < 4096 ORDER BY file_row_number`
		);
		expect(rows.map((r) => [r.doc_id, r.line_no, r.text, r.amount])).toEqual(
			expected.getRowsJS().map(([d, l, t, a]) => [d, l, t, a])
		);
	});

	it('adjacent row groups are one request; a server without Range support sends the whole file', async () => {
		const log: string[] = [];
		await fetchRowGroups(server(log), 'x', bytes.length, [0, 1]);
		expect(log).toHaveLength(2);
		const whole = await fetchRowGroups(server([], false), 'x', bytes.length, [0]);
		expect(whole.bytes).toEqual(bytes);
	});

	it('a cached tail is not fetched again', async () => {
		const cache = new Map();
		const first: string[] = [];
		await fetchRowGroups(server(first), 'x', bytes.length, [0], cache);
		const again: string[] = [];
		const sparse = await fetchRowGroups(server(again), 'x', bytes.length, [1], cache);
		expect(again).toHaveLength(first.length - 1);
		const rows = tableFromIPC(
			readParquet(sparse.bytes, { rowGroups: [1] }).intoIPCStream()
		).numRows;
		expect(rows).toBe(2048);
	});

	it('a wrong file size is an error, not wrong rows', async () => {
		await expect(fetchRowGroups(server([]), 'x', bytes.length - 100, [0])).rejects.toThrow();
	});

	it('mergeRanges joins near ranges and drops empty ones', () => {
		expect(
			mergeRanges([
				{ start: 100, end: 200 },
				{ start: 0, end: 50 },
				{ start: 5000, end: 5000 },
				{ start: 9000, end: 9100 }
			])
		).toEqual([
			{ start: 0, end: 200 },
			{ start: 9000, end: 9100 }
		]);
	});
});
