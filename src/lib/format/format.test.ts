import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
	changeRatio,
	chartNumber,
	formatAmount,
	formatAmountAuto,
	formatCount,
	formatDate,
	formatDateTime,
	formatPercent,
	formatPointGap,
	formatYear,
	formatYuan,
	groupThousands,
	MISSING,
	toDecimal
} from './index';

describe('amounts', () => {
	it.each<[string | null, string]>([
		['6473.0300', '6,473.03'],
		['0.0050', '0.01'],
		['0.0049', '0.00'],
		['-0.0049', '0.00'],
		['-1234567.8950', '-1,234,567.90'],
		['123456789012345.6789', '123,456,789,012,345.68'],
		['0', '0.00'],
		[null, MISSING],
		['', MISSING],
		['abc', MISSING],
		['<b>1</b>', MISSING]
	])('formatAmount(%s) → %s', (v, expected) => {
		expect(formatAmount(v)).toBe(expected);
	});

	it('rounds half-up exactly where a float would not', () => {
		// 1.005 is 1.00499999999999989… as a double; as a decimal it rounds up.
		expect(formatAmount('1.005')).toBe('1.01');
		expect(formatAmount('0.1').length).toBe(4);
		expect(formatAmount(new Decimal('0.1').plus('0.2'))).toBe('0.30');
	});

	it('converts 万元 to 亿元 and 元 exactly', () => {
		expect(formatAmount('6473.0300', { unit: '亿元' })).toBe('0.6473');
		expect(formatAmount('6473.0300', { unit: '亿元', withUnit: true })).toBe('0.6473 亿元');
		expect(formatAmount('1.2000', { unit: '元', digits: 0 })).toBe('12,000');
		expect(formatAmount('0.0001', { unit: '元' })).toBe('1.00');
		expect(formatAmountAuto('123456.7800')).toBe('12.35 亿元');
		expect(formatAmountAuto('9999.9900')).toBe('9,999.99 万元');
	});

	it('signs changes', () => {
		expect(formatAmount('1.5', { signed: true })).toBe('+1.50');
		expect(formatAmount('-2.09', { signed: true })).toBe('-2.09');
		expect(formatAmount('0', { signed: true })).toBe('0.00');
	});

	it('formats 元 costs and counts', () => {
		expect(formatYuan('12600.0000')).toBe('12,600');
		expect(formatYuan('1400.0500')).toBe('1,400.05');
		expect(formatCount(1234567)).toBe('1,234,567');
		expect(formatCount(Number.NaN)).toBe(MISSING);
	});

	it('groups any integer exactly with the pinned locale', () => {
		expect(groupThousands('12345678901234567890')).toBe('12,345,678,901,234,567,890');
		expect(groupThousands('999')).toBe('999');
	});

	it('parses only plain decimals', () => {
		expect(toDecimal('1e3')?.toString()).toBe('1000');
		expect(toDecimal(' 2.5 ')?.toString()).toBe('2.5');
		expect(toDecimal('Infinity')).toBeNull();
		expect(toDecimal('1'.repeat(100))).toBeNull();
		expect(toDecimal(Number.NaN)).toBeNull();
		expect(chartNumber('6473.0300')).toBe(6473.03);
		expect(chartNumber(null)).toBeNaN();
	});
});

describe('percent', () => {
	it('formats shares and gaps', () => {
		expect(formatPercent(0.7)).toBe('70.0%');
		expect(formatPercent(0.30001, { digits: 2 })).toBe('30.00%');
		expect(formatPercent(-0.0418, { signed: true })).toBe('-4.2%');
		expect(formatPercent(0.125, { signed: true })).toBe('+12.5%');
		expect(formatPercent(null)).toBe(MISSING);
		expect(formatPointGap(0.6, 0.3)).toBe('30.0 个百分点');
	});

	it('computes exact change ratios', () => {
		expect(changeRatio('47.9100', '50.0000')?.toString()).toBe('-0.0418');
		expect(changeRatio('1', '0')).toBeNull();
	});
});

describe('dates', () => {
	it('formats dates and timestamps', () => {
		expect(formatDate('2024-01-02')).toBe('2024年1月2日');
		expect(formatDate('2024-12-31T23:00:00.000Z')).toBe('2024年12月31日');
		expect(formatDate('not a date')).toBe('not a date');
		expect(formatDate(null)).toBe(MISSING);
		expect(formatDateTime('2024-01-02T03:04:05.000Z')).toBe('2024/01/02 11:04');
		expect(formatYear(2024)).toBe('2024年');
		expect(formatYear(null)).toBe(MISSING);
	});
});
