/**
 * Compares a parsed synthetic document with its ground truth: every figure
 * line must come back exactly (Decimal equality, or the raw target text),
 * and every injected anomaly is looked up among the document's flags
 * (same rule id, same source line) to measure the outlier engine's recall.
 */
import Decimal from 'decimal.js';
import type { FlagRecord, ParsedDocument } from '../ingest/model';
import type { AnomalyTruth, FigureTruth, TruthLine } from './truth';

export interface Mismatch {
	truth: FigureTruth;
	got: string | null;
}

type Row = { [column: string]: unknown };

function candidates(doc: ParsedDocument, t: FigureTruth): Row[] {
	const tb = doc.tables as unknown as Record<FigureTruth['table'], Row[]>;
	const code = t.key === '合计' ? null : t.key;
	switch (t.table) {
		case 'summary': {
			const [side, item] = t.key.split('|');
			return tb.summary.filter(
				(r) => r.side === side && String(r.item).replace(/\s/g, '') === item
			);
		}
		case 'income_by_function':
			return tb.income_by_function.filter((r) => r.func_code === code);
		case 'expenditure_by_function':
			return tb.expenditure_by_function.filter((r) => r.func_code === code);
		case 'basic_by_economic':
			return tb.basic_by_economic.filter((r) => r.econ_code === code);
		case 'three_public':
			return tb.three_public.filter(
				(r) => r.category === t.key && r.fiscal_year === t.year && r.source === t.source
			);
		case 'projects':
			return tb.projects.filter((r) => r.project_code === t.key);
		case 'indicators': {
			const [project, name] = t.key.split('|');
			return tb.indicators.filter(
				(r) => r.project_code === project && String(r.name).replace(/\s/g, '') === name
			);
		}
	}
}

const show = (v: unknown): string | null =>
	v === null || v === undefined ? null : Decimal.isDecimal(v) ? v.toFixed() : String(v);

/** Figures of `truth` that do not come back from `doc` (empty = all exact). */
export function figureMismatches(doc: ParsedDocument, truth: readonly TruthLine[]): Mismatch[] {
	const out: Mismatch[] = [];
	for (const t of truth) {
		if (t.kind !== 'figure') continue;
		const rows = candidates(doc, t);
		const hit = rows.find((r) => {
			const v = r[t.column];
			if (t.column === 'target_raw') return typeof v === 'string' && v === t.value;
			return Decimal.isDecimal(v) && v.eq(t.value);
		});
		if (!hit) out.push({ truth: t, got: show(rows[0]?.[t.column]) });
	}
	return out;
}

export interface RecallCount {
	rule: string;
	injected: number;
	found: number;
}

/** Per rule: injected anomalies and how many are flagged at their line. */
export function anomalyRecall(
	flags: readonly FlagRecord[],
	truth: readonly AnomalyTruth[],
	docIdOf: (name: string) => string | undefined
): RecallCount[] {
	const seen = new Set(flags.map((f) => `${f.doc_id}|${f.rule_id}|${f.source_line ?? ''}`));
	const byRule = new Map<string, RecallCount>();
	for (const a of truth) {
		const r = byRule.get(a.rule) ?? { rule: a.rule, injected: 0, found: 0 };
		byRule.set(a.rule, r);
		r.injected++;
		if (seen.has(`${docIdOf(a.doc) ?? ''}|${a.rule}|${a.line}`)) r.found++;
	}
	return [...byRule.values()].sort((a, b) => (a.rule < b.rule ? -1 : 1));
}
