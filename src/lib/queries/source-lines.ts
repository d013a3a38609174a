/**
 * Source line lookup: the original text of a document around a record's
 * source_line, so every figure can be checked against the document.
 */
import type { Statement } from '../db/types';
import { Params } from './sql';

export interface SourceLineRow {
	line_no: number;
	text: string;
}

/** Lines `from`..`to` (inclusive) of a document; the range is clamped to 500 lines. */
export function sourceLinesQuery(docId: string, from: number, to: number = from): Statement {
	const a = Number.isFinite(from) ? from : 1;
	const b = Number.isFinite(to) ? to : a;
	const lo = Math.max(1, Math.floor(Math.min(a, b)));
	const hi = Math.min(Math.floor(Math.max(a, b)), lo + 499);
	const p = new Params();
	return p.statement(`
SELECT line_no::INTEGER AS line_no, text FROM source_lines
WHERE doc_id = ${p.add(docId)} AND line_no BETWEEN ${p.add(lo)} AND ${p.add(hi)}
ORDER BY line_no`);
}
