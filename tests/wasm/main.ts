/**
 * Page driven by scripts/check-wasm.ts: opens the snapshot served at the
 * page's root with the DuckDB-WASM connector, runs every view statement,
 * the hostile SQL, a row cap, a cancel and a dropped document, and leaves
 * the results on window.__check for the script to compare with Node.
 */
import { openBrowserConnector, type LoadProgress } from '../../src/lib/db/browser';
import type { ColdStartMarks } from '../../src/lib/db/cold-start';
import { readRollup } from '../../src/lib/db/rollup';
import { tablesNamed } from '../../src/lib/db/sql-tables';
import type { Row } from '../../src/lib/db/types';
import { deptKey } from '../../src/lib/queries/sql';
import { parseText } from '../../src/lib/ingest/parse';
import { overviewQuery } from '../../src/lib/queries';
import { ALLOWED_SQL, HOSTILE_SQL, viewStatements, type DocLite } from './statements';

/** Rows of one department's source lines, counted in the browser after each step. */
export interface LazyCheck {
	department: string;
	/** Rows of the department before any ensure (0 when loading lazily). */
	before: number;
	/** Rows of the department after ensuring it. */
	after: number;
	/** All source_lines rows loaded after ensuring the department. */
	loadedAfter: number;
	bytesAfterDepartment: number;
	/** Bytes after ensuring the same department again (nothing new). */
	bytesAgain: number;
	/** The department's projects rows and all projects rows after concurrent ensures. */
	projects: number;
	projectsTotal: number;
	/** Tables the SQL page would ensure for a sample statement. */
	named: string[];
}

export interface CheckResult {
	loadMs: number;
	cold: ColdStartMarks | null;
	lazy: LazyCheck | string;
	/** Rollups read with parquet-wasm alone, and the same tables from DuckDB-WASM. */
	rollups: Record<string, Row[] | string>;
	rollupsInDuckDB: Record<string, Row[] | string>;
	/** Load progress events with their time since the start (ms). */
	progress: (LoadProgress & { at: number })[];
	rows: Record<string, Row[] | string>;
	timesMs: Record<string, number[]>;
	hostile: Record<string, string>;
	allowed: Record<string, number | string>;
	/** Columns of a user query that returns no row. */
	emptyColumns: string[] | string;
	cap: { rowCount: number; truncated: boolean };
	cancel: string;
	dropped: { added: string[]; rows: number } | string;
}

declare global {
	interface Window {
		__check?: CheckResult | { error: string };
		__dropText?: string;
	}
}

async function main(): Promise<CheckResult> {
	const progress: CheckResult['progress'] = [];
	const t0 = performance.now();
	const db = await openBrowserConnector({
		baseUrl: new URL('.', location.href).href,
		onProgress: (p) => progress.push({ ...p, at: performance.now() - t0 })
	});
	const loadMs = performance.now() - t0;
	const cold = window.__budgetlensColdStart ? { ...window.__budgetlensColdStart } : null;
	const count = async (sql: string, params: string[] = []) =>
		Number((await db.query({ sql, params })).rows[0]?.n ?? 0);
	let lazy: CheckResult['lazy'];
	try {
		const department = String(
			(
				await db.query(
					// A department of the largest partition: its rows share files with others'.
					`SELECT ${deptKey('d')} AS k FROM documents d ORDER BY count(*) OVER (PARTITION BY d.fiscal_year, d.province) DESC, 1 LIMIT 1`
				)
			).rows[0]?.k
		);
		const deptRows = `SELECT count(*)::INTEGER AS n FROM source_lines s JOIN documents d USING (doc_id) WHERE ${deptKey('d')} = $1`;
		const before = await count(deptRows, [department]);
		await db.ensure([{ table: 'source_lines', departments: [department] }]);
		const after = await count(deptRows, [department]);
		const loadedAfter = await count('SELECT count(*)::INTEGER AS n FROM source_lines');
		const bytesAfterDepartment = window.__budgetlensColdStart?.bytes ?? 0;
		// Ensuring the same need again fetches nothing.
		await db.ensure([{ table: 'source_lines', departments: [department] }]);
		const bytesAgain = window.__budgetlensColdStart?.bytes ?? 0;
		// Concurrent ensures of a new need: serialized, each row group inserted once.
		const need = [{ table: 'projects', departments: [department] }];
		await Promise.all([db.ensure(need), db.ensure(need), db.ensure([{ table: 'projects' }])]);
		const projects = await count(
			`SELECT count(*)::INTEGER AS n FROM projects p JOIN documents d USING (doc_id) WHERE ${deptKey('d')} = $1`,
			[department]
		);
		const projectsTotal = await count('SELECT count(*)::INTEGER AS n FROM projects');
		const named = tablesNamed(
			'SELECT * FROM "projects" p JOIN indicators USING (doc_id) -- summary\nWHERE x = \'flags\''
		);
		lazy = {
			department,
			before,
			after,
			loadedAfter,
			bytesAfterDepartment,
			bytesAgain,
			projects,
			projectsTotal,
			named
		};
	} catch (e) {
		lazy = `ERROR ${String(e)}`;
	}
	const rollups: CheckResult['rollups'] = {};
	const rollupsInDuckDB: CheckResult['rollupsInDuckDB'] = {};
	for (const r of db.manifest.rollups) {
		try {
			rollups[r.name] = (await readRollup(new URL('.', location.href).href, r.name)).rows;
			rollupsInDuckDB[r.name] = (await db.query(`SELECT * FROM ${r.name}`)).rows;
		} catch (e) {
			rollups[r.name] = `ERROR ${String(e)}`;
		}
	}
	// Every statement below compares whole tables with Node's.
	await db.ensure(db.manifest.tables.map((t) => ({ table: t.name })));
	const docs = (await db.query(overviewQuery())).rows as unknown as DocLite[];
	const rows: CheckResult['rows'] = {};
	const timesMs: CheckResult['timesMs'] = {};
	for (const [name, s] of Object.entries(viewStatements(docs))) {
		timesMs[name] = [];
		for (let i = 0; i < 7; i++) {
			const t = performance.now();
			try {
				rows[name] = (await db.query(s)).rows;
			} catch (e) {
				rows[name] = `ERROR ${String(e)}`;
			}
			timesMs[name].push(performance.now() - t);
		}
	}
	const hostile: Record<string, string> = {};
	for (const sql of HOSTILE_SQL) {
		try {
			await db.queryUser(sql);
			hostile[sql] = 'ran';
		} catch (e) {
			hostile[sql] = `${(e as Error).name}: ${(e as Error).message}`;
		}
	}
	const allowed: Record<string, number | string> = {};
	for (const sql of ALLOWED_SQL) {
		try {
			allowed[sql] = (await db.queryUser(sql)).rowCount;
		} catch (e) {
			allowed[sql] = String(e);
		}
	}
	let emptyColumns: CheckResult['emptyColumns'];
	try {
		const empty = await db.queryUser('SELECT doc_id, fiscal_year FROM documents WHERE false');
		emptyColumns = empty.columns.map((c) => `${c.name} ${c.type}`);
	} catch (e) {
		emptyColumns = String(e);
	}
	const capped = await db.queryUser('SELECT * FROM range(25000) t(x)', { limit: 10_000 });
	const slow = db.queryUser('SELECT count(*) FROM range(5000000000) a');
	setTimeout(() => void db.cancel(), 300);
	let cancel = 'finished without cancel';
	try {
		await slow;
	} catch (e) {
		cancel = (e as Error).message;
	}
	let dropped: CheckResult['dropped'] = 'no document given';
	if (window.__dropText) {
		const doc = parseText('dropped.txt', window.__dropText);
		const { added } = await db.addDocuments([doc]);
		const n = await db.query({
			sql: 'SELECT count(*)::INTEGER AS n FROM source_lines WHERE doc_id = $1',
			params: [doc.document.doc_id]
		});
		dropped = { added, rows: Number(n.rows[0]?.n ?? 0) };
	}
	await db.close();
	return {
		loadMs,
		cold,
		lazy,
		rollups,
		rollupsInDuckDB,
		progress,
		rows,
		timesMs,
		hostile,
		allowed,
		emptyColumns,
		cap: { rowCount: capped.rowCount, truncated: capped.truncated },
		cancel,
		dropped
	};
}

main().then(
	(r) => {
		window.__check = r;
		document.getElementById('out')!.textContent = `done in ${r.loadMs.toFixed(0)} ms`;
	},
	(e: unknown) => {
		window.__check = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
	}
);
