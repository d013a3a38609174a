import { describe, expect, it } from 'vitest';
import { bands, legendChunks, legendPerRow, tickText, valueScale } from './frame';

describe('chart frame helpers', () => {
	it('wraps legend entries to the width, never fewer than one per row', () => {
		expect(legendPerRow(640, 20)).toBe(4);
		expect(legendPerRow(100, 80)).toBe(1);
		const colors = new Map(['a', 'b', 'c', 'd', 'e'].map((k) => [k, '#000']));
		expect(legendChunks(colors, 2).map((m) => [...m.keys()])).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e']
		]);
		expect(legendChunks(new Map(), 3)).toEqual([]);
	});

	it('builds band and nice value scales', () => {
		const y = bands(['x', 'y'], 0.2);
		expect(y.domain()).toEqual(['x', 'y']);
		expect(y.padding()).toBe(0.2);
		expect(valueScale(0, 97).domain()).toEqual([0, 100]);
	});

	it('formats numeric ticks and passes labels through', () => {
		const t = tickText((v) => `${v}!`);
		expect(t(3)).toBe('3!');
		expect(t('类')).toBe('类');
	});
});
