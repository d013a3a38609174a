/**
 * Draw one PDF page into a canvas with pdf.js (the app's own worker and
 * bundled assets from reader/pdf/browser.ts) and compute where a line's
 * bounding box lands on it. Boxes are in the reader's page space: pdf.js
 * viewport at scale 1 (points, top-left origin, rotation applied), so at
 * scale s a box is simply multiplied by s.
 */
import type * as PdfJs from 'pdfjs-dist';
import { loadBrowserPdfEnv } from '$lib/ingest/reader/pdf/browser';

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A box in page points scaled to the canvas (CSS pixels at `scale`). */
export function scaleBox(b: Box, scale: number): Box {
	return { x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale };
}

/** Scale that fits a page of `pageWidth` points into `maxWidth` CSS pixels (at most 2×). */
export function fitScale(pageWidth: number, maxWidth: number): number {
	if (!(pageWidth > 0) || !(maxWidth > 0)) return 1;
	return Math.min(2, maxWidth / pageWidth);
}

export interface Rendered {
	scale: number;
	width: number;
	height: number;
	pageCount: number;
}

/** Render page `pageNo` of `bytes` into `canvas`, fitted to `maxWidth` CSS pixels. */
export async function renderPage(
	canvas: HTMLCanvasElement,
	bytes: Uint8Array,
	pageNo: number,
	maxWidth: number
): Promise<Rendered> {
	const env = await loadBrowserPdfEnv();
	const lib = env.lib as unknown as typeof PdfJs;
	const task = lib.getDocument({
		data: bytes,
		cMapUrl: env.cMapUrl,
		cMapPacked: true,
		standardFontDataUrl: env.standardFontDataUrl,
		wasmUrl: env.wasmUrl,
		worker: env.worker as PdfJs.PDFWorker,
		BinaryDataFactory: env.BinaryDataFactory,
		useWorkerFetch: false,
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		enableXfa: false,
		verbosity: 0
	} as Parameters<typeof lib.getDocument>[0]);
	const doc = await task.promise;
	try {
		if (pageNo < 1 || pageNo > doc.numPages)
			throw new Error(`第 ${pageNo} 页超出范围（共 ${doc.numPages} 页）`);
		const page = await doc.getPage(pageNo);
		const scale = fitScale(page.getViewport({ scale: 1 }).width, maxWidth);
		const viewport = page.getViewport({ scale });
		const ratio = window.devicePixelRatio || 1;
		canvas.width = Math.floor(viewport.width * ratio);
		canvas.height = Math.floor(viewport.height * ratio);
		canvas.style.width = `${Math.floor(viewport.width)}px`;
		canvas.style.height = `${Math.floor(viewport.height)}px`;
		await page.render({
			canvas,
			viewport,
			transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined
		}).promise;
		page.cleanup();
		return { scale, width: viewport.width, height: viewport.height, pageCount: doc.numPages };
	} finally {
		void doc.destroy().catch(() => undefined);
	}
}
