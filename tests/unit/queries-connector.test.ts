/**
 * The Node connector: value conventions of db/types.ts, and user SQL safety
 * in depth — the guard refuses hostile statements, and when a statement gets
 * past it (guard replaced by the identity), the locked engine and the
 * always-rolled-back transaction still stop it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector, type NodeConnector } from '../../src/lib/db/node';
import { SqlGuardError } from '../../src/lib/db/sql-guard';
import { UserSqlError } from '../../src/lib/db/user-sql-error';
import { openFixture } from './queries-fixture';

let db: NodeConnector;
let unguarded: NodeConnector;

beforeAll(async () => {
	db = await openFixture();
	unguarded = await openFixture({ guard: (sql) => sql });
});
afterAll(async () => {
	await db.close();
	await unguarded.close();
});

describe('value conventions', () => {
	it('returns DECIMAL as exact strings with scale, safe BIGINT as numbers, dates as ISO', async () => {
		const r = await db.query(`SELECT 6473.03::DECIMAL(18,4) AS d, -0.0001::DECIMAL(18,4) AS n,
			12::BIGINT AS b, 9007199254740993::BIGINT AS big, 3::INTEGER AS i, 0.5::DOUBLE AS f,
			DATE '2024-01-02' AS dt, TIMESTAMP '2024-01-02 03:04:05' AS ts, NULL::VARCHAR AS nul,
			[1, 2] AS l, {'a': 1.5::DECIMAL(18,4)} AS s, true AS t`);
		expect(r.rows).toEqual([
			{
				d: '6473.0300',
				n: '-0.0001',
				b: 12,
				big: '9007199254740993',
				i: 3,
				f: 0.5,
				dt: '2024-01-02',
				ts: '2024-01-02T03:04:05.000Z',
				nul: null,
				l: [1, 2],
				s: { a: '1.5000' },
				t: true
			}
		]);
		expect(r.columns.map((c) => c.type)).toEqual([
			'DECIMAL(18,4)',
			'DECIMAL(18,4)',
			'BIGINT',
			'BIGINT',
			'INTEGER',
			'DOUBLE',
			'DATE',
			'TIMESTAMP',
			'VARCHAR',
			'INTEGER[]',
			'STRUCT("a" DECIMAL(18,4))',
			'BOOLEAN'
		]);
	});

	it('binds $n parameters', async () => {
		const r = await db.query({
			sql: 'SELECT doc_id FROM documents WHERE fiscal_year = $1 AND layout = $2 ORDER BY 1',
			params: [2024, 'shanghai']
		});
		expect(r.rows).toEqual([{ doc_id: 'd_wl_2024' }]);
	});

	it('loads every snapshot table with the schema types', async () => {
		expect(await db.tables()).toEqual([
			'appropriation_by_function',
			'assets',
			'basic_by_economic',
			'documents',
			'expenditure_by_function',
			'flags',
			'income_by_function',
			'indicators',
			'parse_issues',
			'procurement',
			'projects',
			'related_expenses',
			// The fixture carries the v3 rollups (scripts/make-fixture.ts); the connector loads them too.
			'rollup_documents',
			'rollup_overview',
			'rollup_per_capita',
			'rollup_per_capita_departments',
			'rollup_per_capita_groups',
			'source_lines',
			'spending_plan',
			'summary',
			'three_public'
		]);
		const types = await db.query(
			"SELECT data_type FROM information_schema.columns WHERE table_name = 'expenditure_by_function' AND column_name = 'total'"
		);
		expect(types.rows).toEqual([{ data_type: 'DECIMAL(18,4)' }]);
		expect((await db.query('SELECT count(*)::INTEGER AS n FROM flags')).rows).toEqual([{ n: 3 }]);
		expect(db.manifest?.snapshot_id).toBe('fixture-0001');
	});

	it('opens an empty database with every schema table', async () => {
		const empty = await openNodeConnector();
		try {
			expect((await empty.tables()).length).toBe(16);
			expect((await empty.query('SELECT count(*)::INTEGER AS n FROM documents')).rows).toEqual([
				{ n: 0 }
			]);
		} finally {
			await empty.close();
		}
	});
});

describe('queryUser', () => {
	it('caps rows and reports truncation', async () => {
		const r = await db.queryUser('SELECT * FROM range(25) t(x)', { limit: 10 });
		expect(r.rowCount).toBe(10);
		expect(r.truncated).toBe(true);
		expect(r.rows[9]).toEqual({ x: 9 });
		const all = await db.queryUser('SELECT * FROM range(10) t(x)', { limit: 10 });
		expect(all.truncated).toBe(false);
	});

	it('returns the columns of an empty result', async () => {
		const r = await db.queryUser('SELECT doc_id, fiscal_year FROM documents WHERE false');
		expect(r.rows).toEqual([]);
		expect(r.columns).toEqual([
			{ name: 'doc_id', type: 'VARCHAR' },
			{ name: 'fiscal_year', type: 'INTEGER' }
		]);
	});

	it('reports DuckDB errors as UserSqlError with a Chinese prefix', async () => {
		await expect(db.queryUser('SELECT no_such_column FROM documents')).rejects.toThrow(
			UserSqlError
		);
		await expect(db.queryUser('SELECT no_such_column FROM documents')).rejects.toThrow(/^查询出错/);
		// the connection is usable afterwards (the transaction was rolled back)
		expect((await db.queryUser('SELECT 1 AS x')).rows).toEqual([{ x: 1 }]);
	});

	it('can be cancelled', async () => {
		const slow = db.queryUser('SELECT count(*) FROM range(20000000000) a');
		setTimeout(() => void db.cancel(), 200);
		await expect(slow).rejects.toThrow('查询已取消');
		expect((await db.queryUser('SELECT 2 AS x')).rows).toEqual([{ x: 2 }]);
	});

	const HOSTILE = [
		"COPY documents TO '/tmp/budgetlens-leak.csv'",
		"ATTACH '/tmp/budgetlens-other.db' AS other",
		'INSTALL httpfs',
		'LOAD httpfs',
		"SELECT * FROM read_csv('http://127.0.0.1:9/a.csv')",
		"SELECT * FROM read_text('/etc/hostname')",
		"SELECT * FROM '/etc/hostname'",
		"SELECT * FROM glob('/*')",
		'SET enable_external_access = true',
		"EXPORT DATABASE '/tmp/budgetlens-export'",
		'SELECT 1; DROP TABLE documents'
	];

	it.each(HOSTILE)('the guard refuses %s', async (sql) => {
		await expect(db.queryUser(sql)).rejects.toThrow(SqlGuardError);
	});

	it.each(HOSTILE.slice(0, 10))('the locked engine refuses %s past the guard', async (sql) => {
		await expect(unguarded.queryUser(sql)).rejects.toThrow(UserSqlError);
	});

	it('the engine refuses the same statements on the app path too', async () => {
		await expect(db.query("SELECT * FROM read_text('/etc/hostname')")).rejects.toThrow();
		await expect(db.query('SET enable_external_access = true')).rejects.toThrow();
	});

	it('DuckDB itself refuses several statements past the guard', async () => {
		await expect(unguarded.queryUser('SELECT 1; SELECT 2')).rejects.toThrow(SqlGuardError);
	});

	it.each(['DESCRIBE documents', 'SHOW TABLES', 'SUMMARIZE projects', 'EXPLAIN SELECT 1'])(
		'runs the read-only statement %s',
		async (sql) => {
			expect((await db.queryUser(sql)).rowCount).toBeGreaterThan(0);
		}
	);

	it('changes made past the guard are rolled back', async () => {
		await unguarded.queryUser('DELETE FROM documents');
		await unguarded.queryUser('DROP TABLE projects');
		await unguarded.queryUser('CREATE TABLE leftover AS SELECT 1 AS x');
		const docs = await unguarded.query('SELECT count(*)::INTEGER AS n FROM documents');
		expect(docs.rows).toEqual([{ n: 4 }]);
		const projects = await unguarded.query('SELECT count(*)::INTEGER AS n FROM projects');
		expect(projects.rows).toEqual([{ n: 4 }]);
		expect(await unguarded.tables()).not.toContain('leftover');
	});
});
