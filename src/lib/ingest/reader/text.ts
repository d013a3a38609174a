/**
 * Text reader: turns the text extraction of a disclosure (the format of
 * ../shared/corpus/text: one line per printed line, table cells separated by
 * tabs) into numbered lines with cells. Pure TypeScript; runs in Node and in
 * the browser.
 */
import { DocumentError } from '../errors';

export interface SourceLine {
	/** 1-based line number in the source. */
	no: number;
	/** The line as printed, without the line terminator. */
	text: string;
	/** Cells split on tabs, each trimmed. A narrative line has one cell. */
	cells: string[];
	/** True when the line is a table row (it contains a tab). */
	isRow: boolean;
	/** PDF input only: 1-based page the line was printed on. */
	page?: number;
	/** PDF input only: [x, y, width, height] in PDF points, origin at the page's top-left corner. */
	bbox?: [number, number, number, number];
}

export interface SourceText {
	name: string;
	lines: SourceLine[];
}

/** Decodes bytes as UTF-8 (with or without BOM), falling back to GB18030. */
export function decodeText(name: string, bytes: Uint8Array): string {
	if (bytes.length === 0) throw new DocumentError(name, 'empty', '文件为空 (empty file)');
	const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
	let controls = 0;
	for (const b of sample) {
		if (b === 0)
			throw new DocumentError(
				name,
				'binary',
				'文件是二进制格式，不是文本 (binary file: contains NUL bytes)'
			);
		if (b < 9 || (b > 13 && b < 32)) controls++;
	}
	if (controls > sample.length * 0.05)
		throw new DocumentError(
			name,
			'binary',
			'文件是二进制格式，不是文本 (binary file: too many control bytes)'
		);
	if (sample[0] === 0x25 && sample[1] === 0x50 && sample[2] === 0x44 && sample[3] === 0x46)
		throw new DocumentError(
			name,
			'pdf',
			'PDF 文件需用 PDF 读取器解析 (PDF input is not supported by the text reader yet)'
		);
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		try {
			return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
		} catch {
			throw new DocumentError(
				name,
				'encoding',
				'无法识别文本编码（既不是 UTF-8 也不是 GB18030） (unknown text encoding)'
			);
		}
	}
}

export function readText(name: string, text: string): SourceText {
	const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
	const lines: SourceLine[] = raw.map((t, i) => {
		const isRow = t.includes('\t');
		return {
			no: i + 1,
			text: t,
			cells: isRow ? t.split('\t').map((c) => c.trim()) : [t.trim()],
			isRow
		};
	});
	if (!lines.some((l) => l.text.trim() !== ''))
		throw new DocumentError(name, 'empty', '文件没有任何文字内容 (file has no text)');
	return { name, lines };
}
