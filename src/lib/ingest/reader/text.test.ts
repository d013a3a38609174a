import { describe, expect, it } from 'vitest';
import { DocumentError } from '../errors';
import { decodeText, readText } from './text';

describe('text reader', () => {
	it('numbers lines from 1 and splits cells on tabs', () => {
		const src = readText('a.txt', '标题\n1\t合计\t6473.03\n');
		expect(src.lines).toHaveLength(2);
		expect(src.lines[1]).toMatchObject({ no: 2, isRow: true, cells: ['1', '合计', '6473.03'] });
		expect(src.lines[0]?.isRow).toBe(false);
	});

	it('rejects empty, binary and PDF input with a message naming the file', () => {
		expect(() => decodeText('empty.txt', new Uint8Array())).toThrow(DocumentError);
		expect(() => decodeText('bin.txt', new Uint8Array([1, 0, 2, 3]))).toThrow(/bin\.txt/);
		expect(() => decodeText('x.txt', new TextEncoder().encode('%PDF-1.7\n'))).toThrow(/PDF/);
		expect(() => readText('blank.txt', '\n\n  \n')).toThrow(/blank\.txt/);
	});

	it('decodes GB18030 when the bytes are not UTF-8', () => {
		// "预算" in GB18030
		const bytes = new Uint8Array([0xd4, 0xa4, 0xcb, 0xe3]);
		expect(decodeText('gbk.txt', bytes)).toBe('预算');
	});
});
