/**
 * 异常指标 flags: the list a supervisor works through, filterable by rule,
 * severity, department and document, each with its source line's text; and
 * counts by rule and department. Reads the `flags` table, which the loaders
 * create empty when the snapshot has none (the engine is issue #4).
 */
import type { Statement } from '../db/types';
import { deptKey, Params, deptIn } from './sql';

export interface FlagFilter {
	rules?: readonly string[];
	severities?: readonly string[];
	departments?: readonly string[];
	docIds?: readonly string[];
	limit?: number;
}

export interface FlagRow {
	flag_id: string;
	rule_id: string;
	severity: string;
	doc_id: string;
	dept_key: string | null;
	department_name: string | null;
	fiscal_year: number | null;
	project_code: string | null;
	table_name: string | null;
	source_line: number | null;
	message: string;
	evidence: string | null;
	/** Text of the source line, when the snapshot holds it. */
	line_text: string | null;
}

function where(p: Params, f: FlagFilter): string {
	return [
		p.inList('f.rule_id', f.rules ?? []),
		p.inList('f.severity', f.severities ?? []),
		deptIn(p, f.departments ?? [], deptKey('d'), 'd.department_name'),
		p.inList('f.doc_id', f.docIds ?? [])
	].join(' AND ');
}

const SEVERITY_ORDER = `CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

export function flagsQuery(filter: FlagFilter = {}): Statement {
	const p = new Params();
	const limit = Math.max(1, Math.min(Math.floor(filter.limit ?? 5000), 100_000));
	return p.statement(`
SELECT f.flag_id::VARCHAR AS flag_id, f.rule_id, f.severity, f.doc_id,
	CASE WHEN d.doc_id IS NULL THEN NULL ELSE ${deptKey('d')} END AS dept_key, d.department_name,
	d.fiscal_year::INTEGER AS fiscal_year, f.project_code, f.table_name,
	f.source_line::INTEGER AS source_line, f.message, f.evidence::VARCHAR AS evidence,
	s.text AS line_text
FROM flags f
LEFT JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN source_lines s ON s.doc_id = f.doc_id AND s.line_no = f.source_line
WHERE ${where(p, filter)}
ORDER BY ${SEVERITY_ORDER}, f.rule_id, dept_key, f.doc_id, f.source_line, f.flag_id
LIMIT ${p.add(limit)}`);
}

export interface FlagCountRow {
	rule_id: string;
	severity: string;
	dept_key: string | null;
	n: number;
}

/** Counts per rule, severity and department (for the filter sidebar and bars). */
export function flagCountsQuery(filter: FlagFilter = {}): Statement {
	const p = new Params();
	return p.statement(`
SELECT f.rule_id, f.severity, CASE WHEN d.doc_id IS NULL THEN NULL ELSE ${deptKey('d')} END AS dept_key,
	count(*)::INTEGER AS n
FROM flags f LEFT JOIN documents d ON d.doc_id = f.doc_id
WHERE ${where(p, filter)}
GROUP BY ALL
ORDER BY n DESC, f.rule_id, f.severity, dept_key`);
}
