/**
 * Mutation tests: every corpus budget document, damaged in seeded random
 * ways (truncated, shuffled, extra wraps, garbled), must parse without
 * throwing anything but DocumentError, finish within the per-test timeout,
 * and keep the books: rows_seen = rows_stored + rows_reported, every source
 * line kept verbatim, and every reported row backed by an issue with its
 * raw text. Reads ../shared/corpus/text (never copied here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/lib/ingest/errors';
import type { ParsedDocument } from '../../src/lib/ingest/model';
import { parseDocument } from '../../src/lib/ingest/parse';
import { decodeText, readText } from '../../src/lib/ingest/reader/text';
import { documentRows } from '../../src/lib/schema/rows';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/text');
/** Seeds per mutation; MUTATION_SEEDS=50 npx vitest run tests/unit/mutation.test.ts for a wider sweep. */
const SEEDS = Array.from({ length: Number(process.env.MUTATION_SEEDS) || 3 }, (_, i) => i + 1);
/** Generous: a parse takes milliseconds; a hang or exponential regex would not finish. */
const TIMEOUT_MS = 20_000;

/** mulberry32: a small seeded PRNG so every failure can be replayed. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
type Rand = ReturnType<typeof prng>;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

const enc = new TextEncoder();
const dec = new TextDecoder();
const splitLines = (t: string) => t.split('\n');

const MUTATIONS: Record<string, (bytes: Uint8Array, r: Rand) => Uint8Array> = {
	truncated: (b, r) => b.subarray(0, 1 + int(r, b.length - 1)),
	'truncated-mid-line': (b, r) => {
		const lines = splitLines(dec.decode(b));
		const keep = lines.slice(0, 1 + int(r, lines.length));
		const last = keep.pop() ?? '';
		return enc.encode([...keep, last.slice(0, int(r, last.length + 1))].join('\n'));
	},
	'shuffled-pairs': (b, r) => {
		const lines = splitLines(dec.decode(b));
		for (let k = 0; k < 40; k++) {
			const i = int(r, lines.length);
			const j = int(r, lines.length);
			[lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
		}
		return enc.encode(lines.join('\n'));
	},
	'shuffled-all': (b, r) => {
		const lines = splitLines(dec.decode(b));
		for (let i = lines.length - 1; i > 0; i--) {
			const j = int(r, i + 1);
			[lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
		}
		return enc.encode(lines.join('\n'));
	},
	'extra-wraps': (b, r) => {
		const out: string[] = [];
		for (const line of splitLines(dec.decode(b))) {
			const cells = line.split('\t');
			if (cells.length < 2 || r() > 0.15) {
				out.push(line);
				continue;
			}
			const i = int(r, cells.length);
			const cell = cells[i] ?? '';
			const at = int(r, cell.length + 1);
			out.push(cells.map((c, k) => (k === i ? c.slice(0, at) : c)).join('\t'));
			out.push(cells.map((c, k) => (k === i ? c.slice(at) : '')).join('\t'));
		}
		return enc.encode(out.join('\n'));
	},
	garbled: (b, r) => {
		const chars = [...dec.decode(b)];
		const pool = [
			'\t',
			'\t\t',
			'.',
			'-',
			'（',
			'）',
			'合计',
			'万元',
			'元',
			'%',
			'≥',
			' ',
			'\u00a0',
			'９',
			'𠀀',
			'\r',
			'项目'
		];
		const n = Math.max(1, Math.floor(chars.length / 200));
		for (let k = 0; k < n; k++) {
			const i = int(r, chars.length);
			const c = chars[i] ?? '';
			const op = int(r, 4);
			if (op === 0) chars.splice(i, 0, pick(r, pool));
			else if (op === 1 && c === '\t') chars.splice(i, 1);
			else if (op === 2 && /\d/.test(c)) chars[i] = String(int(r, 10)).repeat(1 + int(r, 25));
			else chars[i] = String.fromCodePoint(0x20 + int(r, 0x9fff));
		}
		return enc.encode(chars.join(''));
	},
	'random-bytes': (b, r) => {
		const out = Uint8Array.from(b);
		for (let k = 0; k < 30; k++) out[int(r, out.length)] = int(r, 256);
		return out;
	}
};

/** Checks that a parsed document keeps the books against its own source. */
function checkAccounting(name: string, bytes: Uint8Array, doc: ParsedDocument): void {
	const { rows_seen, rows_stored, rows_reported } = doc.document;
	expect(rows_seen, `${name} accounting`).toBe(rows_stored + rows_reported);
	expect(doc.accounting).toEqual({ rows_seen, rows_stored, rows_reported });
	// Independent view of the source through the reader.
	const source = readText(name, decodeText(name, bytes));
	const rows = source.lines.filter((l) => l.isRow && l.cells.some((c) => c !== ''));
	expect(rows_seen, `${name} rows_seen`).toBe(rows.length);
	expect(doc.lines.map((l) => l.text)).toEqual(source.lines.map((l) => l.text));
	// Every issue that names a line carries that line's raw text.
	const rawByLine = new Map<number, string>();
	for (const issue of doc.issues) {
		if (issue.source_line === null) continue;
		const line = source.lines[issue.source_line - 1];
		expect(line, `${name}: issue names line ${issue.source_line}`).toBeDefined();
		expect(issue.raw, `${name}: raw of line ${issue.source_line}`).toBe(line?.text);
		rawByLine.set(issue.source_line, issue.raw ?? '');
	}
	// Unclaimed rows are reported ones: at least that many rows have an issue with their raw text.
	const backed = rows.filter((l) => rawByLine.get(l.no) === l.text).length;
	expect(backed, `${name}: reported rows backed by issues`).toBeGreaterThanOrEqual(rows_reported);
	// The records fit the snapshot schema (a huge garbled amount may only become NULL).
	const converted = documentRows(doc);
	const misfits = converted.parse_issues.filter(
		(i) => i.code === 'missing_value' || i.code === 'invalid_value'
	);
	expect(
		misfits.map((i) => i.message),
		`${name}: records that do not fit the schema`
	).toEqual([]);
}

function parseOrDocumentError(name: string, bytes: Uint8Array): ParsedDocument | DocumentError {
	try {
		return parseDocument({ name, bytes });
	} catch (e) {
		if (e instanceof DocumentError) return e;
		throw new Error(`${name}: parseDocument threw ${String(e)} instead of a DocumentError`, {
			cause: e
		});
	}
}

const files = readdirSync(CORPUS)
	.filter((f) => f.endsWith('.txt'))
	.sort();
const budgets = files
	.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(CORPUS, name))) }))
	.filter(({ name, bytes }) => {
		const doc = parseOrDocumentError(name, bytes);
		return !(doc instanceof DocumentError) && doc.document.kind === 'budget';
	});

describe('mutated corpus documents', () => {
	it('covers the corpus budget documents', () => {
		expect(budgets.length).toBeGreaterThanOrEqual(8);
	});

	for (const { name, bytes } of budgets) {
		it(
			`${name}: the original keeps the books`,
			() => {
				const doc = parseOrDocumentError(name, bytes);
				expect(doc).not.toBeInstanceOf(DocumentError);
				if (!(doc instanceof DocumentError)) checkAccounting(name, bytes, doc);
			},
			TIMEOUT_MS
		);
		for (const [kind, mutate] of Object.entries(MUTATIONS))
			it(
				`${name}: ${kind} (${SEEDS.length} seeds)`,
				() => {
					for (const seed of SEEDS) {
						const label = `${name} [${kind} seed ${seed}]`;
						const mutated = mutate(bytes, prng(seed * 7919 + name.length));
						const doc = parseOrDocumentError(label, mutated);
						if (doc instanceof DocumentError) {
							expect(doc.message, label).toContain(label);
							continue;
						}
						checkAccounting(label, mutated, doc);
					}
				},
				TIMEOUT_MS
			);
	}

	const pathological: Record<string, string> = {
		'long digit line': `支出总表\n${'1 2'.repeat(40_000)}\t${'9.'.repeat(30_000)}\n`,
		'many tabs': `收支总表\n合计${'\t'.repeat(50_000)}1\n`,
		'many short rows': Array.from({ length: 20_000 }, (_, i) => `${i}\t${i}.0 1\t-`).join('\n'),
		'nested brackets': `项目名称\t${'（'.repeat(20_000)}1${'）'.repeat(20_000)}\n`,
		'only headers':
			'部门预算收支总表\n单位：万元\n收入\t\t支出\n项目\t预算数\t项目\t预算数\n'.repeat(500)
	};
	for (const [label, text] of Object.entries(pathological))
		it(
			`pathological input: ${label}`,
			() => {
				const bytes = enc.encode(text);
				const doc = parseOrDocumentError(label, bytes);
				if (!(doc instanceof DocumentError)) checkAccounting(label, bytes, doc);
			},
			TIMEOUT_MS
		);
});
