import { describe, expect, it } from 'vitest';
import { detectUnit, parseAmount } from './amount';

function value(raw: string, unit?: '万元' | '元'): string | null {
	const r = parseAmount(raw, unit);
	if (!r.ok) throw new Error(r.reason);
	return r.value === null ? null : r.value.toFixed(4);
}

describe('parseAmount', () => {
	it('parses plain, split and separated numbers exactly', () => {
		expect(value('6473.03')).toBe('6473.0300');
		expect(value('239.6 2')).toBe('239.6200');
		expect(value('15,897.44')).toBe('15897.4400');
		expect(value('')).toBeNull();
		expect(value('-')).toBeNull();
	});

	it('converts 元 to 万元 without rounding', () => {
		expect(value('156,211,123', '元')).toBe('15621.1123');
		expect(parseAmount('3', '元')).toMatchObject({ ok: true });
		const r = parseAmount('3', '元');
		expect(r.ok && r.value?.toString()).toBe('0.0003');
	});

	it('reads negatives and full-width digits', () => {
		expect(value('(12.5)')).toBe('-12.5000');
		expect(value('-0.01')).toBe('-0.0100');
		expect(value('１２．５')).toBe('12.5000');
	});

	it('refuses text', () => {
		expect(parseAmount('有效保障').ok).toBe(false);
		expect(parseAmount('12.3.4').ok).toBe(false);
	});

	it('detects declared units', () => {
		expect(detectUnit('单位：万元')).toBe('万元');
		expect(detectUnit('编制部门：xx 单位：元')).toBe('元');
		expect(detectUnit('单位:万元')).toBe('万元');
		expect(detectUnit('预算年度：2024')).toBeNull();
	});
});
