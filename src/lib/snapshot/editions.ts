/**
 * One edition, two formats: a published PDF and its text extraction are the
 * same document with different bytes, so content hashes do not catch them.
 * The ingest CLI reads PDFs first (preferPdfs) and skips a later document
 * of the other format that has the same edition: department_key,
 * fiscal_year, kind and scope (EditionIndex). The PDF wins because it
 * carries page and box provenance for every line.
 *
 * Only a PDF ↔ text pair counts: two texts (or two PDFs) of one edition
 * differ in content and are both kept. Documents without a department key
 * or year (templates, unnamed documents) are never matched.
 */
import type { PlainRow } from '../schema/rows';

export type SourceFormat = 'pdf' | 'text';

export const formatOf = (file: string): SourceFormat => (/\.pdf$/i.test(file) ? 'pdf' : 'text');

/** Stable partition: PDFs first, each group in its given order. */
export function preferPdfs(files: readonly string[]): string[] {
	return [
		...files.filter((f) => formatOf(f) === 'pdf'),
		...files.filter((f) => formatOf(f) !== 'pdf')
	];
}

/** `department_key|fiscal_year|kind|scope` of a documents row; null when it cannot identify one. */
export function editionKey(doc: PlainRow | undefined): string | null {
	if (!doc) return null;
	const { department_key: key, fiscal_year: year, kind, scope } = doc;
	if (typeof key !== 'string' || key === '' || typeof year !== 'number') return null;
	return `${key}|${year}|${String(kind)}|${String(scope)}`;
}

export class EditionIndex {
	private readonly seen = new Map<string, { file: string; format: SourceFormat }>();

	/**
	 * The file already holding this edition in the other format, or null; a
	 * null answer records `file` as holding the edition.
	 */
	claim(doc: PlainRow | undefined, file: string): string | null {
		const key = editionKey(doc);
		if (key === null) return null;
		const format = formatOf(file);
		const prev = this.seen.get(`${format === 'pdf' ? 'text' : 'pdf'}|${key}`);
		if (prev) return prev.file;
		this.seen.set(`${format}|${key}`, { file, format });
		return null;
	}
}
