/**
 * Scale benchmark (issue #6): generates a synthetic corpus (src/lib/synth),
 * ingests it with all cores (parallel worker threads → streaming snapshot
 * writer), and reports documents/s, MB/s, the snapshot write time and peak
 * RSS (process.resourceUsage().maxRSS: worker threads live in the same
 * process, so it covers them). Then changes one document and re-ingests
 * with the cache to time the incremental path. With several --layout
 * values (comma-separated), each further layout re-ingests from the cache
 * and reports its finish step (peer flags, rollups, Parquet), bytes and
 * file count, so the layouts compare on the same corpus.
 *
 *   npx tsx scripts/bench-scale.ts [--documents 10000] [--jobs N] [--dir DIR] [--keep]
 *       [--layout flat,partitioned]
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../src/lib/synth';
import { expandInputs } from '../src/lib/snapshot/inputs';
import { parserFingerprint } from '../src/lib/snapshot/cache';
import { defaultJobs, ingestParallel } from '../src/lib/snapshot/parallel';
import type { LayoutOption } from '../src/lib/snapshot/finish';
import { SnapshotStreamWriter } from '../src/lib/snapshot/stream-write';

const { values } = parseArgs({
	options: {
		documents: { type: 'string', default: '10000' },
		jobs: { type: 'string' },
		dir: { type: 'string' },
		keep: { type: 'boolean', default: false },
		layout: { type: 'string', default: 'auto' }
	}
});
const layouts = (values.layout ?? 'auto').split(',') as LayoutOption[];
for (const l of layouts)
	if (!['flat', 'partitioned', 'auto'].includes(l)) throw new Error(`unknown layout ${l}`);
const documents = Number(values.documents);
const jobs = values.jobs ? Number(values.jobs) : defaultJobs();
const root = values.dir ?? path.join(os.tmpdir(), `budgetlens-bench-scale-${documents}`);
const corpus = path.join(root, 'corpus');
const mb = (b: number) => (b / 1e6).toFixed(1);
const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function ingest(
	out: string,
	cacheDir: string | null,
	fingerprint: string,
	layout: LayoutOption = layouts[0] ?? 'auto'
) {
	const files = (await expandInputs([corpus])).files;
	const t0 = performance.now();
	const writer = await SnapshotStreamWriter.open(out);
	let bytes = 0;
	let ok = 0;
	let cached = 0;
	let failed = 0;
	let appendSeconds = 0;
	for await (const r of ingestParallel(files, { jobs, cacheDir, fingerprint })) {
		bytes += r.bytes;
		if (r.cached) cached++;
		if (r.status === 'ok') {
			const a0 = performance.now();
			writer.add(r.rows);
			appendSeconds += (performance.now() - a0) / 1000;
			ok++;
		} else failed++;
	}
	const t1 = performance.now();
	const manifest = await writer.finish({ layout });
	const t2 = performance.now();
	let snapshotBytes = 0;
	let fileCount = 1; // manifest.json
	for (const t of Object.values(manifest.tables)) {
		snapshotBytes += t.bytes;
		fileCount += t.parts.length;
	}
	for (const r of Object.values(manifest.rollups)) {
		snapshotBytes += r.bytes;
		fileCount++;
	}
	return {
		files: files.length,
		ok,
		failed,
		cached,
		bytes,
		parse: (t1 - t0) / 1000,
		finish: (t2 - t1) / 1000,
		total: (t2 - t0) / 1000,
		appendSeconds,
		snapshotBytes,
		fileCount,
		layout: manifest.layout,
		rows: Object.fromEntries(Object.entries(manifest.tables).map(([k, v]) => [k, v.rows]))
	};
}

async function main() {
	const departments = Math.max(1, Math.ceil(documents / 2));
	console.log(
		`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${mb(os.totalmem())} MB RAM, node ${process.version}; jobs ${jobs}`
	);
	await rm(root, { recursive: true, force: true });
	await mkdir(corpus, { recursive: true });
	const g0 = performance.now();
	let n = 0;
	let genBytes = 0;
	for (const d of generateCorpus({ departments, years: 2, seed: 2026 })) {
		if (n >= documents) break;
		const data = Buffer.from(d.text, 'utf8');
		await writeFile(path.join(corpus, d.name), data);
		genBytes += data.length;
		n++;
	}
	const gen = (performance.now() - g0) / 1000;
	console.log(`generate: ${n} documents, ${mb(genBytes)} MB in ${gen.toFixed(1)} s`);

	const cacheDir = path.join(root, 'cache');
	// One fingerprint for both runs: an engineer editing the parser meanwhile must not void the cache.
	const fingerprint = await parserFingerprint();
	const full = await ingest(path.join(root, 'snapshot'), cacheDir, fingerprint);
	console.log(
		`ingest: ${full.ok} ok / ${full.failed} failed, ${mb(full.bytes)} MB in ${full.total.toFixed(1)} s ` +
			`(parse+stream ${full.parse.toFixed(1)} s, of which main-thread appends ${full.appendSeconds.toFixed(1)} s; peer flags+Parquet ${full.finish.toFixed(1)} s): ` +
			`${(full.files / full.total).toFixed(1)} documents/s, ${(full.bytes / 1e6 / full.total).toFixed(2)} MB/s; ` +
			`snapshot ${mb(full.snapshotBytes)} MB; peak RSS ${rssMb()} MB`
	);
	console.log(`rows: ${JSON.stringify(full.rows)}`);
	const finishLine = (r: typeof full) =>
		`finish (${r.layout}): ${r.finish.toFixed(1)} s, ${mb(r.snapshotBytes)} MB in ${r.fileCount} files`;
	console.log(finishLine(full));
	for (const layout of layouts.slice(1)) {
		const other = await ingest(
			path.join(root, `snapshot-${layout}`),
			cacheDir,
			fingerprint,
			layout
		);
		console.log(`${finishLine(other)} (re-ingested from the cache in ${other.parse.toFixed(1)} s)`);
	}

	// Incremental: one document changed, everything else from the cache.
	const files = (await expandInputs([corpus])).files;
	const one = files[Math.floor(files.length / 2)] as string;
	await writeFile(one, (await readFile(one, 'utf8')).replace('单位：万元', '单位：万元 '));
	const inc = await ingest(path.join(root, 'snapshot2'), cacheDir, fingerprint);
	console.log(
		`incremental (1 changed): ${inc.files - inc.cached} parsed, ${inc.cached} from cache, ` +
			`${inc.total.toFixed(1)} s (read cache ${inc.parse.toFixed(1)} s, write ${inc.finish.toFixed(1)} s); peak RSS ${rssMb()} MB`
	);
	const cacheSize = (await stat(cacheDir)).isDirectory() ? 'present' : 'missing';
	console.log(`cache directory ${cacheSize}: ${cacheDir}`);
	if (!values.keep) await rm(root, { recursive: true, force: true });
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
	process.exitCode = 1;
});
