/**
 * FlagSink: collects the flags of one document. Fills doc_id, severity (from
 * the catalogue unless overridden) and a deterministic flag_id
 * (`rule:doc:line:n`), and serializes evidence to JSON text. Decimal values
 * in evidence become exact strings. Pure TypeScript.
 */
import Decimal from 'decimal.js';
import type { FlagRecord, Severity } from '../ingest/model';
import { ruleById } from './catalogue';

export interface FlagInput {
	project_code?: string | null;
	table_name: string;
	source_line: number | null;
	message: string;
	evidence: Record<string, unknown>;
	severity?: Severity;
}

function plain(value: unknown): unknown {
	if (Decimal.isDecimal(value)) return value.toString();
	if (Array.isArray(value)) return value.map(plain);
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = plain(v);
		return out;
	}
	return value;
}

export class FlagSink {
	readonly flags: FlagRecord[] = [];
	private readonly counters = new Map<string, number>();

	constructor(readonly docId: string) {}

	add(ruleId: string, f: FlagInput): void {
		const rule = ruleById(ruleId);
		const key = `${ruleId}:${this.docId}:${f.source_line ?? 0}`;
		const n = (this.counters.get(key) ?? 0) + 1;
		this.counters.set(key, n);
		this.flags.push({
			flag_id: `${key}:${n}`,
			rule_id: ruleId,
			severity: f.severity ?? rule.severity,
			doc_id: this.docId,
			project_code: f.project_code ?? null,
			table_name: f.table_name,
			source_line: f.source_line,
			message: f.message,
			evidence: JSON.stringify(plain(f.evidence))
		});
	}
}
