/**
 * Round trip on the real corpus: parseDocument → writeSnapshot → DuckDB
 * read_parquet → figures. Reads ../shared/corpus/text (never copied here).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/ingest/parse';
import type { Manifest } from '../../src/lib/schema/manifest';
import { writeSnapshot } from '../../src/lib/snapshot/write';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/text');

let dir = '';
let manifest: Manifest;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
const texts = new Map<string, string>();

beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'bl-corpus-'));
	const names = (await readdir(CORPUS)).filter((n) => n.endsWith('.txt')).sort();
	const docs = [];
	for (const name of names) {
		const bytes = await readFile(path.join(CORPUS, name));
		texts.set(name, bytes.toString('utf8'));
		docs.push(parseDocument({ name, bytes }));
	}
	manifest = await writeSnapshot(docs, dir);
	instance = await DuckDBInstance.create(':memory:');
	conn = await instance.connect();
	for (const t of Object.keys(manifest.tables))
		await conn.run(
			`CREATE VIEW "${t}" AS SELECT * FROM read_parquet('${path.join(dir, `${t}.parquet`)}')`
		);
});

afterAll(async () => {
	conn?.closeSync();
	instance?.closeSync();
	if (dir) await rm(dir, { recursive: true, force: true });
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
	return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Lines of a text, counted independently of the reader. */
function lineCount(text: string): number {
	const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
	return /(\r\n|\r|\n)$/.test(text) || text === '' ? breaks : breaks + 1;
}

describe('corpus snapshot round trip', () => {
	it('stores all 11 corpus documents', async () => {
		expect(await rows('SELECT count(*)::INTEGER AS n FROM documents')).toEqual([{ n: 11 }]);
		expect(manifest.created_from).toHaveLength(11);
	});

	it('keeps every source line verbatim', async () => {
		const got = await rows(
			`SELECT d.source_name AS name, count(*)::INTEGER AS n, string_agg(s.text, chr(10) ORDER BY s.line_no) AS body
			 FROM source_lines s JOIN documents d USING (doc_id) GROUP BY d.source_name ORDER BY name`
		);
		expect(got).toHaveLength(11);
		for (const r of got) {
			const text = texts.get(String(r.name)) ?? '';
			expect(r.n, String(r.name)).toBe(lineCount(text));
			expect(r.body, String(r.name)).toBe(
				text
					.replace(/^\uFEFF/, '')
					.replace(/\r\n?/g, '\n')
					.replace(/\n$/, '')
			);
		}
		const lc = await rows('SELECT sum(line_count)::INTEGER AS n FROM documents');
		expect(lc[0]?.n).toBe([...texts.values()].reduce((s, t) => s + lineCount(t), 0));
	});

	it('balances the row accounting and backs every reported row with an issue', async () => {
		const bad = await rows(
			'SELECT source_name FROM documents WHERE rows_seen <> rows_stored + rows_reported'
		);
		expect(bad).toEqual([]);
		const uncovered = await rows(
			`SELECT d.source_name, d.rows_reported,
			   (SELECT count(DISTINCT i.source_line) FROM parse_issues i WHERE i.doc_id = d.doc_id AND i.raw IS NOT NULL)::INTEGER AS lines
			 FROM documents d WHERE d.rows_reported > (SELECT count(DISTINCT i.source_line) FROM parse_issues i WHERE i.doc_id = d.doc_id AND i.raw IS NOT NULL)`
		);
		expect(uncovered).toEqual([]);
	});

	it('returns amounts as exact DECIMAL(18,4) strings', async () => {
		const types = await rows(
			'SELECT column_type FROM (DESCRIBE SELECT amount FROM summary) UNION ALL SELECT column_type FROM (DESCRIBE SELECT total FROM expenditure_by_function)'
		);
		expect(types).toEqual([{ column_type: 'DECIMAL(18,4)' }, { column_type: 'DECIMAL(18,4)' }]);
		const docs = await rows(
			`SELECT d.source_name, e.total::VARCHAR AS total FROM expenditure_by_function e
			 JOIN documents d USING (doc_id) WHERE e.level = 0 AND d.source_name LIKE '003_%'`
		);
		expect(docs.map((d) => d.total)).toEqual(['6473.0300']);
		// Exact DECIMAL sums keep the published 0.01 residue: 类 rows add up to 6473.04.
		const byLevel = await rows(
			`SELECT e.level, sum(e.total)::VARCHAR AS s FROM expenditure_by_function e
			 JOIN documents d USING (doc_id) WHERE d.source_name LIKE '003_%' GROUP BY e.level ORDER BY e.level`
		);
		expect(byLevel.slice(0, 2)).toEqual([
			{ level: 0, s: '6473.0300' },
			{ level: 1, s: '6473.0400' }
		]);
		const found = manifest.documents.find((d) => d.source_name.startsWith('003_'));
		expect(found?.tables_found).toContain('expenditure_by_function');
	});

	it('round-trips the project 绩效目标表 counts the corpus README states', async () => {
		const got = await rows(
			`SELECT d.source_name AS name, count(p.project_seq)::INTEGER AS n FROM documents d
			 LEFT JOIN projects p USING (doc_id) GROUP BY d.source_name`
		);
		const count = (prefix: string) => got.find((r) => String(r.name).startsWith(prefix))?.n;
		expect(count('003_')).toBe(53);
		expect(count('000_')).toBe(13);
		expect(count('shpt_wanli_jiedao_2023')).toBe(5);
		const orphans = await rows(
			`SELECT count(*)::INTEGER AS n FROM indicators i WHERE i.project_seq IS NOT NULL
			 AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.doc_id = i.doc_id AND p.project_seq = i.project_seq)`
		);
		expect(orphans).toEqual([{ n: 0 }]);
	});

	it('counts the manifest issues from the parse_issues table', async () => {
		const byCode = await rows(
			'SELECT code, count(*)::INTEGER AS n FROM parse_issues GROUP BY code'
		);
		expect(Object.fromEntries(byCode.map((r) => [r.code, r.n]))).toEqual(manifest.issue_counts);
	});
});
