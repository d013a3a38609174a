import { describe, expect, it } from 'vitest';
import { EditionIndex, editionKey, preferPdfs } from './editions';

const doc = (key: string | null, year: number | null = 2024, kind = 'final') => ({
	department_key: key,
	fiscal_year: year,
	kind,
	scope: 'department'
});

describe('editions', () => {
	it('puts PDFs first, keeping each group in order', () => {
		expect(preferPdfs(['a.txt', 'b.PDF', 'c.txt', 'd.pdf'])).toEqual([
			'b.PDF',
			'd.pdf',
			'a.txt',
			'c.txt'
		]);
	});

	it('keys an edition by department, year, kind and scope; not without key or year', () => {
		expect(editionKey(doc('上海市普陀区财政局'))).toBe('上海市普陀区财政局|2024|final|department');
		expect(editionKey(doc(null))).toBeNull();
		expect(editionKey(doc('X局', null))).toBeNull();
		expect(editionKey(undefined)).toBeNull();
	});

	it('matches a text extraction to the PDF of the same edition, and only across formats', () => {
		const index = new EditionIndex();
		expect(index.claim(doc('财政局'), 'pdf/fin.pdf')).toBeNull();
		expect(index.claim(doc('财政局'), 'text/fin.txt')).toBe('pdf/fin.pdf');
		// Another year, another kind, or a second text of the same edition: kept.
		expect(index.claim(doc('财政局', 2023), 'text/fin-2023.txt')).toBeNull();
		expect(index.claim(doc('财政局', 2024, 'budget'), 'text/fin-b.txt')).toBeNull();
		expect(index.claim(doc('规划局'), 'text/a.txt')).toBeNull();
		expect(index.claim(doc('规划局'), 'text/b.txt')).toBeNull();
		// Templates without a department never match.
		expect(index.claim(doc(null), 'template.pdf')).toBeNull();
		expect(index.claim(doc(null), 'template.txt')).toBeNull();
	});
});
