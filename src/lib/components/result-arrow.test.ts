import { describe, expect, it } from 'vitest';
import { resultToArrow } from './result-arrow';

describe('resultToArrow', () => {
	const columns = [
		{ name: 'dept', type: 'VARCHAR' },
		{ name: 'amount', type: 'DECIMAL(18,4)' },
		{ name: 'n', type: 'INTEGER' },
		{ name: 'share', type: 'DOUBLE' }
	];
	const rows = [
		{ dept: '民生保障局', amount: '6473.0300', n: 53, share: 0.5 },
		{ dept: null, amount: null, n: null, share: 0.25 }
	];
	const t = resultToArrow(columns, rows);

	it('keeps decimals as exact strings and numbers as numbers', () => {
		expect(t.numRows).toBe(2);
		expect(t.getChild('amount')?.get(0)).toBe('6473.0300');
		expect(String(t.schema.fields.find((f) => f.name === 'amount')?.type)).toBe('Utf8');
		expect(String(t.schema.fields.find((f) => f.name === 'n')?.type)).toBe('Int32');
		expect(t.getChild('share')?.get(1)).toBe(0.25);
	});

	it('keeps nulls', () => {
		expect(t.getChild('dept')?.get(1)).toBeNull();
		expect(t.getChild('n')?.get(1)).toBeNull();
	});
});
