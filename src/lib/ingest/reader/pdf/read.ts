/**
 * PDF reader: bytes of a PDF → the same numbered lines and tab-separated
 * cells as the text reader (reader/text.ts), so the same recognizers parse
 * both. Each line carries its page (1-based) and bounding box. Pages are
 * separated by two blank lines and blocks on a page (paragraphs, tables) by
 * one, like the text extraction in ../shared/corpus/text.
 *
 * Unreadable input — not a PDF, encrypted, damaged, no text layer (scanned),
 * too many pages, too slow — raises a DocumentError naming the file.
 */
import { DocumentError } from '../../errors';
import type { SourceLine, SourceText } from '../text';
import { layoutPage } from './layout';
import { readPageContent } from './page';
import type { Box } from './types';
import { isNodeRuntime, loadNodePdfEnv, type PdfDocument, type PdfEnv } from './pdfjs';

export interface PdfReadOptions {
	/** pdf.js and its assets; defaults to the Node setup (loadNodePdfEnv) in Node. */
	env?: PdfEnv;
	/** Refuse documents with more pages than this (default 2000). */
	maxPages?: number;
	/** Give up after this many milliseconds (default 120 000). */
	timeoutMs?: number;
	/** Called after each page is read (progress display): page number, page count. */
	onPage?: (page: number, pageCount: number) => void;
}

/** Something the reader noticed on a page without failing the document. */
export interface PdfNote {
	page: number;
	code: 'page_without_text';
	message: string;
}

export interface PdfSource extends SourceText {
	pageCount: number;
	/** Width and height of every page in PDF points (index 0 = page 1). */
	pageSizes: [number, number][];
	notes: PdfNote[];
}

/** True when the bytes start like a PDF (%PDF- within the first 1024 bytes). */
export function looksLikePdf(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length - 4, 1024);
	for (let i = 0; i < n; i++)
		if (
			bytes[i] === 0x25 &&
			bytes[i + 1] === 0x50 &&
			bytes[i + 2] === 0x44 &&
			bytes[i + 3] === 0x46 &&
			bytes[i + 4] === 0x2d
		)
			return true;
	return false;
}

class Deadline {
	private readonly end: number;
	constructor(
		private readonly name: string,
		private readonly ms: number
	) {
		this.end = Date.now() + ms;
	}
	/** Resolves like `p`, or rejects with a timeout DocumentError when time is up. */
	race<T>(p: Promise<T>): Promise<T> {
		const left = this.end - Date.now();
		// When we give up, `p` may still reject later: keep that from going unhandled.
		p.catch(() => undefined);
		if (left <= 0) return Promise.reject(this.error());
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(this.error()), left);
		});
		return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
	}
	private error(): DocumentError {
		return new DocumentError(
			this.name,
			'timeout',
			`PDF 读取超时（超过 ${Math.round(this.ms / 1000)} 秒），已放弃 (reading the PDF took longer than ${Math.round(this.ms / 1000)} s; gave up)`
		);
	}
}

function loadError(name: string, e: unknown): DocumentError {
	if (e instanceof DocumentError) return e;
	const errName = typeof e === 'object' && e !== null ? String((e as Error).name) : '';
	const detail = e instanceof Error ? e.message : String(e);
	if (errName === 'PasswordException')
		return new DocumentError(
			name,
			'encrypted',
			'PDF 已加密，需要密码才能打开 (encrypted PDF: a password is required to open it)'
		);
	return new DocumentError(
		name,
		'damaged',
		`PDF 文件已损坏或不完整，无法读取 (damaged or truncated PDF: ${detail})`
	);
}

/** [x, y, width, height] of a box, cut to the page (text may overflow the page box). */
function clampBox(b: Box, width: number, height: number): [number, number, number, number] {
	const x0 = Math.min(Math.max(b.x0, 0), width);
	const x1 = Math.min(Math.max(b.x1, x0), width);
	const y0 = Math.min(Math.max(b.top, 0), height);
	const y1 = Math.min(Math.max(b.bottom, y0), height);
	return [x0, y0, x1 - x0, y1 - y0];
}

export async function readPdf(
	name: string,
	bytes: Uint8Array,
	options: PdfReadOptions = {}
): Promise<PdfSource> {
	if (bytes.length === 0) throw new DocumentError(name, 'empty', '文件为空 (empty file)');
	if (!looksLikePdf(bytes))
		throw new DocumentError(
			name,
			'not_pdf',
			'文件不是 PDF（缺少 %PDF 文件头） (not a PDF: no %PDF header)'
		);
	const maxPages = options.maxPages ?? 2000;
	const deadline = new Deadline(name, options.timeoutMs ?? 120_000);
	let env = options.env;
	if (!env) {
		if (!isNodeRuntime())
			throw new DocumentError(
				name,
				'pdf_unavailable',
				'浏览器中读取 PDF 需要 loadBrowserPdfEnv() 提供的 pdf.js 环境 (in the browser pass { env: await loadBrowserPdfEnv() } from reader/pdf/browser.ts)'
			);
		env = await loadNodePdfEnv();
	}
	let task: ReturnType<PdfEnv['lib']['getDocument']>;
	try {
		task = env.lib.getDocument({
			// pdf.js may take ownership of the buffer: give it a plain copy (not a Node Buffer).
			data: new Uint8Array(bytes),
			cMapUrl: env.cMapUrl,
			cMapPacked: true,
			standardFontDataUrl: env.standardFontDataUrl,
			wasmUrl: env.wasmUrl,
			...(env.worker ? { worker: env.worker } : {}),
			...(env.BinaryDataFactory
				? { BinaryDataFactory: env.BinaryDataFactory, useWorkerFetch: false }
				: {}),
			isEvalSupported: false,
			disableFontFace: true,
			useSystemFonts: false,
			disableAutoFetch: true,
			disableStream: true,
			enableXfa: false,
			verbosity: 0
		});
	} catch (e) {
		throw loadError(name, e);
	}
	let doc: PdfDocument;
	try {
		doc = await deadline.race(task.promise);
	} catch (e) {
		void task.destroy().catch(() => undefined);
		throw loadError(name, e);
	}
	try {
		if (doc.numPages > maxPages)
			throw new DocumentError(
				name,
				'too_many_pages',
				`PDF 共 ${doc.numPages} 页，超过上限 ${maxPages} 页 (PDF has ${doc.numPages} pages; the limit is ${maxPages})`
			);
		return await readPages(name, doc, env, deadline, options.onPage);
	} finally {
		void doc.destroy().catch(() => undefined);
	}
}

async function readPages(
	name: string,
	doc: PdfDocument,
	env: PdfEnv,
	deadline: Deadline,
	onPage?: (page: number, pageCount: number) => void
): Promise<PdfSource> {
	const lines: SourceLine[] = [];
	const notes: PdfNote[] = [];
	const pageSizes: [number, number][] = [];
	let textPages = 0;
	const push = (l: Omit<SourceLine, 'no'>) => lines.push({ no: lines.length + 1, ...l });
	const blank = (page?: number) => push({ text: '', cells: [''], isRow: false, page });
	for (let p = 1; p <= doc.numPages; p++) {
		let content;
		try {
			const page = await deadline.race(doc.getPage(p));
			content = await deadline.race(readPageContent(page, p, env.lib.OPS));
			page.cleanup();
		} catch (e) {
			if (e instanceof DocumentError) throw e;
			const detail = e instanceof Error ? e.message : String(e);
			throw new DocumentError(
				name,
				'damaged',
				`PDF 第${p}页无法读取，文件可能已损坏 (page ${p} cannot be read; damaged PDF: ${detail})`
			);
		}
		pageSizes.push([content.width, content.height]);
		onPage?.(p, doc.numPages);
		const pageLines = layoutPage(content);
		if (pageLines.length === 0) {
			notes.push({
				page: p,
				code: 'page_without_text',
				message: `第${p}页没有文字层（空白页或扫描图像），未提取内容 (page ${p} has no text layer: blank or scanned)`
			});
		} else textPages++;
		if (p > 1) {
			blank(p - 1);
			blank(p - 1);
		}
		// An empty page still prints as one (empty) line, like the text extraction.
		if (pageLines.length === 0) blank(p);
		let block = pageLines[0]?.block ?? 0;
		for (const l of pageLines) {
			if (l.block !== block) blank(p);
			block = l.block;
			const text = l.isRow ? l.cells.join('\t') : (l.cells[0] ?? '');
			push({
				text,
				cells: l.cells,
				isRow: l.isRow,
				page: p,
				bbox: clampBox(l.box, content.width, content.height)
			});
		}
	}
	if (textPages === 0)
		throw new DocumentError(
			name,
			'no_text',
			'PDF 没有文字层（可能是扫描件），无法提取内容；请先做文字识别 (OCR) (the PDF has no text layer — probably scanned; run OCR first)'
		);
	while (lines.length > 0 && lines[lines.length - 1]?.text === '') lines.pop();
	return { name, lines, pageCount: doc.numPages, pageSizes, notes };
}
