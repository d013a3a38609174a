/**
 * The outlier engine's single-document rules: `documentFlags(doc)` runs every
 * rule of the catalogue whose scope is 'document' over one ParsedDocument and
 * returns its flags. Pure TypeScript: parseDocument calls it at ingest time
 * (Node and browser alike). A rule group that throws on hostile input is
 * skipped (the others still run) and reported in `failures`, which
 * parseDocument turns into `rule_error` parse issues.
 */
import type { FlagRecord, ParsedDocument, ProjectRecord } from '../ingest/model';
import { boilerplateRules } from './boilerplate';
import { classifiedRules } from './classified';
import type { DocumentRule, RuleInput } from './context';
import { costRules } from './costs';
import { FlagSink } from './sink';
import { summaryRules } from './summary';
import { targetRules } from './targets';
import { textRules } from './text';
import { threePublicRules } from './three-public';
import { unitRules } from './units';

export {
	RULES,
	ruleById,
	PEER_RULE_IDS,
	FAMILY_TITLES,
	type RuleDef,
	type RuleFamily
} from './catalogue';

const DOCUMENT_RULES: readonly [string, DocumentRule][] = [
	['targets', targetRules],
	['units', unitRules],
	['classified', classifiedRules],
	['summary', summaryRules],
	['three_public', threePublicRules],
	['costs', costRules],
	['text', textRules],
	['boilerplate', boilerplateRules]
];

export interface DocumentFlagsResult {
	flags: FlagRecord[];
	/** Rule groups that threw, with the error message (the others still ran). */
	failures: { group: string; message: string }[];
}

export function runDocumentRules(doc: ParsedDocument): DocumentFlagsResult {
	const sink = new FlagSink(doc.document.doc_id);
	const projects = new Map<number, ProjectRecord>();
	for (const p of doc.tables.projects)
		if (!projects.has(p.project_seq)) projects.set(p.project_seq, p);
	const input: RuleInput = { doc, sink, projects };
	const failures: DocumentFlagsResult['failures'] = [];
	for (const [group, rule] of DOCUMENT_RULES) {
		try {
			rule(input);
		} catch (e) {
			failures.push({ group, message: e instanceof Error ? e.message : String(e) });
		}
	}
	return { flags: sink.flags, failures };
}

/** Flags of one document (rule failures dropped; see runDocumentRules). */
export function documentFlags(doc: ParsedDocument): FlagRecord[] {
	return runDocumentRules(doc).flags;
}
