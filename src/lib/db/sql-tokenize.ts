/**
 * A small, linear-time SQL tokenizer for DuckDB's dialect, used by the SQL
 * guard. It knows exactly what it must to avoid being fooled: single-quoted
 * strings ('' escapes, E'…' backslash escapes), double-quoted identifiers,
 * dollar-quoted strings ($$…$$, $tag$…$tag$), line comments (--) and nested
 * block comments. Every loop advances at least one character per step.
 */

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'punct' | 'param';

export interface Token {
	kind: TokenKind;
	/** Words: lower-cased text; quoted identifiers: unquoted name; strings: content. */
	value: string;
	/** Offsets in the source: [start, end). */
	start: number;
	end: number;
}

export interface TokenizeResult {
	tokens: Token[];
	/** Set when a string, quoted identifier or comment never ends. */
	unterminated: 'string' | 'ident' | 'comment' | null;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DIGIT = /[0-9]/;

export function tokenizeSql(sql: string): TokenizeResult {
	const tokens: Token[] = [];
	const n = sql.length;
	let i = 0;
	while (i < n) {
		const c = sql[i]!;
		const next = sql[i + 1];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
			i++;
		} else if (c === '-' && next === '-') {
			const end = sql.indexOf('\n', i + 2);
			i = end === -1 ? n : end + 1;
		} else if (c === '/' && next === '*') {
			let depth = 1;
			i += 2;
			while (i < n && depth > 0) {
				if (sql[i] === '/' && sql[i + 1] === '*') {
					depth++;
					i += 2;
				} else if (sql[i] === '*' && sql[i + 1] === '/') {
					depth--;
					i += 2;
				} else i++;
			}
			if (depth > 0) return { tokens, unterminated: 'comment' };
		} else if (c === "'" || ((c === 'E' || c === 'e') && next === "'")) {
			const backslash = c !== "'";
			const start = i;
			const q = readQuoted(sql, i + (backslash ? 2 : 1), "'", backslash);
			if (!q) return { tokens, unterminated: 'string' };
			i = q.end;
			tokens.push({ kind: 'string', value: q.value, start, end: i });
		} else if (c === '"') {
			const start = i;
			const q = readQuoted(sql, i + 1, '"', false);
			if (!q) return { tokens, unterminated: 'ident' };
			i = q.end;
			tokens.push({ kind: 'ident', value: q.value.toLowerCase(), start, end: i });
		} else if (c === '$') {
			const start = i;
			const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66));
			if (m) {
				const tag = m[0];
				const end = sql.indexOf(tag, i + tag.length);
				if (end === -1) return { tokens, unterminated: 'string' };
				i = end + tag.length;
				tokens.push({ kind: 'string', value: sql.slice(start + tag.length, end), start, end: i });
			} else {
				i++;
				while (i < n && WORD_PART.test(sql[i]!)) i++;
				tokens.push({ kind: 'param', value: sql.slice(start, i), start, end: i });
			}
		} else if (DIGIT.test(c) || (c === '.' && next !== undefined && DIGIT.test(next))) {
			const start = i;
			i++;
			while (i < n && /[0-9A-Za-z_.]/.test(sql[i]!)) i++;
			tokens.push({ kind: 'number', value: sql.slice(start, i), start, end: i });
		} else if (WORD_START.test(c)) {
			const start = i;
			i++;
			while (i < n && WORD_PART.test(sql[i]!)) i++;
			tokens.push({ kind: 'word', value: sql.slice(start, i).toLowerCase(), start, end: i });
		} else {
			tokens.push({ kind: 'punct', value: c, start: i, end: i + 1 });
			i++;
		}
	}
	return { tokens, unterminated: null };
}

/**
 * Reads a quoted literal whose body starts at `from`: a doubled quote stands
 * for itself, and (E'…' strings) a backslash escapes the next character.
 * Returns the value and the index after the closing quote, or null when the
 * quote is never closed.
 */
function readQuoted(
	sql: string,
	from: number,
	quote: string,
	backslash: boolean
): { value: string; end: number } | null {
	let value = '';
	let i = from;
	while (i < sql.length) {
		const ch = sql[i]!;
		if (backslash && ch === '\\' && i + 1 < sql.length) {
			value += sql[i + 1];
			i += 2;
		} else if (ch === quote) {
			if (sql[i + 1] !== quote) return { value, end: i + 1 };
			value += quote;
			i += 2;
		} else {
			value += ch;
			i++;
		}
	}
	return null;
}
