import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import { fileName } from './download';

describe('csv', () => {
	it('quotes commas, quotes and newlines', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
	});

	it('keeps exact decimal strings and negative numbers as they are', () => {
		expect(csvCell('6473.0300')).toBe('6473.0300');
		expect(csvCell('-0.0100')).toBe('-0.0100');
		expect(csvCell(null)).toBe('');
	});

	it('defuses formulas in text cells', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('-cmd')).toBe("'-cmd");
	});

	it('writes a BOM, header and rows in key order', () => {
		const out = toCsv(['部门', '金额'], ['d', 'a'], [{ a: '1.5000', d: '民生保障局' }]);
		expect(out).toBe('\ufeff部门,金额\r\n民生保障局,1.5000\r\n');
	});

	it('makes safe file names', () => {
		expect(fileName('三公经费 / 2024', 'csv')).toBe('三公经费_2024.csv');
		expect(fileName('../../etc', 'svg')).toBe('etc.svg');
		expect(fileName('', 'png')).toBe('budgetlens.png');
	});
});
