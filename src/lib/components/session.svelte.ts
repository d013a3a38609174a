/**
 * The app's one loaded snapshot, shared by every view: load progress, the
 * snapshot id, the connector, and a `version` counter that bumps when rows
 * are added (a dropped document) so views re-run their queries.
 *
 * `run(view, statement, needs)` waits for the snapshot, has the connector
 * load the rows the statement needs (`ensure`, see needs.ts), runs the
 * statement and records its latency per view on `window.__budgetlensTimings`
 * (read by scripts/bench-app.mjs and the browser tests). While rows load,
 * `loadingRows` counts the pending loads and `progress` tells what loads.
 */
import type { DataNeed, DataScope, QueryResult, SnapshotConnector, Statement } from '$lib/db/types';

export interface LoadProgress {
	/** What is happening, in Chinese (“下载 summary.parquet”…). */
	phase: string;
	filesDone: number;
	filesTotal: number;
	bytesDone: number;
	bytesTotal: number;
}

export type Opener = (onProgress: (p: LoadProgress) => void) => Promise<{
	connector: SnapshotConnector;
	snapshotId: string;
}>;

export interface QueryLogEntry {
	view: string;
	ms: number;
	end: number;
	sql?: string;
	params?: Statement['params'];
	/** User SQL run over a scope's rows (sql page): replays must apply the same scope. */
	scope?: DataScope;
}

declare global {
	interface Window {
		__budgetlensTimings?: Record<string, number[]>;
		/**
		 * Every query in order: view, latency, end time (performance.now()) and the
		 * statement itself, so scripts/bench.mjs can replay the same SQL in native DuckDB.
		 */
		__budgetlensQueryLog?: QueryLogEntry[];
		__budgetlensReady?: number;
	}
}

export function errorText(e: unknown): string {
	if (e instanceof Error) return e.message;
	return String(e);
}

class Session {
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	progress = $state<LoadProgress>({
		phase: '',
		filesDone: 0,
		filesTotal: 0,
		bytesDone: 0,
		bytesTotal: 0
	});
	snapshotId = $state<string | null>(null);
	error = $state<string | null>(null);
	/** Bumps whenever loaded data changes (documents dropped onto the page). */
	version = $state(0);
	/**
	 * doc_ids of the documents dropped onto the page and actually added (not
	 * those skipped as already loaded), in drop order: the overview chart adds
	 * their rows to the snapshot's rollup (overview/dropped.ts).
	 */
	dropped = $state.raw<readonly string[]>([]);
	connector: SnapshotConnector | null = null;
	#started: Promise<SnapshotConnector> | null = null;
	#resolve: (c: SnapshotConnector) => void = () => {};
	#reject: (e: unknown) => void = () => {};
	/** Settles when the snapshot is loaded; views may await it before the shell starts loading. */
	#ready = new Promise<SnapshotConnector>((resolve, reject) => {
		this.#resolve = resolve;
		this.#reject = reject;
	});

	constructor() {
		// Views await `ready()`; an unhandled rejection here would only duplicate the banner.
		this.#ready.catch(() => {});
	}

	/** Start loading once; later calls return the same promise. */
	start(open: Opener): Promise<SnapshotConnector> {
		if (this.#started) return this.#started;
		this.status = 'loading';
		this.#started = open((p) => (this.progress = p)).then(
			({ connector, snapshotId }) => {
				this.connector = connector;
				this.snapshotId = snapshotId;
				this.status = 'ready';
				if (typeof window !== 'undefined') window.__budgetlensReady = performance.now();
				this.#resolve(connector);
				return connector;
			},
			(e: unknown) => {
				this.status = 'error';
				this.error = `数据加载失败：${errorText(e)}`;
				this.#reject(e);
				throw e;
			}
		);
		return this.#started;
	}

	ready(): Promise<SnapshotConnector> {
		return this.#ready;
	}

	/** Loads in flight (ensure calls): the header shows their progress. */
	loadingRows = $state(0);

	/** Make sure the rows `needs` names are loaded (a no-op on connectors holding everything). */
	async ensure(needs: readonly DataNeed[]): Promise<void> {
		const conn = await this.ready();
		if (needs.length === 0) return;
		this.loadingRows += 1;
		try {
			await conn.ensure(needs);
		} finally {
			this.loadingRows -= 1;
		}
	}

	async run(
		view: string,
		statement: Statement | string,
		needs?: readonly DataNeed[]
	): Promise<QueryResult> {
		const conn = await this.ready();
		if (needs) await this.ensure(needs);
		const t0 = performance.now();
		const result = await conn.query(statement);
		record(view, performance.now() - t0, statement);
		return result;
	}

	/** Loaded data changed; `added` names the doc_ids just added (see `dropped`). */
	changed(added: readonly string[] = []): void {
		if (added.length > 0) this.dropped = [...this.dropped, ...added];
		this.version += 1;
	}
}

export function record(
	view: string,
	ms: number,
	statement?: Statement | string,
	scope?: DataScope
): void {
	if (typeof window === 'undefined') return;
	const t = (window.__budgetlensTimings ??= {});
	(t[view] ??= []).push(ms);
	const entry: QueryLogEntry = { view, ms, end: performance.now() };
	if (typeof statement === 'string') entry.sql = statement;
	else if (statement) Object.assign(entry, { sql: statement.sql, params: statement.params });
	if (scope) entry.scope = scope;
	(window.__budgetlensQueryLog ??= []).push(entry);
}

export const session = new Session();
