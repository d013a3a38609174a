/**
 * Parallel and incremental ingest (snapshot/parallel.ts, cache.ts,
 * stream-write.ts) over a small synthetic corpus: results come back in
 * input order, the snapshot is byte-identical for 1 and 2 worker threads,
 * and re-ingesting with a cache after changing one document parses only
 * that document and still gives the snapshot a fresh ingest gives.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/lib/synth';
import { parserFingerprint } from '../../src/lib/snapshot/cache';
import { ingestParallel, type ParallelOptions } from '../../src/lib/snapshot/parallel';
import type { TaskResult } from '../../src/lib/snapshot/parallel-task';
import { SnapshotStreamWriter } from '../../src/lib/snapshot/stream-write';

let root: string;
let corpus: string;
let files: string[];

beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'budgetlens-scale-'));
	corpus = path.join(root, 'corpus');
	const { mkdir } = await import('node:fs/promises');
	await mkdir(corpus);
	for (const d of generateCorpus({ departments: 6, years: 2, seed: 3 }))
		await writeFile(path.join(corpus, d.name), d.text);
	// A file that cannot be read as a document: its failure is cached too.
	await writeFile(path.join(corpus, 'zz_empty.txt'), '');
	files = (await readdir(corpus)).sort().map((f) => path.join(corpus, f));
}, 60_000);

afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

async function ingest(out: string, opts: ParallelOptions): Promise<TaskResult[]> {
	const writer = await SnapshotStreamWriter.open(out);
	const results: TaskResult[] = [];
	for await (const r of ingestParallel(files, opts)) {
		results.push(r);
		if (r.status === 'ok') writer.add(r.rows);
	}
	await writer.finish();
	return results;
}

async function snapshotBytes(dir: string): Promise<Map<string, Buffer>> {
	const out = new Map<string, Buffer>();
	for (const f of (await readdir(dir)).sort()) out.set(f, await readFile(path.join(dir, f)));
	return out;
}

describe('parallel ingest', () => {
	it('yields results in input order and is byte-identical for any --jobs', async () => {
		const one = await ingest(path.join(root, 'j1'), { jobs: 1 });
		const two = await ingest(path.join(root, 'j2'), { jobs: 2 });
		expect(one.map((r) => r.file)).toEqual(files);
		expect(two.map((r) => r.file)).toEqual(files);
		expect(two.filter((r) => r.status === 'ok')).toHaveLength(12);
		const failed = two.find((r) => r.status === 'failed');
		expect(failed?.status === 'failed' && failed.code).toBe('empty');
		const a = await snapshotBytes(path.join(root, 'j1'));
		const b = await snapshotBytes(path.join(root, 'j2'));
		expect([...a.keys()]).toContain('manifest.json');
		expect([...a.keys()]).toContain('indicators.parquet');
		expect(b).toEqual(a);
		const manifest = JSON.parse(a.get('manifest.json')!.toString('utf8'));
		expect(manifest.documents).toHaveLength(12);
		expect(manifest.tables.flags.rows).toBeGreaterThan(0);
	}, 120_000);

	it('re-ingests only the changed document with a cache', async () => {
		const cacheDir = path.join(root, 'cache');
		// A fixed parser fingerprint: an engineer editing the parser meanwhile must not void the cache.
		const fingerprint = await parserFingerprint();
		const first = await ingest(path.join(root, 'c1'), { jobs: 2, cacheDir, fingerprint });
		expect(first.filter((r) => r.cached)).toHaveLength(0);
		const again = await ingest(path.join(root, 'c2'), { jobs: 2, cacheDir, fingerprint });
		// Every document is a hit (the empty file's failure is cached too).
		expect(again.filter((r) => r.cached)).toHaveLength(files.length);
		expect(await snapshotBytes(path.join(root, 'c2'))).toEqual(
			await snapshotBytes(path.join(root, 'j1'))
		);
		// Change one document: only that one is parsed again.
		const target = files[3]!;
		const text = await readFile(target, 'utf8');
		await writeFile(target, text.replace('单位：万元', '单位：万元 '));
		const third = await ingest(path.join(root, 'c3'), { jobs: 2, cacheDir, fingerprint });
		expect(third.filter((r) => !r.cached).map((r) => r.file)).toEqual([target]);
		const fresh = await ingest(path.join(root, 'c4'), { jobs: 1 });
		expect(fresh.some((r) => r.cached)).toBe(false);
		expect(await snapshotBytes(path.join(root, 'c3'))).toEqual(
			await snapshotBytes(path.join(root, 'c4'))
		);
		await writeFile(target, text);
	}, 120_000);

	it('the stream writer refuses the same document twice', async () => {
		const writer = await SnapshotStreamWriter.open(path.join(root, 'dup'));
		let rows = null;
		for await (const r of ingestParallel(files.slice(0, 1), { jobs: 1 }))
			if (r.status === 'ok') rows = r.rows;
		expect(rows).not.toBeNull();
		writer.add(rows!);
		expect(() => writer.add(rows!)).toThrow(/duplicate document/);
		await writer.finish();
	}, 60_000);

	it('npm run ingest: --jobs 2 through the tsx worker, --cache on the second run', async () => {
		const run = promisify(execFile);
		const tsx = path.resolve(process.cwd(), 'node_modules/.bin/tsx');
		const cacheDir = path.join(root, 'cli-cache');
		const args = (out: string) => [
			'scripts/ingest.ts',
			'--jobs',
			'2',
			'--cache',
			cacheDir,
			'--json',
			'--out',
			out,
			corpus
		];
		const first = await run(tsx, args(path.join(root, 'cli1')), { cwd: process.cwd() }).catch(
			(e: { stdout: string; stderr: string; code: number }) => e
		);
		// The empty file is a failure: exit code 1, the others still land.
		const summary = JSON.parse(first.stdout);
		expect(summary.documents).toHaveLength(12);
		expect(summary.failed.map((f: { code: string }) => f.code)).toEqual(['empty']);
		expect(first.stderr).toContain(`cache: 0 of ${files.length} documents unchanged`);
		const second = await run(tsx, args(path.join(root, 'cli2')), { cwd: process.cwd() }).catch(
			(e: { stdout: string; stderr: string }) => e
		);
		expect(second.stderr).toContain(
			`cache: ${files.length} of ${files.length} documents unchanged`
		);
		expect(await snapshotBytes(path.join(root, 'cli2'))).toEqual(
			await snapshotBytes(path.join(root, 'cli1'))
		);
		expect(await snapshotBytes(path.join(root, 'cli1'))).toEqual(
			await snapshotBytes(path.join(root, 'j1'))
		);
	}, 180_000);
});
