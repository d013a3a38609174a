/**
 * PDF reader failures: every unreadable input is a DocumentError naming the
 * file with a Chinese + English message, never a crash or a hang.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/lib/ingest/errors';
import { parseDocumentAsync, parsePdf } from '../../src/lib/ingest/parse-pdf';
import { loadNodePdfEnv } from '../../src/lib/ingest/reader/pdf/pdfjs';
import { readPdf } from '../../src/lib/ingest/reader/pdf/read';
import { CJK_FONT, makePdf, TABLE_PAGE, ucs2 } from './pdf-make';

const PDF_DIR = path.resolve(process.cwd(), '../shared/corpus/pdf');
const WANLI = 'putuo-wanli-subdistrict-2024-budget.pdf';

async function failure(p: Promise<unknown>): Promise<DocumentError> {
	try {
		await p;
	} catch (e) {
		expect(e).toBeInstanceOf(DocumentError);
		return e as DocumentError;
	}
	throw new Error('expected a DocumentError');
}

describe('PDF reader errors', () => {
	it('reads a well-formed generated PDF (control for the cases below)', async () => {
		const src = await readPdf('ok.pdf', makePdf({ content: TABLE_PAGE }));
		expect(src.lines.map((l) => l.text)).toEqual([
			'Budget 2024',
			'',
			'Item\tAmount',
			'Total\t12.50'
		]);
	});

	it('rejects truncated corpus PDFs as damaged, naming the file', async () => {
		const bytes = new Uint8Array(await readFile(path.join(PDF_DIR, WANLI)));
		for (const frac of [0.1, 0.5, 0.95]) {
			const cut = bytes.slice(0, Math.floor(bytes.length * frac));
			const e = await failure(readPdf('cut.pdf', cut));
			expect(e.code).toBe('damaged');
			expect(e.sourceName).toBe('cut.pdf');
			expect(e.message).toMatch(/^cut\.pdf: PDF 文件已损坏.*damaged or truncated PDF/);
		}
	});

	it('rejects a PDF whose page tree is corrupted, naming the page', async () => {
		const bytes = new Uint8Array(await readFile(path.join(PDF_DIR, WANLI)));
		for (let i = 2000; i < bytes.length; i += 97) bytes[i] = 0x41;
		const e = await failure(readPdf('garbled.pdf', bytes));
		expect(e.code).toBe('damaged');
		expect(e.message).toMatch(/^garbled\.pdf: /);
	});

	it('rejects non-PDF input and empty files', async () => {
		const text = new TextEncoder().encode('项目\t预算数\n合计\t1.00\n');
		const e1 = await failure(parsePdf({ name: 'notes.txt', bytes: text }));
		expect(e1.code).toBe('not_pdf');
		expect(e1.message).toContain('notes.txt: 文件不是 PDF');
		const e2 = await failure(readPdf('empty.pdf', new Uint8Array()));
		expect(e2.code).toBe('empty');
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
		expect((await failure(readPdf('image.pdf', png))).code).toBe('not_pdf');
	});

	it('parseDocumentAsync sends text to the text reader and PDFs to the PDF reader', async () => {
		const text = new TextEncoder().encode('标题\n项目\t预算数\n');
		const fromText = await parseDocumentAsync({ name: 'a.txt', bytes: text });
		expect(fromText.lines.map((l) => l.text)).toEqual(['标题', '项目\t预算数']);
		expect(fromText.lines[0]?.page).toBeUndefined();
		const fromPdf = await parseDocumentAsync({
			name: 'a.pdf',
			bytes: makePdf({ content: TABLE_PAGE })
		});
		expect(fromPdf.lines[0]).toMatchObject({ text: 'Budget 2024', page: 1 });
	});

	it('rejects a scanned PDF (image, no text layer)', async () => {
		const scan = makePdf({ content: 'q 400 0 0 600 90 120 cm /Im1 Do Q', image: true });
		const e = await failure(readPdf('scan.pdf', scan));
		expect(e.code).toBe('no_text');
		expect(e.message).toMatch(/^scan\.pdf: PDF 没有文字层.*no text layer/);
	});

	it('rejects an encrypted PDF that needs a password, and reads one that does not', async () => {
		const locked = makePdf({ content: TABLE_PAGE, userPassword: 'secret' });
		const e = await failure(readPdf('locked.pdf', locked));
		expect(e.code).toBe('encrypted');
		expect(e.message).toMatch(/^locked\.pdf: PDF 已加密.*encrypted PDF/);
		// Same encryption with an empty user password opens without asking.
		const open = await readPdf('open.pdf', makePdf({ content: TABLE_PAGE, userPassword: '' }));
		expect(open.lines.map((l) => l.text)).toContain('Total\t12.50');
	});

	it('enforces the page limit and the time limit', async () => {
		const bytes = new Uint8Array(await readFile(path.join(PDF_DIR, WANLI)));
		const many = await failure(readPdf(WANLI, bytes, { maxPages: 10 }));
		expect(many.code).toBe('too_many_pages');
		expect(many.message).toContain('33');
		const slow = await failure(readPdf(WANLI, bytes, { timeoutMs: 0 }));
		expect(slow.code).toBe('timeout');
		expect(slow.message).toMatch(/超时.*gave up/);
	});

	it('decodes a non-embedded CJK font with the character maps shipped in pdfjs-dist', async () => {
		const pdf = makePdf({
			content: `BT /F1 12 Tf 72 700 Td ${ucs2('部门预算 合计')} Tj ET`,
			font: CJK_FONT
		});
		const src = await readPdf('cjk.pdf', pdf);
		expect(src.lines.map((l) => l.text)).toEqual(['部门预算 合计']);
		// Without the local maps nothing is fetched from elsewhere: the text is simply gone.
		const env = await loadNodePdfEnv();
		const e = await failure(readPdf('cjk.pdf', pdf, { env: { ...env, cMapUrl: '/nonexistent/' } }));
		expect(e.code).toBe('no_text');
	});

	it('reads rotated pages (/Rotate 90 and 270) upright, like the same page drawn landscape', async () => {
		const landscape = `q 1 0 0 1 0 -300 cm\n${TABLE_PAGE}\nQ`;
		const read = async (spec: Parameters<typeof makePdf>[0]) => {
			const src = await readPdf('page.pdf', makePdf(spec));
			return {
				sizes: src.pageSizes,
				lines: src.lines.map((l) => [l.text, l.bbox?.map(Math.round)])
			};
		};
		const upright = await read({ content: landscape, size: [842, 595] });
		expect(upright.lines[2]).toEqual(['Item\tAmount', [72, 195, 300, 20]]);
		const cw = await read({
			content: `q 0 1 -1 0 595 0 cm\n${landscape}\nQ`,
			size: [595, 842],
			rotate: 90
		});
		const ccw = await read({
			content: `q 0 -1 1 0 0 842 cm\n${landscape}\nQ`,
			size: [595, 842],
			rotate: 270
		});
		expect(cw).toEqual(upright);
		expect(ccw).toEqual(upright);
	});

	it('garbled bytes never crash the reader: a result or a DocumentError', async () => {
		const bytes = new Uint8Array(await readFile(path.join(PDF_DIR, WANLI)));
		let seed = 20240531;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const outcomes: string[] = [];
		for (let round = 0; round < 6; round++) {
			const copy = bytes.slice();
			const hits = 1 + Math.floor(random() * 40);
			for (let k = 0; k < hits; k++) {
				const at = Math.floor(random() * copy.length);
				copy.fill(Math.floor(random() * 256), at, at + 1 + Math.floor(random() * 64));
			}
			try {
				const src = await readPdf(`garbled-${round}.pdf`, copy, { timeoutMs: 60_000 });
				expect(src.lines.length).toBeGreaterThan(0);
				outcomes.push('read');
			} catch (e) {
				expect(e).toBeInstanceOf(DocumentError);
				expect((e as DocumentError).message).toMatch(new RegExp(`^garbled-${round}\\.pdf: `));
				outcomes.push((e as DocumentError).code);
			}
		}
		expect(outcomes).toHaveLength(6);
	});
});
