import { describe, expect, it } from 'vitest';
import { readText } from '../../reader/text';
import { narrativeStream, PAGE_NUMBER, sentenceStart } from './stream';

describe('narrativeStream', () => {
	it('joins wrapped lines over page numbers, skips table rows, maps lines', () => {
		const src = readText(
			's.txt',
			['支出 222.5', '27', '', '万元，占“三公”', 'a\tb', '经费。'].join('\n')
		);
		const s = narrativeStream(src.lines);
		expect(s.text).toBe('支出222.5万元，占三公经费。');
		expect(s.lineOf[s.text.indexOf('万元')]).toBe(4);
		expect(s.lineOf[s.text.indexOf('经费')]).toBe(6);
	});

	it('keeps figures on consecutive lines apart and breaks at headings', () => {
		const src = readText(
			's.txt',
			['30231 公务用车运行维护费 183.60', '30227 委托业务费', '一、标题', '正文'].join('\n')
		);
		const s = narrativeStream(src.lines);
		expect(s.text).toBe('30231公务用车运行维护费183.60\n30227委托业务费\n一、标题正文');
	});

	it('recognizes page numbers', () => {
		expect(['12', '─ 13 ─', '第 3 页', '- 5 -'].every((t) => PAGE_NUMBER.test(t))).toBe(true);
		expect(['12 x', '2024年', '1、标题'].some((t) => PAGE_NUMBER.test(t))).toBe(false);
	});

	it('finds sentence starts within a bounded look-back', () => {
		expect(sentenceStart('甲。乙丙', 3)).toBe(2);
		expect(sentenceStart('x'.repeat(1000), 999, 300)).toBe(699);
	});
});
