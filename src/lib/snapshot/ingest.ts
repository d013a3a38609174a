/**
 * Reads and parses a list of files for the ingest CLI and the benchmark
 * (Node only). PDFs go through the PDF reader (parse-pdf.ts), everything
 * else through the text reader. A file that cannot be read at all (missing,
 * empty, binary, damaged/encrypted/scanned PDF, bad encoding → DocumentError) is recorded as a failure naming the
 * file; the other documents still land. Two files with the same content
 * (same doc_id) are parsed once: the later one is skipped.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentError } from '../ingest/errors';
import type { ParsedDocument } from '../ingest/model';
import { parseDocumentAsync } from '../ingest/parse-pdf';

export type IngestOutcome =
	| { status: 'ok'; file: string; doc: ParsedDocument; bytes: number }
	| { status: 'failed'; file: string; code: string; message: string; bytes: number }
	| { status: 'duplicate'; file: string; message: string; bytes: number };

/** Parses one file; never throws. */
export async function ingestFile(file: string, known: Map<string, string>): Promise<IngestOutcome> {
	const name = path.basename(file);
	let bytes: Uint8Array;
	try {
		bytes = await readFile(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code ?? 'read_error';
		return {
			status: 'failed',
			file,
			code,
			message: `${name}: 无法读取文件 (cannot read file: ${code})`,
			bytes: 0
		};
	}
	try {
		const doc = await parseDocumentAsync({ name, bytes });
		const prev = known.get(doc.document.doc_id);
		if (prev !== undefined)
			return {
				status: 'duplicate',
				file,
				message: `${name}: 与 ${prev} 内容相同，已跳过 (same content as ${prev}; skipped)`,
				bytes: bytes.length
			};
		known.set(doc.document.doc_id, name);
		return { status: 'ok', file, doc, bytes: bytes.length };
	} catch (e) {
		if (e instanceof DocumentError)
			return { status: 'failed', file, code: e.code, message: e.message, bytes: bytes.length };
		const detail = e instanceof Error ? e.message : String(e);
		return {
			status: 'failed',
			file,
			code: 'internal_error',
			message: `${name}: 解析器内部错误 (internal parser error): ${detail}`,
			bytes: bytes.length
		};
	}
}

/** True when no standard table was recognized: the layout is unknown. */
export function isUnknownLayout(doc: ParsedDocument): boolean {
	return doc.document.tables_found.trim() === '';
}
