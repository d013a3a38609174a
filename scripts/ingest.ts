/**
 * Ingest CLI: parse disclosure text files and PDFs and write a snapshot directory.
 *
 *   npm run ingest -- --out DIR [--json] [--jobs N] [--cache DIR] [--layout flat|partitioned|auto]
 *       [--memory-limit 4GB] FILE_OR_DIR...
 *
 * Documents are parsed in parallel by N worker threads (default: all cores;
 * snapshot/parallel.ts) and streamed into the snapshot writer in input
 * order (snapshot/stream-write.ts): the output is byte-identical for any N.
 * With --cache DIR, parsed documents are kept by content hash and an
 * unchanged document is not parsed again (snapshot/cache.ts).
 * --layout picks the snapshot layout (snapshot/finish.ts): flat files, or
 * partitioned by fiscal_year and province; auto (default) partitions above
 * 1000 documents. The finish step prints one line per table written.
 * --memory-limit caps the writer's DuckDB (default 512MB, enough for
 * 100,000 documents; stream-write.ts); beyond it DuckDB spills to the temp dir.
 *
 * Directories are walked for *.txt and *.pdf files. A progress bar over documents is
 * shown on stderr when stderr is a terminal. Each document gets a line
 * (department, year, kind, tables, row accounting, issues); a summary
 * closes the run. Exit code 1 only when some document could not be read
 * at all (the others still land in the snapshot), 2 on bad usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { Manifest } from '../src/lib/schema/manifest';
import { EditionIndex, preferPdfs } from '../src/lib/snapshot/editions';
import { expandInputs } from '../src/lib/snapshot/inputs';
import { defaultJobs, ingestParallel } from '../src/lib/snapshot/parallel';
import { summaryLines, type RunTotals } from '../src/lib/snapshot/report';
import type { LayoutOption } from '../src/lib/snapshot/finish';
import { SnapshotStreamWriter } from '../src/lib/snapshot/stream-write';

const USAGE =
	'usage: npm run ingest -- --out DIR [--json] [--jobs N] [--cache DIR] [--layout flat|partitioned|auto] [--memory-limit 4GB] FILE_OR_DIR...';
const LAYOUTS: readonly LayoutOption[] = ['flat', 'partitioned', 'auto'];

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			allowPositionals: true,
			options: {
				out: { type: 'string', short: 'o' },
				json: { type: 'boolean', default: false },
				jobs: { type: 'string', short: 'j' },
				cache: { type: 'string' },
				layout: { type: 'string', default: 'auto' },
				'memory-limit': { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	if (args.values.help) {
		console.log(USAGE);
		return 0;
	}
	const out = args.values.out;
	if (!out || args.positionals.length === 0) {
		console.error(USAGE);
		return 2;
	}
	const json = args.values.json;
	const jobs = args.values.jobs === undefined ? defaultJobs() : Number(args.values.jobs);
	if (!Number.isInteger(jobs) || jobs < 1) {
		console.error(`--jobs must be a positive integer\n${USAGE}`);
		return 2;
	}
	const layout = args.values.layout as LayoutOption;
	if (!LAYOUTS.includes(layout)) {
		console.error(`--layout must be flat, partitioned or auto\n${USAGE}`);
		return 2;
	}
	// With --json, stdout carries only the JSON; human lines go to stderr.
	const say = (s: string) =>
		json ? process.stderr.write(`${s}\n`) : process.stdout.write(`${s}\n`);

	const inputs = await expandInputs(args.positionals);
	for (const m of inputs.missing) console.error(`✗ ${m.path}: 无法打开 (cannot open: ${m.reason})`);
	for (const s of inputs.skipped) say(`- skipped ${s.path}: ${s.reason}`);

	const bar = process.stderr.isTTY
		? new cliProgress.SingleBar(
				{
					format: 'ingest [{bar}] {value}/{total} {file}',
					stream: process.stderr,
					clearOnComplete: true,
					hideCursor: true
				},
				cliProgress.Presets.shades_classic
			)
		: null;
	// Lines printed while the bar is drawn must not tear it.
	const log = (s: string) => {
		if (bar) bar.stop();
		say(s);
	};
	const totals: RunTotals = {
		ok: 0,
		unknownLayout: 0,
		failed: inputs.missing.length,
		duplicates: 0,
		skipped: inputs.skipped.length,
		bytes: 0,
		parseSeconds: 0,
		writeSeconds: 0
	};
	const failures: { file: string; code: string; message: string }[] = [];
	const known = new Map<string, string>();
	// A PDF and its text extraction: the PDF (read first) is kept (snapshot/editions.ts).
	const editions = new EditionIndex();
	const files = preferPdfs(inputs.files);
	let cached = 0;
	const started = performance.now();
	let writer: SnapshotStreamWriter;
	try {
		writer = await SnapshotStreamWriter.open(out, { memoryLimit: args.values['memory-limit'] });
	} catch (e) {
		console.error(`✗ 无法写入快照 ${out} (cannot write snapshot): ${(e as Error).message}`);
		return 1;
	}
	let i = 0;
	for await (const outcome of ingestParallel(files, { jobs, cacheDir: args.values.cache })) {
		bar?.start(files.length, i++, { file: path.basename(outcome.file) });
		totals.bytes += outcome.bytes;
		if (outcome.cached) cached++;
		if (outcome.status === 'ok') {
			// Same content twice: the later file is skipped (input order, any --jobs).
			const prev = known.get(outcome.docId);
			if (prev !== undefined) {
				totals.duplicates++;
				const name = path.basename(outcome.file);
				log(`= ${name}: 与 ${prev} 内容相同，已跳过 (same content as ${prev}; skipped)`);
				continue;
			}
			const pdf = editions.claim(outcome.rows.documents[0], path.basename(outcome.file));
			if (pdf !== null) {
				totals.duplicates++;
				const name = path.basename(outcome.file);
				log(
					`= ${name}: 与 ${pdf} 为同一文档（部门、年度、类型相同），保留 PDF 的页面出处，已跳过 (same department, year and kind as ${pdf}; the PDF is kept for its page provenance)`
				);
				continue;
			}
			known.set(outcome.docId, path.basename(outcome.file));
			writer.add(outcome.rows);
			totals.ok++;
			if (outcome.unknownLayout) totals.unknownLayout++;
			log(outcome.line);
		} else {
			totals.failed++;
			failures.push({ file: outcome.file, code: outcome.code, message: outcome.message });
			log(`✗ ${outcome.message}`);
		}
	}
	bar?.stop();
	totals.parseSeconds = (performance.now() - started) / 1000;
	if (args.values.cache)
		say(`cache: ${cached} of ${inputs.files.length} documents unchanged, not parsed again`);

	let manifest: Manifest | null = null;
	const writeStart = performance.now();
	try {
		say(`finish: writing ${writer.documentCount} documents (layout ${layout}) → ${out}`);
		manifest = await writer.finish({ layout, onProgress: say });
	} catch (e) {
		console.error(`✗ 无法写入快照 ${out} (cannot write snapshot): ${(e as Error).message}`);
		return 1;
	}
	totals.writeSeconds = (performance.now() - writeStart) / 1000;
	for (const line of summaryLines(totals, manifest, out, writer.documents)) say(line);
	if (json) {
		const tableRows = Object.fromEntries(
			Object.entries(manifest.tables).map(([name, t]) => [name, t.rows])
		);
		const summary = {
			out,
			snapshot_id: manifest.snapshot_id,
			schema_version: manifest.schema_version,
			layout: manifest.layout,
			documents: [...writer.documents].sort((a, b) =>
				a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0
			),
			tables: tableRows,
			issue_counts: manifest.issue_counts,
			failed: failures,
			skipped: inputs.skipped
		};
		process.stdout.write(`${JSON.stringify(summary, null, '\t')}\n`);
	}
	return totals.failed > 0 ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
		process.exitCode = 1;
	}
);
