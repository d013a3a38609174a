/** Plain data shapes the marks draw. Values are floats: charts only, never for money math. */
export interface BarDatum {
	/** Category on the band axis (unique within the chart). */
	label: string;
	value: number;
	fill?: string;
	/** Tooltip text; defaults to "label: value". */
	title?: string;
}

export interface Segment {
	key: string;
	value: number;
}

export interface StackDatum {
	label: string;
	segments: Segment[];
}

export interface DotDatum {
	/** Group (band on y). */
	group: string;
	value: number;
	title?: string;
	fill?: string;
}

export interface LinePoint {
	x: string;
	y: number;
	/** Marked points (e.g. narrative figures) draw hollow. */
	hollow?: boolean;
}

export interface LineSeries {
	key: string;
	points: LinePoint[];
}
