/**
 * Lazy loading for the browser connector: `ensure(needs)` plans the units
 * with db/load-plan.ts and loads them into the typed DuckDB tables. A part
 * whose every row group is needed (and none loaded yet), or that has no
 * row-group index, is fetched whole with one GET; otherwise only the planned
 * row groups are read with range requests (parquet-range.ts) and decoded with
 * parquet-wasm. Files are fetched and decoded four at a time and inserted
 * one after another; calls are
 * serialized (a promise chain), and a unit is marked loaded only once its
 * rows are in DuckDB, so nothing is inserted twice. Lazy rollups
 * (rollup_per_capita) come in the manifest as one-file tables
 * (manifest.ts withLazyRollups) and load the same way.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { ROLLUPS } from '../schema/rollups';
import { TABLES } from '../schema/tables';
import { fetchBytes, limiter, loadTable, SnapshotLoadError } from './browser-load';
import { countBytes, markColdStart } from './cold-start';
import { fileJobs, type FileJob } from './load-jobs';
import { planLoad, unitKey, type DocIndex } from './load-plan';
import type { SnapshotManifest } from './manifest';
import { fileUrl } from './manifest-path';
import type { TailCache } from './parquet-range';
import { parquetToIpc, rowGroupsToIpc } from './parquet-wasm';
import type { DataNeed } from './types';

export interface LazyProgress {
	phase: string;
	filesDone: number;
	filesTotal: number;
	bytesDone: number;
	bytesTotal: number;
}

export interface LazyLoaderOptions {
	conn: AsyncDuckDBConnection;
	manifest: SnapshotManifest;
	/** Absolute folder URL of the snapshot. */
	baseUrl: string;
	doFetch: typeof fetch;
	report: (p: LazyProgress) => void;
}

export interface LazyLoader {
	/** Keys (load-plan unitKey) of the units in DuckDB. */
	readonly loaded: ReadonlySet<string>;
	setDocIndex(index: DocIndex): void;
	/** Record that every unit of `table` is loaded (e.g. documents at open). */
	markTableLoaded(table: string): void;
	ensure(needs: readonly DataNeed[]): Promise<void>;
	/** The file jobs `ensure(needs)` would run now (for sizing a load before it starts). */
	plan(needs: readonly DataNeed[]): FileJob[];
	/** Load every table whole. */
	ensureAll(): Promise<void>;
}

export function lazyLoader(options: LazyLoaderOptions): LazyLoader {
	const { conn, manifest, baseUrl, doFetch } = options;
	const loaded = new Set<string>();
	// Schema tables and the lazy rollups are created typed at open (browser.ts): insert into them.
	const known = new Set<string>([
		...TABLES.map((t) => t.name),
		...ROLLUPS.filter((r) => r.lazy).map((r) => r.name)
	]);
	const created = new Set<string>();
	let docIndex: DocIndex = new Map();
	let chain: Promise<unknown> = Promise.resolve();
	const limited = limiter(4);
	const tails: TailCache = new Map();

	async function fetchJob(job: FileJob, onBytes: (n: number) => void): Promise<Uint8Array> {
		const url = fileUrl(baseUrl, job.part.path);
		if (job.whole) {
			return parquetToIpc(await fetchBytes(doFetch, url, onBytes), job.decode ?? undefined);
		}
		const got = await rowGroupsToIpc(doFetch, url, job.part.bytes!, job.decode!, tails);
		onBytes(got.bytes);
		return got.ipc;
	}

	async function load(needs: readonly DataNeed[]): Promise<void> {
		const units = planLoad(manifest, docIndex, needs, loaded);
		if (units.length === 0) return;
		const list = fileJobs(manifest, units, loaded);
		const progress: LazyProgress = {
			phase: '按需载入数据',
			filesDone: 0,
			filesTotal: list.length,
			bytesDone: 0,
			bytesTotal: list.reduce((s, j) => s + j.estimate, 0)
		};
		const report = () => options.report({ ...progress });
		report();
		const onBytes = (n: number) => {
			progress.bytesDone += n;
			countBytes(n);
			report();
		};
		const fetched = list.map((job) => {
			const p = limited(() => fetchJob(job, onBytes));
			p.catch(() => undefined); // awaited in order below
			return p;
		});
		for (let i = 0; i < list.length; i++) {
			const job = list[i]!;
			progress.phase = `载入 ${job.table}`;
			report();
			try {
				const ipc = await fetched[i]!;
				const isKnown = known.has(job.table);
				await loadTable(conn, job.table, ipc, isKnown, !isKnown && created.has(job.table));
				created.add(job.table);
			} catch (e) {
				throw new SnapshotLoadError(
					`载入表 ${job.table}（${job.part.path}）失败：${e instanceof Error ? e.message : String(e)}`
				);
			}
			if (job.decode === null && job.part.row_groups) {
				job.part.row_groups.forEach((_, g) =>
					loaded.add(unitKey({ path: job.part.path, rowGroup: g }))
				);
			}
			for (const u of job.units) loaded.add(unitKey(u));
			progress.filesDone = i + 1;
			report();
		}
		markColdStart('firstLoadMs');
		progress.phase = '完成';
		report();
	}

	const loader: LazyLoader = {
		loaded,
		setDocIndex(index) {
			docIndex = index;
		},
		markTableLoaded(table) {
			const t = manifest.tables.find((x) => x.name === table);
			for (const p of t?.parts ?? []) {
				loaded.add(p.path);
				p.row_groups?.forEach((_, g) => loaded.add(unitKey({ path: p.path, rowGroup: g })));
			}
		},
		ensure(needs) {
			const run = chain.then(() => load(needs));
			chain = run.catch(() => undefined);
			return run;
		},
		plan(needs) {
			return fileJobs(manifest, planLoad(manifest, docIndex, needs, loaded), loaded);
		},
		ensureAll() {
			return loader.ensure(manifest.tables.map((t) => ({ table: t.name })));
		}
	};
	return loader;
}
