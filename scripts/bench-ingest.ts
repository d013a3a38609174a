/**
 * Ingest benchmark: parses the corpus text repeatedly and reports throughput
 * for parsing alone, for the snapshot write alone (Parquet via DuckDB, peer
 * rules included) and for both together.
 *
 *   npm run bench:ingest [-- --seconds 5] [--corpus DIR]
 *
 * Each phase repeats whole passes over the corpus until it has run at least
 * --seconds (default 5). Prints a table and writes bench-results/ingest.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ParsedDocument } from '../src/lib/ingest/model';
import { parseDocument } from '../src/lib/ingest/parse';
import { writeSnapshot } from '../src/lib/snapshot/write';
import { benchOptions, readCorpus, repeatFor } from './lib/bench-args';

const { seconds: minSeconds, corpusDir } = benchOptions({
	seconds: 5,
	corpus: '../shared/corpus/text'
});
const inputs = await readCorpus(corpusDir, '.txt');
const names = inputs.map((i) => i.name);
const passBytes = inputs.reduce((s, i) => s + i.bytes.length, 0);

interface PhaseResult {
	phase: string;
	passes: number;
	seconds: number;
	documents: number;
	megabytes: number;
	mb_per_s: number;
	documents_per_s: number;
}

function parseAll(): ParsedDocument[] {
	return inputs.map((i) => parseDocument(i));
}

async function measure(phase: string, pass: () => Promise<void> | void): Promise<PhaseResult> {
	await pass(); // warm-up (JIT, DuckDB load), not counted
	const { passes, seconds } = await repeatFor(minSeconds, pass);
	const megabytes = (passBytes * passes) / 1e6;
	const documents = inputs.length * passes;
	return {
		phase,
		passes,
		seconds,
		documents,
		megabytes,
		mb_per_s: megabytes / seconds,
		documents_per_s: documents / seconds
	};
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bl-bench-'));
let rowsPerPass = 0;
const parsed = parseAll();
try {
	const results = [
		await measure('parse', () => {
			parseAll();
		}),
		await measure('snapshot write (pre-parsed)', async () => {
			await writeSnapshot(parsed, tmp);
		}),
		await measure('parse + snapshot write', async () => {
			const manifest = await writeSnapshot(parseAll(), tmp);
			rowsPerPass = Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0);
		})
	];
	console.log(
		`corpus: ${inputs.length} documents, ${(passBytes / 1e6).toFixed(3)} MB per pass; snapshot rows per pass: ${rowsPerPass}`
	);
	console.table(
		results.map((r) => ({
			phase: r.phase,
			passes: r.passes,
			seconds: r.seconds.toFixed(2),
			'MB/s': r.mb_per_s.toFixed(2),
			'documents/s': r.documents_per_s.toFixed(1)
		}))
	);
	const report = {
		benchmark: 'ingest',
		node: process.version,
		platform: `${process.platform}-${process.arch}`,
		cpus: os.cpus().length,
		min_seconds: minSeconds,
		corpus: { documents: inputs.length, bytes_per_pass: passBytes, names },
		snapshot_rows_per_pass: rowsPerPass,
		results
	};
	await mkdir('bench-results', { recursive: true });
	await writeFile('bench-results/ingest.json', `${JSON.stringify(report, null, '\t')}\n`);
	console.log('wrote bench-results/ingest.json');
} finally {
	await rm(tmp, { recursive: true, force: true });
}
