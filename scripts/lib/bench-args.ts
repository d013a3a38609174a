/**
 * Shared by the benchmark scripts: the `--seconds N --corpus DIR` options and
 * reading the corpus files (sorted by name) into memory before timing starts.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
	/** Minimum run time of each timed phase. */
	seconds: number;
	/** Absolute corpus directory. */
	corpusDir: string;
}

export function benchOptions(defaults: { seconds: number; corpus: string }): BenchOptions {
	const { values } = parseArgs({
		options: {
			seconds: { type: 'string', default: String(defaults.seconds) },
			corpus: { type: 'string', default: defaults.corpus }
		}
	});
	const seconds = Number(values.seconds);
	if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, got ${values.seconds}`);
	return { seconds, corpusDir: path.resolve(process.cwd(), values.corpus) };
}

/** Reads every file of `dir` whose name ends with `extension` (case-insensitive). */
export async function readCorpus(
	dir: string,
	extension: string
): Promise<{ name: string; bytes: Uint8Array }[]> {
	const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(extension)).sort();
	if (names.length === 0) throw new Error(`no ${extension} files in ${dir}`);
	return Promise.all(
		names.map(async (name) => ({
			name,
			bytes: new Uint8Array(await readFile(path.join(dir, name)))
		}))
	);
}

/**
 * Repeats whole passes until at least `seconds` have elapsed; returns the
 * number of passes and the seconds they took.
 */
export async function repeatFor(
	seconds: number,
	pass: () => Promise<void> | void
): Promise<{ passes: number; seconds: number }> {
	let passes = 0;
	const start = performance.now();
	let elapsed = 0;
	while (elapsed < seconds * 1000) {
		await pass();
		passes++;
		elapsed = performance.now() - start;
	}
	return { passes, seconds: elapsed / 1000 };
}
