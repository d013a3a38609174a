import { describe, expect, it } from 'vitest';
import { amountText, pctText, wan } from './display';

describe('amountText', () => {
	it('groups thousands and keeps two decimals without float rounding', () => {
		expect(amountText('6473.0300')).toBe('6,473.03');
		expect(amountText('1234567.8900')).toBe('1,234,567.89');
		expect(amountText('0.1234')).toBe('0.1234');
		expect(amountText('-0.0100')).toBe('-0.01');
		expect(amountText('12')).toBe('12.00');
	});

	it('passes through non-numeric text and marks missing values', () => {
		expect(amountText(null)).toBe('—');
		expect(amountText('abc')).toBe('abc');
		expect(wan('9.7400')).toBe('9.74 万元');
	});

	it('formats shares', () => {
		expect(pctText(0.4567)).toBe('45.7%');
		expect(pctText(null)).toBe('—');
	});
});
