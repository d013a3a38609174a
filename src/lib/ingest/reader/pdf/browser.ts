/**
 * The PDF reader in the browser: pdf.js (legacy build, which carries the
 * polyfills older browsers need) runs in a Web Worker served by the app, and
 * the character maps, standard fonts and wasm image decoders of pdfjs-dist
 * are bundled by Vite as assets of the app itself, fetched on demand from the
 * same origin — never from a CDN.
 *
 *   const env = await loadBrowserPdfEnv();
 *   const doc = await parsePdf({ name: file.name, bytes }, { env });
 *
 * Browser-only (Vite asset imports); Node uses loadNodePdfEnv (pdfjs.ts).
 */
import workerSrc from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { PdfEnv, PdfLib } from './pdfjs';

type UrlTable = Record<string, string>;

function byFileName(glob: Record<string, unknown>): UrlTable {
	const out: UrlTable = {};
	for (const [path, url] of Object.entries(glob))
		if (typeof url === 'string') out[path.slice(path.lastIndexOf('/') + 1)] = url;
	return out;
}

const ASSETS: Record<string, UrlTable> = {
	cMapUrl: byFileName(
		import.meta.glob('/node_modules/pdfjs-dist/cmaps/*.bcmap', {
			query: '?url',
			import: 'default',
			eager: true
		})
	),
	standardFontDataUrl: byFileName(
		import.meta.glob('/node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
			query: '?url',
			import: 'default',
			eager: true
		})
	),
	wasmUrl: byFileName(
		import.meta.glob('/node_modules/pdfjs-dist/wasm/*.{wasm,js}', {
			query: '?url',
			import: 'default',
			eager: true
		})
	)
};

/** The bundled URL of one pdf.js data file, or null when pdfjs-dist has no such file. */
export function pdfAssetUrl(kind: string, filename: string): string | null {
	return ASSETS[kind]?.[filename] ?? null;
}

/**
 * pdf.js `BinaryDataFactory` that serves character maps, fonts and wasm from
 * the bundled assets (pdf.js asks for them by kind and file name).
 */
export class BundledDataFactory {
	constructor(_options?: unknown) {}

	async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
		const url = pdfAssetUrl(kind, filename);
		if (!url) throw new Error(`pdfjs-dist has no ${kind} file ${filename}`);
		const res = await fetch(url);
		if (!res.ok) throw new Error(`cannot load ${url}: HTTP ${res.status}`);
		return new Uint8Array(await res.arrayBuffer());
	}
}

let worker: unknown = null;

/** pdf.js for the browser, with the app's own worker (one, reused) and data files. */
export async function loadBrowserPdfEnv(): Promise<PdfEnv> {
	const mod = await import('pdfjs-dist/legacy/build/pdf.mjs');
	mod.GlobalWorkerOptions.workerSrc = workerSrc;
	worker ??= new mod.PDFWorker();
	return {
		lib: mod as unknown as PdfLib,
		worker,
		// pdf.js requires these to be set; BundledDataFactory resolves the files.
		cMapUrl: '/pdfjs-dist/cmaps/',
		standardFontDataUrl: '/pdfjs-dist/standard_fonts/',
		wasmUrl: '/pdfjs-dist/wasm/',
		BinaryDataFactory: BundledDataFactory
	};
}
