/**
 * Loading pdf.js without fetching anything from the network: in Node the
 * legacy build runs with its fake (in-thread) worker, and the character maps
 * and standard fonts come from the pdfjs-dist package's own `cmaps/` and
 * `standard_fonts/` directories. In the browser the caller passes the URLs
 * of those assets and of the worker, served by the app itself.
 *
 * The interfaces below are the small part of the pdf.js API the reader
 * uses, so the reader itself does not depend on pdf.js types.
 */
import type { OpCodes } from './rules';

export interface PdfTextContent {
	items: unknown[];
}

export interface PdfPage {
	view: number[];
	getViewport(params: { scale: number }): { width: number; height: number; transform: number[] };
	getTextContent(): Promise<PdfTextContent>;
	getOperatorList(): Promise<{ fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> }>;
	cleanup(): unknown;
}

export interface PdfDocument {
	numPages: number;
	getPage(pageNumber: number): Promise<PdfPage>;
	destroy(): Promise<void>;
}

export interface PdfLib {
	getDocument(src: object): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
	OPS: OpCodes;
}

export interface PdfEnv {
	lib: PdfLib;
	/** Directory URL (or, in Node, path) of pdfjs-dist/cmaps/, ending with '/'. */
	cMapUrl: string;
	/** Directory URL (or path) of pdfjs-dist/standard_fonts/, ending with '/'. */
	standardFontDataUrl: string;
	/** Directory URL (or path) of pdfjs-dist/wasm/ (image decoders), ending with '/'. */
	wasmUrl?: string;
	/** A pdf.js `PDFWorker` to reuse across documents (browser.ts); default: one per document. */
	worker?: unknown;
	/** pdf.js `BinaryDataFactory` that serves those files itself (browser.ts). */
	BinaryDataFactory?: new (options: object) => {
		fetch(request: { kind: string; filename: string }): Promise<Uint8Array>;
	};
}

export function isNodeRuntime(): boolean {
	return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

let nodeEnv: Promise<PdfEnv> | null = null;

/** pdf.js for Node: legacy build, fake worker, assets from node_modules/pdfjs-dist. */
export function loadNodePdfEnv(): Promise<PdfEnv> {
	nodeEnv ??= (async () => {
		const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfLib;
		const pkg = resolvePackageJson();
		// pdf.js reads these with fs.readFile in Node: plain paths, not file: URLs.
		const dir = (sub: string) => decodeURIComponent(new URL(sub, pkg).pathname);
		return {
			lib,
			cMapUrl: dir('cmaps/'),
			standardFontDataUrl: dir('standard_fonts/'),
			wasmUrl: dir('wasm/')
		};
	})();
	nodeEnv.catch(() => {
		nodeEnv = null;
	});
	return nodeEnv;
}

/** file: URL of pdfjs-dist/package.json (ESM resolution, or CommonJS from the working directory). */
function resolvePackageJson(): string {
	const specifier = 'pdfjs-dist/package.json';
	if (typeof import.meta.resolve === 'function') return import.meta.resolve(specifier);
	const mod = process.getBuiltinModule?.('module') as
		{ createRequire(from: string): { resolve(id: string): string } } | undefined;
	if (!mod) throw new Error('cannot locate pdfjs-dist (no module resolver)');
	const file = mod.createRequire(`${process.cwd()}/`).resolve(specifier);
	return new URL(`file://${file.startsWith('/') ? '' : '/'}${file.replace(/\\/g, '/')}`).href;
}
