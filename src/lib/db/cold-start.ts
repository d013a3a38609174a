/**
 * Cold-start marks of the browser data layer on `window.__budgetlensColdStart`
 * (read by the benchmarks, documented in docs/performance.md). Every time is
 * `performance.now()` when the step finished, i.e. ms since navigation start;
 * each is set once (the first time). Bytes are what the connector fetched
 * itself: whole files exactly, range reads as the row groups' compressed size.
 */

export interface ColdStartMarks {
	/** manifest.json fetched and parsed. */
	manifestMs?: number;
	/** DuckDB-WASM instantiated and opened. */
	wasmMs?: number;
	/** First rollup read with parquet-wasm alone (first chart's data ready). */
	rollupMs?: number;
	/** documents and the rollups inserted into DuckDB. */
	documentsMs?: number;
	/** The connector is open (queries can run). */
	readyMs?: number;
	/** First ensure() that loaded rows finished (first view's data). */
	firstLoadMs?: number;
	/** Bytes fetched by the connector until readyMs. */
	readyBytes?: number;
	/** Bytes fetched by the connector so far (open, rollups, ensure). */
	bytes: number;
}

declare global {
	interface Window {
		__budgetlensColdStart?: ColdStartMarks;
	}
}

function marks(): ColdStartMarks | null {
	if (typeof window === 'undefined') return null;
	return (window.__budgetlensColdStart ??= { bytes: 0 });
}

type TimeMark = Exclude<keyof ColdStartMarks, 'bytes' | 'readyBytes'>;

/** Record `key` now, unless it is already set. */
export function markColdStart(key: TimeMark): void {
	const m = marks();
	if (m && m[key] === undefined) {
		m[key] = performance.now();
		if (key === 'readyMs') m.readyBytes = m.bytes;
	}
}

/** Count bytes the connector fetched. */
export function countBytes(n: number): void {
	const m = marks();
	if (m) m.bytes += n;
}
