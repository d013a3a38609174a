/**
 * What every single-document rule receives: the parsed document, the flag
 * sink, and lookups (project by seq, short labels for messages).
 */
import type { IndicatorRecord, ParsedDocument, ProjectRecord } from '../ingest/model';
import type { FlagSink } from './sink';

export interface RuleInput {
	doc: ParsedDocument;
	sink: FlagSink;
	projects: Map<number, ProjectRecord>;
}

export type DocumentRule = (input: RuleInput) => void;

export function shorten(s: string, max = 24): string {
	const t = s.replace(/\s+/g, ' ').trim();
	return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** `项目“X”的指标“Y”` or `部门整体指标“Y”`. */
export function indicatorLabel(input: RuleInput, i: IndicatorRecord): string {
	const p = i.project_seq === null ? undefined : input.projects.get(i.project_seq);
	const owner = p ? `项目“${shorten(p.project_name)}”的` : '部门整体';
	return `${owner}${i.level2 ?? ''}“${shorten(i.name)}”`;
}

export function indicatorEvidence(i: IndicatorRecord): Record<string, unknown> {
	return {
		project_seq: i.project_seq,
		level2: i.level2,
		name: i.name,
		target_raw: i.target_raw,
		target_op: i.target_op,
		target_value: i.target_value,
		target_unit: i.target_unit
	};
}

/** Appends `value` to the list under `key` (linear: no copying). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
