/**
 * Boilerplate (family 'boilerplate'): projects whose indicator sets are
 * identical (names and targets), and purposes or goals that name another
 * project of the same document instead of their own subject.
 */
import type { ProjectRecord } from '../ingest/model';
import { isPlaceholder } from './classify';
import { shorten, type RuleInput, pushTo } from './context';

export function boilerplateRules(input: RuleInput): void {
	identicalSets(input);
	copiedText(input);
}

function identicalSets(input: RuleInput): void {
	const sets = new Map<number, string[]>();
	for (const i of input.doc.tables.indicators) {
		if (i.project_seq === null || isPlaceholder(i.name)) continue;
		pushTo(sets, i.project_seq, `${i.level2 ?? ''}|${i.name}|${i.target_raw ?? ''}`);
	}
	const seen = new Map<string, number>();
	for (const [seq, list] of [...sets].sort((a, b) => a[0] - b[0])) {
		if (list.length < 3) continue;
		const key = [...list].sort().join('\n');
		const first = seen.get(key);
		if (first === undefined) {
			seen.set(key, seq);
			continue;
		}
		const p = input.projects.get(seq);
		const q = input.projects.get(first);
		if (!p || !q) continue;
		input.sink.add('identical_indicator_sets', {
			project_code: p.project_code,
			table_name: 'projects',
			source_line: p.source_line,
			message: `项目“${shorten(p.project_name)}”的 ${list.length} 个绩效指标与项目“${shorten(q.project_name)}”完全相同。`,
			evidence: {
				project_seq: seq,
				same_as_seq: first,
				same_as_code: q.project_code,
				same_as_line: q.source_line,
				indicators: list.length
			}
		});
	}
}

/** A project's subject: its name without bracketed parts and document numbers. */
function subject(p: ProjectRecord): string {
	return p.project_name
		.replace(/[（(【[][^）)】\]]{0,60}[）)】\]]/g, '')
		.replace(/\s+/g, '')
		.trim();
}

function copiedText(input: RuleInput): void {
	const projects = input.doc.tables.projects;
	// Pairwise text search: skipped for implausibly large documents (hostile input).
	if (projects.length > 500) return;
	const subjects = projects.map((p) => ({ p, s: subject(p) }));
	for (const { p, s } of subjects) {
		const text = `${p.purpose ?? ''}${p.goals ?? ''}`.replace(/\s+/g, '').slice(0, 5000);
		if (text === '' || s.length < 4 || text.includes(s)) continue;
		const other = subjects.find(
			(o) =>
				o.p !== p &&
				o.s.length >= 6 &&
				o.s.length <= 30 &&
				!s.includes(o.s) &&
				!o.s.includes(s) &&
				text.includes(o.s)
		);
		if (!other) continue;
		input.sink.add('copied_text', {
			project_code: p.project_code,
			table_name: 'projects',
			source_line: p.source_line,
			message: `项目“${shorten(p.project_name)}”的说明没有提到本项目，却写了另一个项目“${shorten(other.p.project_name)}”的名称。`,
			evidence: {
				project_seq: p.project_seq,
				own_subject: s,
				other_subject: other.s,
				other_seq: other.p.project_seq,
				other_line: other.p.source_line
			}
		});
	}
}
