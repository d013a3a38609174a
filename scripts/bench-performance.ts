/**
 * Benchmark of the 绩效 recognizers: time per corpus document for
 * recognizePerformance + recognizeNarrative (on a fresh ParseContext each
 * pass; identity computed once outside the timing), and parseTarget
 * throughput on real and hostile targets.
 *
 *   npx tsx scripts/bench-performance.ts [--seconds 2] [--corpus DIR]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ParseContext } from '../src/lib/ingest/context';
import { emptyTables } from '../src/lib/ingest/model';
import { parseTarget } from '../src/lib/ingest/normalize/target';
import { readText } from '../src/lib/ingest/reader/text';
import { recognizeIdentity } from '../src/lib/ingest/recognize/identity';
import { recognizeNarrative, recognizePerformance } from '../src/lib/ingest/recognize/performance';
import { benchOptions } from './lib/bench-args';

const { seconds, corpusDir: dir } = benchOptions({ seconds: 2, corpus: '../shared/corpus/text' });

/**
 * Runs `fn` repeatedly for at least `seconds`; returns the median and the
 * fastest milliseconds per call (the machine is shared: the minimum is the
 * least disturbed figure).
 */
function time(fn: () => void): { ms: number; min: number; runs: number } {
	const start = performance.now();
	const laps: number[] = [];
	do {
		const t = performance.now();
		fn();
		laps.push(performance.now() - t);
	} while (performance.now() - start < seconds * 1000);
	laps.sort((a, b) => a - b);
	return { ms: laps[Math.floor(laps.length / 2)] ?? 0, min: laps[0] ?? 0, runs: laps.length };
}

const rows: Record<string, string | number>[] = [];
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
	const source = readText(name, await readFile(path.join(dir, name), 'utf8'));
	let counts = { projects: 0, indicators: 0, plan: 0, three_public: 0 };
	// Identity belongs to another recognizer: computed once, outside the timing.
	const identity = recognizeIdentity(new ParseContext('bench', source));
	const { ms, min, runs } = time(() => {
		const ctx = new ParseContext('bench', source);
		const out = emptyTables();
		recognizePerformance(ctx, out, identity);
		recognizeNarrative(ctx, out, identity);
		counts = {
			projects: out.projects.length,
			indicators: out.indicators.length,
			plan: out.spending_plan.length,
			three_public: out.three_public.length
		};
	});
	rows.push({
		document: name,
		lines: source.lines.length,
		...counts,
		'median ms': ms.toFixed(2),
		'min ms': min.toFixed(2),
		runs
	});
}
console.table(rows);

const targets = [
	'≥390 人',
	'≤0.71万元/人',
	'1.8 万元/（人*年）',
	'=100.00(%)',
	'每年7月底前发放生活补贴',
	'≥5≥5个',
	'≤380380',
	'比上年有所提高'
];
const hostile = [
	'9'.repeat(200_000),
	'≥1'.repeat(100_000),
	'1（'.repeat(100_000),
	'≥≤<>=%/（）()'.repeat(20_000)
];
const t1 = time(() => targets.forEach((t) => parseTarget(t)));
const t2 = time(() => hostile.forEach((t) => parseTarget(t)));
console.table([
	{
		input: `${targets.length} real targets`,
		'µs/call': ((t1.ms * 1000) / targets.length).toFixed(2)
	},
	{
		input: `${hostile.length} hostile targets (≥200k chars)`,
		'µs/call': ((t2.ms * 1000) / hostile.length).toFixed(2)
	}
]);
