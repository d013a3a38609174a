/**
 * Synthetic corpus CLI: writes documents in the real Hebei text layout plus
 * their ground truth (truth.jsonl: every printed figure and every injected
 * anomaly with its rule id and line). Seeded: same options → same bytes.
 *
 *   npm run synth -- --departments N --years Y --seed S --out DIR [--anomaly-rate P]
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../src/lib/synth';

const USAGE =
	'usage: npm run synth -- --departments N --years Y --seed S --out DIR [--anomaly-rate P]';

function positiveInt(name: string, v: string | undefined, fallback: number): number {
	if (v === undefined) return fallback;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
	return n;
}

async function main(): Promise<number> {
	let opts;
	try {
		const { values } = parseArgs({
			options: {
				departments: { type: 'string' },
				years: { type: 'string' },
				seed: { type: 'string' },
				out: { type: 'string' },
				'anomaly-rate': { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
		if (values.help) {
			console.log(USAGE);
			return 0;
		}
		if (!values.out) throw new Error('--out is required');
		const rate = values['anomaly-rate'] === undefined ? undefined : Number(values['anomaly-rate']);
		if (rate !== undefined && !(rate >= 0 && rate <= 1))
			throw new Error('--anomaly-rate must be in [0, 1]');
		opts = {
			out: values.out,
			departments: positiveInt('departments', values.departments, 20),
			years: positiveInt('years', values.years, 2),
			seed: positiveInt('seed', values.seed, 1),
			anomalyRate: rate
		};
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	await mkdir(opts.out, { recursive: true });
	const truth = createWriteStream(path.join(opts.out, 'truth.jsonl'));
	let docs = 0;
	let bytes = 0;
	let anomalies = 0;
	for (const doc of generateCorpus({
		departments: opts.departments,
		years: opts.years,
		seed: opts.seed,
		anomalyRate: opts.anomalyRate
	})) {
		const data = Buffer.from(doc.text, 'utf8');
		await writeFile(path.join(opts.out, doc.name), data);
		for (const t of doc.truth) {
			if (t.kind === 'anomaly') anomalies++;
			if (!truth.write(`${JSON.stringify(t)}\n`))
				await new Promise<void>((resolve) => truth.once('drain', () => resolve()));
		}
		docs++;
		bytes += data.length;
	}
	await new Promise<void>((resolve, reject) =>
		truth.end((e?: Error | null) => (e ? reject(e) : resolve()))
	);
	console.log(
		`synth: ${docs} documents (${(bytes / 1e6).toFixed(2)} MB), ${anomalies} injected anomalies → ${opts.out}`
	);
	return 0;
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
