/**
 * The browser setup of the PDF reader (reader/pdf/browser.ts): pdfjs-dist's
 * character maps, fonts and wasm decoders are bundled as app assets (Vite
 * transforms this test like the app), and pdf.js gets them through
 * BundledDataFactory. Here fetch serves those asset URLs from disk, so the
 * test proves the reader asks only for bundled files and decodes with them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BundledDataFactory, pdfAssetUrl } from '../../src/lib/ingest/reader/pdf/browser';
import { loadNodePdfEnv } from '../../src/lib/ingest/reader/pdf/pdfjs';
import { readPdf } from '../../src/lib/ingest/reader/pdf/read';
import { CJK_FONT, makePdf, ucs2 } from './pdf-make';

afterEach(() => {
	vi.unstubAllGlobals();
});

/** fetch that serves the bundled asset URLs (project-root paths in Vite dev/test) from disk. */
function serveAssets(log: string[]) {
	return async (input: string | URL | Request) => {
		const url = String(input);
		log.push(url);
		const file = path.join(process.cwd(), new URL(url, 'http://app.local/').pathname);
		try {
			return new Response(await readFile(file));
		} catch {
			return new Response('not found', { status: 404 });
		}
	};
}

describe('PDF reader: browser assets', () => {
	it('bundles every character map, standard font and wasm decoder of pdfjs-dist', () => {
		for (const [kind, file] of [
			['cMapUrl', 'UniGB-UCS2-H.bcmap'],
			['cMapUrl', 'Adobe-GB1-UCS2.bcmap'],
			['standardFontDataUrl', 'FoxitSerif.pfb'],
			['standardFontDataUrl', 'LiberationSans-Regular.ttf'],
			['wasmUrl', 'openjpeg.wasm']
		] as const)
			expect(pdfAssetUrl(kind, file), file).toMatch(new RegExp(`${file.replace('.', '\\.')}$`));
		expect(pdfAssetUrl('cMapUrl', 'No-Such-CMap.bcmap')).toBeNull();
	});

	it('serves pdf.js its data files from the bundle', async () => {
		const log: string[] = [];
		vi.stubGlobal('fetch', serveAssets(log));
		const data = await new BundledDataFactory().fetch({
			kind: 'cMapUrl',
			filename: 'UniGB-UCS2-H.bcmap'
		});
		expect(data.length).toBeGreaterThan(1000);
		await expect(
			new BundledDataFactory().fetch({ kind: 'cMapUrl', filename: '../../etc/passwd' })
		).rejects.toThrow(/no cMapUrl file/);
		expect(log).toHaveLength(1);
	});

	it('decodes a non-embedded CJK font through the bundled character maps', async () => {
		const log: string[] = [];
		vi.stubGlobal('fetch', serveAssets(log));
		const env = { ...(await loadNodePdfEnv()), BinaryDataFactory: BundledDataFactory };
		const pdf = makePdf({
			content: `BT /F1 12 Tf 72 700 Td ${ucs2('一般公共预算')} Tj ET`,
			font: CJK_FONT
		});
		const src = await readPdf('cjk.pdf', pdf, { env });
		expect(src.lines.map((l) => l.text)).toEqual(['一般公共预算']);
		expect(log.some((u) => u.endsWith('UniGB-UCS2-H.bcmap'))).toBe(true);
	});
});
