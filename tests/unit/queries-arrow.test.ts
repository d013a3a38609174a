/**
 * The browser's value path without a browser: the fixture's Parquet files
 * decoded by parquet-wasm (as browser.ts does) and converted by
 * arrow-values.ts give exactly the rows the Node connector returns.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { initSync, readParquet } from 'parquet-wasm/esm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowToResult, decimalWordsToString } from '../../src/lib/db/arrow-values';
import type { NodeConnector } from '../../src/lib/db/node';
import { FIXTURE_DIR, openFixture } from './queries-fixture';

let db: NodeConnector;
beforeAll(async () => {
	initSync({
		module: readFileSync(path.resolve('node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm'))
	});
	db = await openFixture();
});
afterAll(async () => {
	await db.close();
});

describe('decimalWordsToString', () => {
	it.each<[number[], number, string]>([
		[[64730300, 0, 0, 0], 4, '6473.0300'],
		[[1, 0, 0, 0], 4, '0.0001'],
		[[0, 0, 0, 0], 4, '0.0000'],
		[[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], 4, '-0.0001'],
		[[0xfffffff6, 0xffffffff, 0xffffffff, 0xffffffff], 2, '-0.10'],
		[[0, 1, 0, 0], 0, '4294967296'],
		[[0xffffffff, 0xffffffff, 0x7fffffff, 0], 6, '39614081257132168796771.975167']
	])('%j scale %i → %s', (words, scale, expected) => {
		expect(decimalWordsToString(Uint32Array.from(words), scale)).toBe(expected);
	});
});

describe('Parquet → Arrow → rows equals the Node connector', () => {
	it.each([
		'documents',
		'expenditure_by_function',
		'basic_by_economic',
		'three_public',
		'projects',
		'indicators',
		'source_lines',
		'parse_issues',
		'assets',
		'flags'
	])('%s', async (table) => {
		const bytes = readFileSync(path.join(FIXTURE_DIR, `${table}.parquet`));
		const arrow = tableFromIPC(readParquet(bytes).intoIPCStream());
		const fromArrow = arrowToResult(arrow);
		const fromNode = await db.query(`SELECT * FROM "${table}"`);
		expect(fromArrow.rows).toEqual(fromNode.rows);
		expect(fromArrow.columns).toEqual(fromNode.columns);
	});
});
