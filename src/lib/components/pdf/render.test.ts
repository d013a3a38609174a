import { describe, expect, it } from 'vitest';
import { fitScale, scaleBox } from './render';

describe('PDF page view geometry', () => {
	it('fits an A4 page (595 pt) into the dialog width, at most 2×', () => {
		expect(fitScale(595, 880)).toBeCloseTo(880 / 595, 6);
		expect(fitScale(300, 880)).toBe(2);
		expect(fitScale(0, 880)).toBe(1);
		expect(fitScale(Number.NaN, 880)).toBe(1);
	});

	it('scales a line box from page points to canvas pixels', () => {
		expect(scaleBox({ x: 72, y: 100, width: 400, height: 12 }, 1.5)).toEqual({
			x: 108,
			y: 150,
			width: 600,
			height: 18
		});
	});
});
