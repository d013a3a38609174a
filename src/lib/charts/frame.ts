/**
 * Layout helpers shared by the chart components (BarChart, StackedBarChart,
 * LineChart, StripPlot): legend rows that wrap to the chart width, the band
 * scale for labelled rows, a zero-based value scale, and tick text for a
 * number format. Display floats only.
 */
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';

/** Legend entries per row when `reserve` pixels of the width are kept free (150 px an entry). */
export function legendPerRow(width: number, reserve: number): number {
	return Math.max(1, Math.floor((width - reserve) / 150));
}

/** The legend's colour map cut into rows of `perRow` entries. */
export function legendChunks(colors: Map<string, string>, perRow: number): Map<string, string>[] {
	const entries = [...colors];
	const rows: Map<string, string>[] = [];
	for (let i = 0; i < entries.length; i += perRow) rows.push(new Map(entries.slice(i, i + perRow)));
	return rows;
}

/** One band per label, top to bottom in the given order. */
export function bands(labels: readonly string[], padding: number): ScaleBand<string> {
	return scaleBand<string>().domain(labels).padding(padding);
}

/** A linear value scale over [lo, hi], rounded outwards to nice ticks. */
export function valueScale(lo: number, hi: number): ScaleLinear<number, number> {
	return scaleLinear().domain([lo, hi]).nice();
}

/** Axis tick text: numbers through `format`, category labels unchanged. */
export function tickText(format: (v: number) => string): (v: number | string) => string {
	return (v) => (typeof v === 'number' ? format(v) : v);
}
