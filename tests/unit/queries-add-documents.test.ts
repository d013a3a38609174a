/**
 * "Bring your own document": a corpus document parsed with the same parser
 * the browser runs, added to the loaded fixture through the parameterized
 * INSERT path, shows up in the views with its amounts exact.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentColumns, mergedRows } from '../../src/lib/db/add-documents';
import type { NodeConnector } from '../../src/lib/db/node';
import { parseDocument } from '../../src/lib/ingest/parse';
import type { ParsedDocument } from '../../src/lib/ingest/model';
import { tableDef } from '../../src/lib/schema/tables';
import { overviewQuery } from '../../src/lib/queries/overview';
import { functionTreeQuery } from '../../src/lib/queries/department';
import { CORPUS_TEXT, openFixture } from './queries-fixture';

let db: NodeConnector;
let doc: ParsedDocument;

beforeAll(async () => {
	db = await openFixture();
	const name = 'shpt_wanli_jiedao_2024_bumen_yusuan.txt';
	doc = parseDocument({ name, bytes: readFileSync(path.join(CORPUS_TEXT, name)) });
});
afterAll(async () => {
	await db.close();
});

describe('addDocuments', () => {
	it('adds every parsed row, exactly, and skips a document already loaded', async () => {
		const id = doc.document.doc_id;
		expect(await db.addDocuments([doc, doc])).toEqual([id]);
		expect(await db.addDocuments([doc])).toEqual([]);

		const expected = doc.tables.expenditure_by_function
			.map((r) => r.total ?? new Decimal(0))
			.reduce((a, b) => a.plus(b), new Decimal(0));
		const got = await db.query({
			sql: 'SELECT count(*)::INTEGER AS n, sum(total) AS s FROM expenditure_by_function WHERE doc_id = $1',
			params: [id]
		});
		expect(got.rows[0]?.n).toBe(doc.tables.expenditure_by_function.length);
		expect(new Decimal(String(got.rows[0]?.s ?? '0')).equals(expected)).toBe(true);

		const lines = await db.query({
			sql: 'SELECT count(*)::INTEGER AS n FROM source_lines WHERE doc_id = $1',
			params: [id]
		});
		expect(lines.rows[0]?.n).toBe(doc.lines.length);

		const overview = await db.query(overviewQuery());
		const row = overview.rows.find((r) => r.doc_id === id);
		expect(row?.department_name).toBe(doc.document.department_name);
		expect(row?.issue_count).toBe(
			mergedRows([doc]).parse_issues.filter((i) => i.doc_id === id).length
		);

		const tree = await db.query(functionTreeQuery(id));
		expect(tree.rows.length).toBe(doc.tables.expenditure_by_function.length);
		for (const r of tree.rows) {
			if (r.total !== null) expect(String(r.total)).toMatch(/^-?\d+\.\d{4}$/);
		}
	});

	it('builds string columns for the browser’s Arrow staging table', () => {
		const rows = mergedRows([doc]).expenditure_by_function;
		const cols = documentColumns(tableDef('expenditure_by_function'), rows);
		expect(Object.keys(cols)).toEqual(
			tableDef('expenditure_by_function').columns.map((c) => c.name)
		);
		expect(cols.total?.length).toBe(rows.length);
		expect(cols.total?.every((v) => v === null || /^-?\d+\.\d{4}$/.test(v))).toBe(true);
	});
});
