import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseFile } from './byod';

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

describe('parseFile (drop zone, PDFs)', () => {
	const pdfDir = path.resolve(process.cwd(), '../shared/corpus/pdf');

	it('reads a corpus PDF with page progress and keeps page provenance', async () => {
		const bytes = new Uint8Array(
			readFileSync(path.join(pdfDir, 'putuo-wanli-subdistrict-2024-budget.pdf'))
		);
		const seen: [number, number][] = [];
		const r = await parseFile('wanli.pdf', bytes, { onPage: (p, n) => seen.push([p, n]) });
		expect(r.ok).toBe(true);
		expect(r.rowsStored + r.rowsReported).toBe(r.rowsSeen);
		expect(r.rowsStored).toBeGreaterThan(50);
		const pages = seen[0]?.[1] ?? 0;
		expect(pages).toBeGreaterThan(1);
		expect(seen.map(([p]) => p)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
		expect(r.parsed?.lines.some((l) => l.page != null && l.width != null)).toBe(true);
		// The caller's bytes are left intact (they are kept for the page view).
		expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
	}, 60_000);

	it('turns a damaged PDF into a message naming the file', async () => {
		const r = await parseFile('broken.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n'));
		expect(r.ok).toBe(false);
		expect(r.error).toContain('broken.pdf');
	});

	it('parses text files as before', async () => {
		const bytes = new Uint8Array(readFileSync(path.join(corpus, '003_c74cb92536c64254.txt')));
		const r = await parseFile('003.txt', bytes);
		expect(r.ok).toBe(true);
		expect(r.rowsSeen).toBeGreaterThan(0);
	});
});
