import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from './byod';

const corpus = path.resolve(process.cwd(), '../shared/corpus/text');

describe('parseBytes (drop zone)', () => {
	it('parses a real disclosure and accounts for every row', () => {
		const bytes = new Uint8Array(readFileSync(path.join(corpus, '003_c74cb92536c64254.txt')));
		const r = parseBytes('003.txt', bytes);
		expect(r.ok).toBe(true);
		expect(r.rowsSeen).toBeGreaterThan(0);
		expect(r.rowsStored + r.rowsReported).toBe(r.rowsSeen);
	});

	it('turns unreadable input into a message naming the file', () => {
		const pdf = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3');
		const r = parseBytes('bad.pdf', pdf);
		expect(r.ok).toBe(false);
		expect(r.error).toContain('bad.pdf');
	});

	it('refuses empty files without throwing', () => {
		const r = parseBytes('empty.txt', new Uint8Array());
		expect(r.ok).toBe(false);
		expect(r.error).toBeTruthy();
	});
});
