/**
 * Ground truth of the synthetic corpus: one JSON object per line, written
 * beside the documents (truth.jsonl). `figure` lines hold every amount the
 * generator printed (as the exact decimal string in 万元); `anomaly` lines
 * hold every injected anomaly with the rule id that should flag it and the
 * 1-based source line where it sits.
 */
export interface FigureTruth {
	kind: 'figure';
	doc: string;
	/** Snapshot table the figure lands in. */
	table:
		| 'summary'
		| 'income_by_function'
		| 'expenditure_by_function'
		| 'basic_by_economic'
		| 'three_public'
		| 'projects'
		| 'indicators';
	/** Function/economic code, 三公 category, project code or indicator key. */
	key: string;
	/** Column of the snapshot table (total, basic, amount, target_raw …). */
	column: string;
	/** Exact decimal string for amounts, raw text for target_raw. */
	value: string;
	/** For three_public: the fiscal year and source (table/narrative). */
	year?: number;
	source?: 'table' | 'narrative';
	line: number;
}

export interface AnomalyTruth {
	kind: 'anomaly';
	doc: string;
	rule: string;
	table: string;
	line: number;
	note: string;
}

export type TruthLine = FigureTruth | AnomalyTruth;

export interface SynthDocument {
	/** File name, e.g. synth_0001_2024.txt */
	name: string;
	text: string;
	truth: TruthLine[];
}
