/**
 * Outlier-engine benchmark: time of the single-document rules (per corpus
 * pass and per indicator), of the peer rules (SQL, on the corpus loaded into
 * an in-memory DuckDB) and of the quality-score queries.
 *
 *   npx tsx scripts/bench-rules.ts [--seconds 5] [--corpus DIR]
 *
 * Prints a table and writes bench-results/rules.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { openNodeConnector } from '../src/lib/db/node';
import { parseDocument } from '../src/lib/ingest/parse';
import { runDocumentRules } from '../src/lib/rules';
import {
	peerRuleStatements,
	qualityByDepartmentQuery,
	qualityByProjectQuery
} from '../src/lib/rules/sql';
import { benchOptions, readCorpus } from './lib/bench-args';

const { seconds: minSeconds, corpusDir } = benchOptions({
	seconds: 5,
	corpus: '../shared/corpus/text'
});
const inputs = await readCorpus(corpusDir, '.txt');
const names = inputs.map((i) => i.name);
const docs = inputs.map((i) => parseDocument(i));
const indicators = docs.reduce((a, d) => a + d.tables.indicators.length, 0);

async function repeat(fn: () => Promise<unknown> | unknown): Promise<{ runs: number; ms: number }> {
	const start = performance.now();
	let runs = 0;
	while (performance.now() - start < minSeconds * 1000 || runs < 3) {
		await fn();
		runs++;
	}
	return { runs, ms: (performance.now() - start) / runs };
}

const results: { phase: string; runs: number; ms_per_run: number; note: string }[] = [];
const doc = await repeat(() => {
	for (const d of docs) runDocumentRules(d);
});
results.push({
	phase: 'document rules (corpus pass)',
	runs: doc.runs,
	ms_per_run: doc.ms,
	note: `${docs.length} documents, ${indicators} indicators, ${((doc.ms * 1000) / Math.max(1, indicators)).toFixed(1)} µs per indicator`
});

const conn = await openNodeConnector({});
await conn.addDocuments(docs);
for (const { ruleId, statement } of peerRuleStatements()) {
	const r = await repeat(() => conn.query(statement));
	results.push({ phase: ruleId, runs: r.runs, ms_per_run: r.ms, note: 'SQL on the corpus' });
}
for (const [phase, st] of [
	['quality by project', qualityByProjectQuery()],
	['quality by department', qualityByDepartmentQuery()]
] as const) {
	const r = await repeat(() => conn.query(st));
	results.push({ phase, runs: r.runs, ms_per_run: r.ms, note: 'SQL on the corpus' });
}
await conn.close();

for (const r of results)
	console.log(
		`${r.phase.padEnd(32)} ${r.ms_per_run.toFixed(1).padStart(9)} ms  (${r.runs} runs) ${r.note}`
	);
await mkdir('bench-results', { recursive: true });
await writeFile(
	'bench-results/rules.json',
	`${JSON.stringify({ corpus: names, results }, null, '\t')}\n`
);
