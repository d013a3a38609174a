/**
 * Bring your own document: parse dropped disclosure text files and PDFs in the
 * browser with the same ingest pipeline (src/lib/ingest) and summarize each
 * result for the drop zone. Nothing leaves the machine: files are read with
 * File.arrayBuffer() and parsed locally. Parsing runs on the main thread
 * because the records carry decimal.js values, which a worker could not
 * post back intact; a typical document parses in tens of milliseconds. PDFs
 * are read by pdf.js in its own Web Worker (reader/pdf/browser.ts) and report
 * progress page by page.
 */
import { parseDocument, type ParsedDocument, type ParseIssueRecord } from '$lib/ingest';
import { isPdf, parsePdf, type PdfReadOptions } from '$lib/ingest/parse-pdf';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface DropResult {
	name: string;
	ok: boolean;
	/** Chinese message for failures (unreadable, too large, not text…). */
	error: string | null;
	parsed: ParsedDocument | null;
	department: string | null;
	year: number | null;
	rowsSeen: number;
	rowsStored: number;
	rowsReported: number;
	issues: ParseIssueRecord[];
}

export function summarize(name: string, parsed: ParsedDocument): DropResult {
	const d = parsed.document;
	return {
		name,
		ok: true,
		error: null,
		parsed,
		department: d.department_name,
		year: d.fiscal_year,
		rowsSeen: d.rows_seen,
		rowsStored: d.rows_stored,
		rowsReported: d.rows_reported,
		issues: parsed.issues
	};
}

export function failure(name: string, error: string): DropResult {
	return {
		name,
		ok: false,
		error,
		parsed: null,
		department: null,
		year: null,
		rowsSeen: 0,
		rowsStored: 0,
		rowsReported: 0,
		issues: []
	};
}

/** Parse one file's bytes; never throws (errors become a failed result naming the file). */
export function parseBytes(name: string, bytes: Uint8Array): DropResult {
	if (bytes.byteLength > MAX_FILE_BYTES) {
		return failure(name, `文件过大（${(bytes.byteLength / 1048576).toFixed(1)} MB，上限 20 MB）`);
	}
	try {
		return summarize(name, parseDocument({ name, bytes }));
	} catch (e) {
		return failure(name, e instanceof Error ? e.message : String(e));
	}
}

/** Options for parseFile: the pdf.js environment (browser) and a per-page progress callback. */
export interface ParseFileOptions {
	pdfEnv?: () => Promise<NonNullable<PdfReadOptions['env']>>;
	onPage?: (page: number, pageCount: number) => void;
}

/**
 * Parse one file's bytes, text or PDF (decided by the %PDF header, not the
 * name); never rejects (errors become a failed result naming the file).
 */
export async function parseFile(
	name: string,
	bytes: Uint8Array,
	options: ParseFileOptions = {}
): Promise<DropResult> {
	if (!isPdf(bytes)) return parseBytes(name, bytes);
	if (bytes.byteLength > MAX_FILE_BYTES) return parseBytes(name, bytes);
	try {
		const env = options.pdfEnv ? await options.pdfEnv() : undefined;
		return summarize(name, await parsePdf({ name, bytes }, { env, onPage: options.onPage }));
	} catch (e) {
		return failure(name, e instanceof Error ? e.message : String(e));
	}
}
