/**
 * parsePdf: the ingest pipeline for a PDF. The PDF reader (reader/pdf)
 * rebuilds the same numbered lines and tab-separated cells as the text
 * reader, then the same recognizers run (parse.ts parseSource). Every
 * source line keeps its page and bounding box; pages the reader could not
 * take text from become parse issues. Async because pdf.js is.
 *
 * parseDocumentAsync accepts either kind: PDF bytes go to parsePdf, anything
 * else to the synchronous text pipeline.
 */
import type { ParsedDocument, SourceLineRecord } from './model';
import { parseDocument, parseSource, type DocumentInput } from './parse';
import { looksLikePdf, readPdf, type PdfReadOptions } from './reader/pdf/read';
import type { SourceLine } from './reader/text';

export type { PdfReadOptions } from './reader/pdf/read';

/** Line provenance for source_lines: page and box in whole points, rounded outwards. */
function provenance(l: SourceLine): Omit<SourceLineRecord, 'doc_id' | 'line_no' | 'text'> {
	if (!l.bbox) return { page: l.page ?? null, x: null, y: null, width: null, height: null };
	const [bx, by, bw, bh] = l.bbox;
	const x = Math.floor(bx);
	const y = Math.floor(by);
	return {
		page: l.page ?? null,
		x,
		y,
		width: Math.ceil(bx + bw) - x,
		height: Math.ceil(by + bh) - y
	};
}

export async function parsePdf(
	input: DocumentInput,
	options: PdfReadOptions = {}
): Promise<ParsedDocument> {
	const source = await readPdf(input.name, input.bytes, options);
	const doc = parseSource(input, source);
	doc.lines = doc.lines.map((rec, i) => {
		const line = source.lines[i];
		return line ? { ...rec, ...provenance(line) } : rec;
	});
	for (const note of source.notes)
		doc.issues.push({
			doc_id: doc.document.doc_id,
			table_name: 'pdf',
			source_line: null,
			severity: 'info',
			code: note.code,
			message: `${input.name} 第${note.page}页: ${note.message}`,
			raw: null
		});
	return doc;
}

/** True when the bytes are a PDF (they start with %PDF-). */
export function isPdf(bytes: Uint8Array): boolean {
	return looksLikePdf(bytes);
}

/** Parses a PDF or a text extraction, whichever the bytes are. */
export async function parseDocumentAsync(
	input: DocumentInput,
	options: PdfReadOptions = {}
): Promise<ParsedDocument> {
	if (looksLikePdf(input.bytes)) return parsePdf(input, options);
	return parseDocument(input);
}
