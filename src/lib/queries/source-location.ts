/**
 * Where a source line sits in its document: the page and bounding box
 * (PDF points, top-left origin) recorded for PDF-sourced documents, and the
 * document's source file name, so the app can show the PDF page with the
 * line highlighted. Text-sourced lines have null page and box.
 */
import type { Statement } from '../db/types';
import { Params } from './sql';

export interface SourceLocationRow {
	source_name: string;
	page: number | null;
	x: number | null;
	y: number | null;
	width: number | null;
	height: number | null;
}

/** Page, box and source file of one line of a document (zero or one row). */
export function sourceLocationQuery(docId: string, line: number): Statement {
	const p = new Params();
	const no = Number.isFinite(line) ? Math.floor(line) : 0;
	return p.statement(`
SELECT d.source_name, l.page::INTEGER AS page, l.x::DOUBLE AS x, l.y::DOUBLE AS y,
  l.width::DOUBLE AS width, l.height::DOUBLE AS height
FROM source_lines l JOIN documents d USING (doc_id)
WHERE l.doc_id = ${p.add(docId)} AND l.line_no = ${p.add(no)}`);
}
