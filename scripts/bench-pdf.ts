/**
 * PDF benchmark: pages per second for the PDF reader alone (pdf.js text +
 * ruling lines → lines and cells), for the full PDF parse (reader +
 * recognizers), and for the ingest CLI end to end (a fresh process:
 * startup, every PDF, snapshot write).
 *
 *   npx tsx scripts/bench-pdf.ts [--seconds 10] [--corpus DIR]
 *
 * The first two phases repeat whole passes over the corpus PDFs until they
 * have run at least --seconds (default 10); the CLI phase runs once. Prints
 * a table and writes bench-results/pdf.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parsePdf } from '../src/lib/ingest/parse-pdf';
import { readPdf } from '../src/lib/ingest/reader/pdf/read';
import { benchOptions, readCorpus, repeatFor } from './lib/bench-args';

const { seconds: minSeconds, corpusDir } = benchOptions({
	seconds: 10,
	corpus: '../shared/corpus/pdf'
});
const inputs = await readCorpus(corpusDir, '.pdf');

// Pages per pass, and per-document reading time on the warm-up pass.
const perDocument: { name: string; pages: number; read_ms: number }[] = [];
for (const i of inputs) {
	const t = performance.now();
	const src = await readPdf(i.name, i.bytes);
	perDocument.push({ name: i.name, pages: src.pageCount, read_ms: performance.now() - t });
}
const pagesPerPass = perDocument.reduce((s, d) => s + d.pages, 0);

interface PhaseResult {
	phase: string;
	passes: number;
	seconds: number;
	pages: number;
	pages_per_s: number;
}

async function measure(phase: string, pass: () => Promise<void>): Promise<PhaseResult> {
	const { passes, seconds } = await repeatFor(minSeconds, pass);
	const pages = pagesPerPass * passes;
	return { phase, passes, seconds, pages, pages_per_s: pages / seconds };
}

const results: PhaseResult[] = [
	await measure('read (pdf.js → lines)', async () => {
		for (const i of inputs) await readPdf(i.name, i.bytes);
	}),
	await measure('parse (read + recognizers)', async () => {
		for (const i of inputs) await parsePdf(i);
	})
];

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bl-bench-pdf-'));
try {
	const start = performance.now();
	const cli = spawnSync(
		process.execPath,
		['--import', 'tsx', 'scripts/ingest.ts', '--out', tmp, corpusDir],
		{ encoding: 'utf8' }
	);
	const seconds = (performance.now() - start) / 1000;
	if (cli.status !== 0) throw new Error(`ingest CLI failed (${cli.status}): ${cli.stderr}`);
	results.push({
		phase: 'ingest CLI (process, all PDFs, snapshot)',
		passes: 1,
		seconds,
		pages: pagesPerPass,
		pages_per_s: pagesPerPass / seconds
	});
} finally {
	await rm(tmp, { recursive: true, force: true });
}

console.log(`corpus: ${inputs.length} PDFs, ${pagesPerPass} pages per pass`);
console.table(
	perDocument.map((d) => ({
		document: d.name,
		pages: d.pages,
		'read ms (cold)': d.read_ms.toFixed(0),
		'pages/s': ((d.pages * 1000) / d.read_ms).toFixed(1)
	}))
);
console.table(
	results.map((r) => ({
		phase: r.phase,
		passes: r.passes,
		seconds: r.seconds.toFixed(2),
		pages: r.pages,
		'pages/s': r.pages_per_s.toFixed(1)
	}))
);
const report = {
	benchmark: 'pdf',
	node: process.version,
	platform: `${process.platform}-${process.arch}`,
	cpus: os.cpus().length,
	load_average: os.loadavg(),
	min_seconds: minSeconds,
	corpus: { documents: inputs.length, pages_per_pass: pagesPerPass, per_document: perDocument },
	results
};
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/pdf.json', `${JSON.stringify(report, null, '\t')}\n`);
console.log('wrote bench-results/pdf.json');
