import { describe, expect, it } from 'vitest';
import { checkUserSql, MAX_USER_SQL_LENGTH, SqlGuardError, type SqlGuardCode } from './sql-guard';
import { tokenizeSql } from './sql-tokenize';

function code(sql: string): SqlGuardCode | 'ok' {
	try {
		checkUserSql(sql);
		return 'ok';
	} catch (e) {
		expect(e).toBeInstanceOf(SqlGuardError);
		expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
		return (e as SqlGuardError).code;
	}
}

describe('checkUserSql accepts read-only queries', () => {
	it.each([
		'SELECT * FROM documents',
		'select 1;',
		'  (SELECT 1) UNION ALL (SELECT 2)',
		'WITH t AS (SELECT 1 AS x) SELECT * FROM t',
		'FROM documents SELECT doc_id',
		'VALUES (1), (2)',
		'DESCRIBE documents',
		'SUMMARIZE projects',
		'EXPLAIN SELECT 1',
		'SHOW TABLES',
		'TABLE documents',
		"SELECT 'COPY x TO y; DROP TABLE documents' AS s",
		'SELECT "set", "load" FROM (SELECT 1 AS "set", 2 AS "load")',
		'SELECT 1 -- ; DROP TABLE documents',
		'SELECT /* ; INSTALL httpfs */ 1',
		"SELECT $$ ; ATTACH 'x' $$ AS s",
		"SELECT E'it\\'s; DROP' AS s",
		'SELECT * REPLACE (1 AS doc_id) FROM documents',
		"SELECT * FROM documents WHERE department_name IN ('a', 'b')",
		'SELECT d.set FROM (SELECT 1 AS "set") d',
		'SELECT "department_name" FROM "documents"',
		'SELECT "a.b" FROM (SELECT 1 AS "a.b")'
	])('%s', (sql) => {
		expect(code(sql)).toBe('ok');
	});

	it('returns the statement without its trailing semicolon and comment', () => {
		expect(checkUserSql('SELECT 1; -- done')).toBe('SELECT 1');
		expect(checkUserSql("SELECT 'a;b'")).toBe("SELECT 'a;b'");
	});
});

describe('checkUserSql refuses', () => {
	it.each<[string, SqlGuardCode]>([
		['', 'empty'],
		[' ;; -- nothing', 'empty'],
		['SELECT 1; SELECT 2', 'multiple_statements'],
		['SELECT 1; DROP TABLE documents', 'multiple_statements'],
		["COPY documents TO '/tmp/x.csv'", 'not_a_query'],
		["ATTACH 'other.db'", 'not_a_query'],
		['INSTALL httpfs', 'not_a_query'],
		['LOAD httpfs', 'not_a_query'],
		["EXPORT DATABASE '/tmp/x'", 'not_a_query'],
		["IMPORT DATABASE '/tmp/x'", 'not_a_query'],
		['PRAGMA show_tables', 'not_a_query'],
		['SET enable_external_access = true', 'not_a_query'],
		['CREATE TABLE x AS SELECT 1', 'not_a_query'],
		['INSERT INTO documents SELECT * FROM documents', 'not_a_query'],
		["UPDATE documents SET region = 'x'", 'not_a_query'],
		['DELETE FROM documents', 'not_a_query'],
		['DROP TABLE documents', 'not_a_query'],
		['ALTER TABLE documents ADD COLUMN x INT', 'not_a_query'],
		['CALL pragma_version()', 'not_a_query'],
		['BEGIN TRANSACTION', 'not_a_query'],
		['CHECKPOINT', 'not_a_query'],
		['WITH t AS (SELECT 1) INSERT INTO documents SELECT * FROM t', 'forbidden_keyword'],
		["EXPLAIN COPY documents TO 'x.csv'", 'forbidden_keyword'],
		["SELECT * FROM read_csv('http://example.com/a.csv')", 'forbidden_function'],
		["SELECT * FROM READ_CSV_AUTO('/etc/passwd')", 'forbidden_function'],
		["SELECT * FROM read_parquet('x.parquet')", 'forbidden_function'],
		["SELECT * FROM parquet_scan('x.parquet')", 'forbidden_function'],
		["SELECT * FROM read_json_auto('x.json')", 'forbidden_function'],
		["SELECT * FROM read_text('/etc/hosts')", 'forbidden_function'],
		["SELECT * FROM read_blob('/etc/hosts')", 'forbidden_function'],
		["SELECT * FROM glob('/*')", 'forbidden_function'],
		['SELECT * FROM "read_csv"(\'x.csv\')', 'forbidden_function'],
		["SELECT * FROM main.read_csv ('x.csv')", 'forbidden_function'],
		["SELECT * FROM query('SELECT 1')", 'forbidden_function'],
		["SUMMARIZE read_csv('x.csv')", 'forbidden_function'],
		["SELECT * FROM 'https://example.com/x.parquet'", 'file_as_table'],
		["SELECT * FROM documents, '/etc/passwd'", 'file_as_table'],
		["SELECT * FROM documents JOIN 'x.csv' USING (doc_id)", 'file_as_table'],
		["DESCRIBE 'x.csv'", 'file_as_table'],
		['SELECT * FROM "data.csv"', 'file_as_table'],
		['SELECT * FROM documents d JOIN "/etc/passwd" p ON true', 'file_as_table'],
		['SELECT * FROM "s3://bucket/x.parquet"', 'file_as_table'],
		["SELECT 'unterminated", 'unterminated'],
		['SELECT "unterminated', 'unterminated'],
		['SELECT 1 /* never closed', 'unterminated'],
		['SELECT $tag$ never closed', 'unterminated'],
		['<script>alert(1)</script>', 'not_a_query']
	])('%s → %s', (sql, expected) => {
		expect(code(sql)).toBe(expected);
	});

	it('SQL longer than the limit → too_long', () => {
		expect(code('SELECT ' + '1'.repeat(MAX_USER_SQL_LENGTH))).toBe('too_long');
		expect(code('SELECT ' + '1'.repeat(MAX_USER_SQL_LENGTH - 10))).toBe('ok');
	});
});

describe('tokenizeSql', () => {
	it('keeps strings, quoted identifiers and comments apart from words', () => {
		const { tokens, unterminated } = tokenizeSql(
			`SELECT 'a''b', "Col ""x""", $q$ ; $q$ -- c\n/* a /* nested */ b */ x.y`
		);
		expect(unterminated).toBeNull();
		expect(tokens.map((t) => [t.kind, t.value])).toEqual([
			['word', 'select'],
			['string', "a'b"],
			['punct', ','],
			['ident', 'col "x"'],
			['punct', ','],
			['string', ' ; '],
			['word', 'x'],
			['punct', '.'],
			['word', 'y']
		]);
	});

	it('is linear on hostile input (no backtracking, always progresses)', () => {
		const hostile = "'".repeat(50_001) + '/*'.repeat(20_000) + '$'.repeat(20_000);
		const { unterminated } = tokenizeSql(hostile);
		expect(unterminated).toBe('string');
		const many = 'SELECT ' + '(1), '.repeat(19_000) + '1';
		expect(tokenizeSql(many).tokens.length).toBeGreaterThan(70_000);
	});
});

describe('checkUserSql on random token soup', () => {
	it('only ever returns or throws SqlGuardError, and what it accepts holds no forbidden word', () => {
		let seed = 12345;
		const next = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const parts = [
			'SELECT ',
			'FROM ',
			'documents ',
			"'x.csv' ",
			'"q" ',
			'"a.b" ',
			'read_csv',
			'(',
			')',
			', ',
			'; ',
			'-- c\n',
			'/* ',
			' */',
			"'",
			'"',
			'$$',
			'COPY ',
			'ATTACH ',
			'WITH ',
			'set ',
			'x.set ',
			'JOIN ',
			'VALUES ',
			"E'\\'",
			'1 ',
			'INSTALL ',
			'query',
			'\n'
		];
		const forbidden = new Set(['copy', 'attach', 'install', 'set']);
		let accepted = 0;
		for (let i = 0; i < 5000; i++) {
			let sql = '';
			const n = 1 + Math.floor(next() * 12);
			for (let k = 0; k < n; k++) sql += parts[Math.floor(next() * parts.length)];
			let out: string | null = null;
			try {
				out = checkUserSql(sql);
			} catch (e) {
				expect(e).toBeInstanceOf(SqlGuardError);
				continue;
			}
			accepted++;
			const { tokens } = tokenizeSql(out);
			for (let k = 0; k < tokens.length; k++) {
				const t = tokens[k]!;
				const qualified = tokens[k - 1]?.value === '.';
				if (t.kind === 'word' && !qualified) expect(forbidden.has(t.value), sql).toBe(false);
				if (t.kind === 'word' || t.kind === 'ident') {
					const call = tokens[k + 1]?.value === '(';
					if (call) expect(['read_csv', 'query'].includes(t.value), sql).toBe(false);
				}
			}
		}
		expect(accepted).toBeGreaterThan(50);
	});
});
