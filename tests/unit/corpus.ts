/**
 * The real corpus for tests: `../shared/corpus/text` beside the repository
 * (never copied into it), and a parse of each document cached per test file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedDocument } from '../../src/lib/ingest/model';
import { parseText } from '../../src/lib/ingest/parse';

export const CORPUS_TEXT_DIR = path.resolve(process.cwd(), '../shared/corpus/text');

const cache = new Map<string, ParsedDocument>();

/** Parses `file` of the corpus text directory once per test file. */
export function parseCorpus(file: string): ParsedDocument {
	let d = cache.get(file);
	if (!d) {
		d = parseText(file, readFileSync(path.join(CORPUS_TEXT_DIR, file), 'utf8'));
		cache.set(file, d);
	}
	return d;
}
