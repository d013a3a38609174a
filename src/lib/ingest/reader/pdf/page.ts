/**
 * One pdf.js page → PageContent (types.ts): text runs from getTextContent
 * and ruling lines from getOperatorList, both converted to page space.
 */
import type { PdfPage } from './pdfjs';
import { extractRules, type OpCodes } from './rules';
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
	const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = page.view;
	const text = await page.getTextContent();
	const runs: TextRun[] = [];
	for (const item of text.items) {
		if (!isTextItem(item) || item.str === '') continue;
		const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform.map(Number);
		const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
		runs.push({
			str: item.str,
			x: e - vx0,
			baseline: vy1 - f,
			width: Math.abs(item.width),
			size
		});
	}
	const list = await page.getOperatorList();
	const { hrules, vrules } = extractRules(list.fnArray, list.argsArray, ops, { view: page.view });
	return { page: pageNo, width: vx1 - vx0, height: vy1 - vy0, runs, hrules, vrules };
}
