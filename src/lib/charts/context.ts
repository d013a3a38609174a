/**
 * The chart container's shared state (as LayerCake's context): inner plot
 * dimensions and the x/y scales already ranged to them. Chart.svelte sets it;
 * marks (Bars, StackedBars, Dots, Lines, Axis*) read it with getChart().
 */
import { getContext, setContext } from 'svelte';
import type { ScaleBand, ScaleLinear, ScalePoint } from 'd3';

export type LinearScale = ScaleLinear<number, number>;
export type BandScale = ScaleBand<string>;
export type PointScale = ScalePoint<string>;
export type AnyScale = LinearScale | BandScale | PointScale;

export interface ChartState {
	readonly width: number;
	readonly height: number;
	readonly x: AnyScale;
	readonly y: AnyScale;
}

const KEY = Symbol('budgetlens-chart');

export function setChart(state: ChartState): void {
	setContext(KEY, state);
}

export function getChart(): ChartState {
	const state = getContext<ChartState | undefined>(KEY);
	if (!state) throw new Error('chart marks must be placed inside <Chart>');
	return state;
}

export function isBand(scale: AnyScale): scale is BandScale {
	return 'paddingInner' in scale;
}

export function isPoint(scale: AnyScale): scale is PointScale {
	return 'step' in scale && !('paddingInner' in scale);
}

/** Position of a value on any scale (band scales: the band's start). */
export function pos(scale: AnyScale, value: string | number): number {
	if (isBand(scale) || isPoint(scale)) return scale(String(value)) ?? 0;
	return (scale as LinearScale)(Number(value));
}

/** Round to 2 decimals so SVG output is stable across platforms. */
export function r2(v: number): number {
	return Number.isFinite(v) ? Math.round(v * 100) / 100 : 0;
}
