/**
 * One pdf.js page → PageContent (types.ts): text runs from getTextContent
 * and ruling lines from getOperatorList, both converted to page space (the
 * page as displayed: rotated pages come out upright).
 */
import type { PdfPage } from './pdfjs';
import { extractRules, isMatrix, multiply, type Matrix, type OpCodes } from './rules';
import type { PageContent, TextRun } from './types';

interface RawItem {
	str: string;
	transform: number[];
	width: number;
	height: number;
}

function isTextItem(v: unknown): v is RawItem {
	if (typeof v !== 'object' || v === null) return false;
	const o = v as Record<string, unknown>;
	return (
		typeof o.str === 'string' &&
		Array.isArray(o.transform) &&
		o.transform.length === 6 &&
		typeof o.width === 'number'
	);
}

export async function readPageContent(
	page: PdfPage,
	pageNo: number,
	ops: OpCodes
): Promise<PageContent> {
	// Page space = pdf.js viewport at scale 1: y down, /Rotate and crop offset applied.
	const viewport = page.getViewport({ scale: 1 });
	const vp: Matrix = isMatrix(viewport.transform) ? viewport.transform : [1, 0, -0, -1, 0, 0];
	const text = await page.getTextContent();
	const runs: TextRun[] = [];
	for (const item of text.items) {
		if (!isTextItem(item) || item.str === '') continue;
		const t = item.transform.map(Number);
		if (!isMatrix(t)) continue;
		// The run's text matrix in page space; its y axis points up the glyphs.
		const m = multiply(t, vp);
		const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]) || item.height;
		runs.push({
			str: item.str,
			x: m[4],
			baseline: m[5],
			width: Math.abs(item.width),
			size
		});
	}
	const list = await page.getOperatorList();
	const { hrules, vrules } = extractRules(list.fnArray, list.argsArray, ops, { viewport: vp });
	return { page: pageNo, width: viewport.width, height: viewport.height, runs, hrules, vrules };
}
