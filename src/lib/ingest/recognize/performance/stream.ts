/**
 * NarrativeStream: the narrative (non-table) lines of a document joined into
 * one searchable string with whitespace and quotes removed, so that a
 * sentence wrapped over several printed lines (and over page numbers) can be
 * matched as a whole; every character maps back to its source line.
 *
 * A '\n' marks a hard boundary: a line starting with a heading marker
 * (`一、`, `（二）`, `1．`, `(1)`), and a digit at the end of one line meeting a
 * digit at the start of the next (so two figures never merge).
 */
import type { SourceLine } from '../../reader/text';

export interface NarrativeStream {
	text: string;
	/** Source line number of each character of `text`. */
	lineOf: number[];
}

/**
 * A printed page number (`12`, `─ 13 ─`, `第 3 页`). Written so that no two
 * optional-whitespace parts touch: a line of one digit and 100k spaces must
 * not backtrack quadratically.
 */
export const PAGE_NUMBER = /^[-—─\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-—─\s]*$/;
const HEADING =
	/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、.．](?!\d)|第[一二三四五六七八九十]+部分)/;
const DROP = /[\s“”"‘’'「」]/g;

export function narrativeStream(lines: SourceLine[], from = 0, to = lines.length): NarrativeStream {
	let text = '';
	const lineOf: number[] = [];
	for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
		const l = lines[i];
		if (!l || l.isRow) continue;
		const raw = l.text.trim();
		if (raw === '' || PAGE_NUMBER.test(raw)) continue;
		const t = raw.replace(DROP, '');
		if (t === '') continue;
		const prevDigit = /\d/.test(text.slice(-1));
		if (text !== '' && (HEADING.test(raw) || (prevDigit && /^\d/.test(t)))) {
			text += '\n';
			lineOf.push(l.no);
		}
		text += t;
		for (let k = 0; k < t.length; k++) lineOf.push(l.no);
	}
	return { text, lineOf };
}

/**
 * Start of the sentence containing `index`: after the last `。` or boundary,
 * looking back at most `limit` characters.
 */
export function sentenceStart(text: string, index: number, limit = 300): number {
	const stop = Math.max(0, index - limit);
	for (let i = index - 1; i >= stop; i--) {
		const c = text[i];
		if (c === '。' || c === '\n' || c === '！' || c === '？') return i + 1;
	}
	return stop;
}
