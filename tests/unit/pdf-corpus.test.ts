/**
 * The PDF reader on the real corpus (../shared/corpus/pdf): every PDF reads,
 * every printed line carries its page and box, the lines equal the text
 * extraction in ../shared/corpus/text, and the records parsed from a PDF
 * equal those parsed from its text extraction (apart from provenance).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { RECORD_TABLES, type ParsedDocument } from '../../src/lib/ingest/model';
import { parseDocument } from '../../src/lib/ingest/parse';
import { parsePdf } from '../../src/lib/ingest/parse-pdf';
import { readPdf, type PdfSource } from '../../src/lib/ingest/reader/pdf/read';
import { readText } from '../../src/lib/ingest/reader/text';
import { documentRows } from '../../src/lib/schema/rows';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const PDFS = [
	'final-accounts-template.pdf',
	'putuo-commerce-commission-2025-budget.pdf',
	'putuo-finance-bureau-2024-final.pdf',
	'putuo-planning-resources-bureau-2024-final.pdf',
	'putuo-wanli-subdistrict-2024-budget.pdf'
];
/** PDF ↔ its text extraction; `exact` when every printed line is identical. */
const PAIRS = [
	{
		pdf: 'putuo-wanli-subdistrict-2024-budget.pdf',
		text: 'shpt_wanli_jiedao_2024_bumen_yusuan.txt',
		exact: true
	},
	{
		pdf: 'putuo-commerce-commission-2025-budget.pdf',
		text: 'shpt_shangwuwei_2025_bumen_yusuan.txt',
		exact: false
	},
	{
		pdf: 'putuo-finance-bureau-2024-final.pdf',
		text: 'shpt_caizhengju_2024_bumen_juesuan.txt',
		exact: true
	},
	{
		pdf: 'putuo-planning-resources-bureau-2024-final.pdf',
		text: 'shpt_guihua_ziranziyuan_2024_bumen_juesuan.txt',
		exact: true
	}
];

const bytesOf = async (dir: string, name: string) =>
	new Uint8Array(await readFile(path.join(CORPUS, dir, name)));

const sources = new Map<string, Promise<PdfSource>>();
const source = (name: string) => {
	let p = sources.get(name);
	if (!p) sources.set(name, (p = bytesOf('pdf', name).then((b) => readPdf(name, b))));
	return p;
};
const parsed = new Map<string, Promise<ParsedDocument>>();
const parsedPdf = (name: string) => {
	let p = parsed.get(name);
	if (!p) parsed.set(name, (p = bytesOf('pdf', name).then((bytes) => parsePdf({ name, bytes }))));
	return p;
};
const parsedText = async (name: string) =>
	parseDocument({ name, bytes: await bytesOf('text', name) });

/** A record without its identity and provenance, amounts as exact strings. */
function plain(record: object): string {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(record)) {
		if (k === 'doc_id' || k === 'source_line') continue;
		out[k] = Decimal.isDecimal(v) ? v.toFixed() : v;
	}
	return JSON.stringify(out);
}

describe('PDF reader on the corpus', () => {
	it.each(PDFS)('%s: reads, with page and box on every printed line', async (name) => {
		const src = await source(name);
		expect(src.pageCount).toBeGreaterThan(10);
		expect(src.pageSizes).toHaveLength(src.pageCount);
		expect(src.lines.filter((l) => l.isRow).length).toBeGreaterThan(50);
		let lastPage = 1;
		src.lines.forEach((l, i) => {
			expect(l.no).toBe(i + 1);
			expect(l.text).toBe(l.isRow ? l.cells.join('\t') : l.cells[0]);
			if (l.isRow) expect(l.cells.length).toBeGreaterThan(1);
			if (l.text === '') return;
			const page = l.page ?? 0;
			expect(page).toBeGreaterThanOrEqual(lastPage);
			lastPage = page;
			const [w, h] = src.pageSizes[page - 1] ?? [0, 0];
			const [x, y, bw, bh] = l.bbox ?? [NaN, NaN, NaN, NaN];
			expect(x).toBeGreaterThanOrEqual(0);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(bw).toBeGreaterThan(0);
			expect(bh).toBeGreaterThan(0);
			expect(x + bw).toBeLessThanOrEqual(w);
			expect(y + bh).toBeLessThanOrEqual(h);
		});
	});

	it.each(PAIRS)('$pdf: lines equal the text extraction $text', async ({ pdf, text, exact }) => {
		const src = await source(pdf);
		const ref = readText(text, new TextDecoder().decode(await bytesOf('text', text))).lines;
		const got = src.lines.map((l) => l.text);
		const want = ref.map((l) => l.text);
		if (exact) {
			expect(got).toEqual(want);
			return;
		}
		// The commerce PDF prints overflowing narrative text outside the page box
		// (clipped, then repeated on the next page). pdf.js leaves out invisible
		// glyphs; the text extraction kept them. So: the PDF lines are the text
		// lines in order, minus narrative lines that the extraction repeats.
		const missing: string[] = [];
		let j = 0;
		for (const w of want) {
			if (j < got.length && got[j] === w) j++;
			else missing.push(w);
		}
		expect(j).toBe(got.length);
		expect(missing.length).toBeLessThan(want.length / 10);
		for (const m of missing) {
			if (m === '') continue;
			expect(m.includes('\t')).toBe(false);
			expect(want.filter((w) => w === m).length, m).toBeGreaterThan(1);
		}
	});

	it.each(PAIRS)('$pdf: records equal those from $text', async ({ pdf, text }) => {
		const a = await parsedPdf(pdf);
		const b = await parsedText(text);
		let records = 0;
		for (const table of RECORD_TABLES) {
			const fromPdf = a.tables[table].map(plain);
			const fromText = b.tables[table].map(plain);
			expect(fromPdf, table).toEqual(fromText);
			records += fromText.length;
			// Each record points at a line printing the same text in both sources.
			a.tables[table].forEach((r, i) => {
				const rb = b.tables[table][i];
				if (!rb || !('source_line' in r) || !('source_line' in rb)) return;
				expect(a.lines[r.source_line - 1]?.text).toBe(b.lines[rb.source_line - 1]?.text);
			});
		}
		expect(records).toBeGreaterThan(100);
		// Parse issues too (the reader's own page notes aside), by table, code and raw text.
		const issueKeys = (doc: ParsedDocument) =>
			doc.issues
				.filter((i) => i.table_name !== 'pdf')
				.map((i) => `${i.table_name}|${i.severity}|${i.code}|${i.raw}`)
				.sort();
		expect(issueKeys(a)).toEqual(issueKeys(b));
		const { doc_id: _a, sha256: _b, source_name: _c, line_count: lcA, ...docA } = a.document;
		const { doc_id: _d, sha256: _e, source_name: _f, line_count: lcB, ...docB } = b.document;
		expect(docA).toEqual(docB);
		expect(Math.abs(lcA - lcB)).toBeLessThan(lcB / 10);
	});

	it('the template yields the standard tables and no amounts, without errors', async () => {
		const doc = await parsedPdf('final-accounts-template.pdf');
		expect(doc.document.kind).toBe('final');
		expect(doc.document.tables_found.split(',').length).toBeGreaterThanOrEqual(5);
		let records = 0;
		for (const table of RECORD_TABLES)
			for (const r of doc.tables[table]) {
				records++;
				for (const [k, v] of Object.entries(r))
					expect(Decimal.isDecimal(v), `${table}.${k} = ${String(v)}`).toBe(false);
			}
		expect(records).toBeGreaterThan(50);
		expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
	});

	it('stores page and box for source lines and links figures to their page', async () => {
		const doc = await parsedPdf('putuo-wanli-subdistrict-2024-budget.pdf');
		const rows = documentRows(doc);
		const lines = rows.source_lines;
		expect(lines).toHaveLength(doc.lines.length);
		for (const l of lines) {
			if (l.text === '') continue;
			for (const k of ['page', 'x', 'y', 'width', 'height'])
				expect(Number.isInteger(l[k]), `${k} of line ${String(l.line_no)}`).toBe(true);
		}
		expect(rows.parse_issues.filter((i) => i.severity === 'error')).toEqual([]);
		// The 收入总计 figure of 财务收支预算总表 sits on the page of that table's title, below it.
		const total = doc.tables.summary.find(
			(r) => r.table_kind === 'summary' && r.item === '收入总计'
		);
		expect(total?.amount?.toFixed(4)).toBe('15621.1123');
		const line = doc.lines[(total?.source_line ?? 0) - 1];
		const title = doc.lines.find((l) => l.text.endsWith('部门财务收支预算总表') && l.page);
		expect(line?.page).toBe(title?.page);
		expect(line?.y ?? 0).toBeGreaterThan(title?.y ?? Infinity);
	});

	it('notes pages without a text layer as parse issues', async () => {
		const doc = await parsedPdf('putuo-finance-bureau-2024-final.pdf');
		const notes = doc.issues.filter((i) => i.code === 'page_without_text');
		expect(notes).toHaveLength(1);
		expect(notes[0]?.message).toMatch(/^putuo-finance-bureau-2024-final\.pdf 第14页/);
	});
});
