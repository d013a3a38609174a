/**
 * Parallel ingest over documents (Node only): a pool of worker threads
 * (parallel-worker.mjs) parses files and hands back plain snapshot rows;
 * results are yielded in input order, whatever order the workers finish in,
 * so the writer sees the same sequence for any --jobs. At most
 * `jobs × 4` results wait in memory: a worker gets a new file only when the
 * window has room, which bounds memory on corpora of any size.
 * jobs = 1 runs inline on the main thread (no worker start-up cost).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { IngestCache, parserFingerprint } from './cache';
import { runTask, type TaskResult } from './parallel-task';

export interface ParallelOptions {
	/** Worker threads (default: all cores). */
	jobs?: number;
	/** Cache directory for incremental ingest (default: none). */
	cacheDir?: string | null;
	/** Parser fingerprint naming the cache generation (default: computed from the sources). */
	fingerprint?: string;
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

type Reply = { ready: true } | { id: number; result: TaskResult } | { id: number; error: string };

/** Yields one TaskResult per file, in the order of `files`. */
export async function* ingestParallel(
	files: readonly string[],
	opts: ParallelOptions = {}
): AsyncGenerator<TaskResult> {
	const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), files.length || 1));
	const fingerprint = opts.cacheDir ? (opts.fingerprint ?? (await parserFingerprint())) : '';
	if (jobs === 1) {
		const cache = opts.cacheDir ? await IngestCache.open(opts.cacheDir, fingerprint) : null;
		for (const f of files) yield await runTask(f, cache);
		return;
	}
	const window = jobs * 4;
	const done = new Map<number, TaskResult>();
	let failure: Error | null = null;
	let wake: (() => void) | null = null;
	const notify = () => {
		const w = wake;
		wake = null;
		w?.();
	};
	let next = 0; // next file index to hand out
	let emitted = 0; // next index to yield
	const idle: Worker[] = [];
	const workers: Worker[] = [];
	const dispatch = () => {
		while (idle.length > 0 && next < files.length && next < emitted + window) {
			const w = idle.pop() as Worker;
			w.postMessage({ id: next, file: files[next] });
			next++;
		}
	};
	const url = new URL('./parallel-worker.mjs', import.meta.url);
	try {
		for (let i = 0; i < jobs; i++) {
			const w = new Worker(url, {
				workerData: { cacheDir: opts.cacheDir ?? null, fingerprint }
			});
			workers.push(w);
			w.on('message', (m: Reply) => {
				if ('ready' in m) idle.push(w);
				else if ('error' in m) failure ??= new Error(`ingest worker: ${m.error}`);
				else {
					done.set(m.id, m.result);
					idle.push(w);
				}
				dispatch();
				notify();
			});
			w.on('error', (e) => {
				failure ??= e;
				notify();
			});
			w.on('exit', (code) => {
				if (code !== 0) failure ??= new Error(`ingest worker exited with code ${code}`);
				notify();
			});
		}
		while (emitted < files.length) {
			if (failure) throw failure;
			const r = done.get(emitted);
			if (r) {
				done.delete(emitted);
				emitted++;
				dispatch();
				yield r;
				continue;
			}
			await new Promise<void>((resolve) => {
				wake = resolve;
			});
		}
	} finally {
		for (const w of workers) w.removeAllListeners('exit');
		await Promise.all(workers.map((w) => w.terminate()));
	}
}
