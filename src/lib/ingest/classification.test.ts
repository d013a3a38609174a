import { describe, expect, it } from 'vitest';
import {
	codeFromParts,
	economicCodeForName,
	economicLevel,
	functionLevel,
	isCodeLike,
	joinCode,
	parentCode
} from './classification';

describe('classification codes', () => {
	it('joins codes split by the extraction', () => {
		expect(isCodeLike('20805 01')).toBe(true);
		expect(joinCode('20805 01')).toBe('2080501');
		expect(joinCode('20809 01')).toBe('2080901');
		expect(isCodeLike('行政运行')).toBe(false);
		expect(isCodeLike('')).toBe(false);
	});

	it('builds codes from separate 类/款/项 columns', () => {
		expect(codeFromParts(['201', '05', '07'])).toEqual({ code: '2010507', padded: false });
		expect(codeFromParts(['201', '05', ''])).toEqual({ code: '20105', padded: false });
		expect(codeFromParts(['201', '', ''])).toEqual({ code: '201', padded: false });
	});

	it('zero-pads a 款 printed without its leading zero', () => {
		expect(codeFromParts(['301', '2'])).toEqual({ code: '30102', padded: true });
		expect(codeFromParts(['301', '7'])).toEqual({ code: '30107', padded: true });
	});

	it('rejects parts that do not form a code', () => {
		expect(codeFromParts(['20', '05'])).toBeNull();
		expect(codeFromParts(['201', '', '07'])).toBeNull();
		expect(codeFromParts(['201', 'x5'])).toBeNull();
		expect(codeFromParts(['201', '123'])).toBeNull();
		expect(codeFromParts(['', ''])).toBeNull();
	});

	it('gives levels: function 3/5/7 → 1/2/3, economic 3/5 → 1/2', () => {
		expect(functionLevel('208')).toBe(1);
		expect(functionLevel('20805')).toBe(2);
		expect(functionLevel('2080501')).toBe(3);
		expect(functionLevel('2080')).toBeNull();
		expect(economicLevel('301')).toBe(1);
		expect(economicLevel('30101')).toBe(2);
		expect(economicLevel('3010101')).toBeNull();
	});

	it('finds parents and standard economic names', () => {
		expect(parentCode('2080501')).toBe('20805');
		expect(parentCode('20805')).toBe('208');
		expect(parentCode('208')).toBeNull();
		expect(economicCodeForName('津贴补贴')).toBe('30102');
		expect(economicCodeForName('维修（护）费')).toBe('30213');
		expect(economicCodeForName('不存在的科目')).toBeNull();
	});
});
