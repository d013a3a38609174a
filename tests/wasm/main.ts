/**
 * Page driven by scripts/check-wasm.ts: opens the snapshot served at the
 * page's root with the DuckDB-WASM connector, runs every view statement,
 * the hostile SQL, a row cap, a cancel and a dropped document, and leaves
 * the results on window.__check for the script to compare with Node.
 */
import { openBrowserConnector, type LoadProgress } from '../../src/lib/db/browser';
import type { Row } from '../../src/lib/db/types';
import { parseText } from '../../src/lib/ingest/parse';
import { overviewQuery } from '../../src/lib/queries';
import { ALLOWED_SQL, HOSTILE_SQL, viewStatements, type DocLite } from './statements';

export interface CheckResult {
	loadMs: number;
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
