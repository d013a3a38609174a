/**
 * Human-readable lines printed by the ingest CLI: one per document and a
 * final summary. Pure formatting; no I/O.
 */
import type { ParsedDocument } from '../ingest/model';
import type { Manifest, ManifestDocument } from '../schema/manifest';
import { isUnknownLayout } from './ingest';

const KIND_ZH = { budget: '预算', final: '决算' } as const;

function issueCounts(doc: ParsedDocument): string {
	const c = { error: 0, warning: 0, info: 0 };
	for (const i of doc.issues) c[i.severity]++;
	return `issues ${c.error} error / ${c.warning} warning / ${c.info} info`;
}

export function documentLine(doc: ParsedDocument): string {
	const d = doc.document;
	const who = d.department_name ?? '(部门未识别 department unknown)';
	const year = d.fiscal_year ?? '????';
	const tables = d.tables_found === '' ? [] : d.tables_found.split(',');
	const head = `${isUnknownLayout(doc) ? '?' : '✓'} ${d.source_name}  ${who} ${year} ${KIND_ZH[d.kind]}`;
	const layout = isUnknownLayout(doc)
		? '未识别的版式，没有识别出任何标准表 (unknown layout: no standard table recognized); stored with its issues'
		: `tables ${tables.length} (${tables.join(',')})`;
	const rows = `rows ${d.rows_seen} seen / ${d.rows_stored} stored / ${d.rows_reported} reported`;
	return `${head}\n    ${layout}\n    ${rows}; ${issueCounts(doc)}`;
}

export interface RunTotals {
	ok: number;
	unknownLayout: number;
	failed: number;
	duplicates: number;
	skipped: number;
	bytes: number;
	parseSeconds: number;
	writeSeconds: number;
}

/** `documents`: the run's manifest entries (a large manifest omits its own). */
export function summaryLines(
	totals: RunTotals,
	manifest: Manifest | null,
	out: string,
	documents: readonly ManifestDocument[] = manifest?.documents ?? []
): string[] {
	const docs = documents;
	const sum = (f: (d: (typeof docs)[number]) => number) => docs.reduce((s, d) => s + f(d), 0);
	const mb = totals.bytes / 1e6;
	const secs = totals.parseSeconds;
	const lines = [
		`documents: ${totals.ok} ok (${totals.unknownLayout} unknown layout), ${totals.failed} failed, ${totals.duplicates} duplicate, ${totals.skipped} skipped files`,
		`rows: ${sum((d) => d.rows_seen)} seen / ${sum((d) => d.rows_stored)} stored / ${sum((d) => d.rows_reported)} reported`,
		`issues: ${sum((d) => d.issues.error)} error / ${sum((d) => d.issues.warning)} warning / ${sum((d) => d.issues.info)} info`,
		`parse: ${mb.toFixed(2)} MB in ${secs.toFixed(2)} s (${secs > 0 ? (mb / secs).toFixed(2) : '∞'} MB/s, ${secs > 0 ? ((totals.ok + totals.failed) / secs).toFixed(1) : '∞'} documents/s); snapshot write ${totals.writeSeconds.toFixed(2)} s`
	];
	if (manifest)
		lines.push(
			`snapshot ${manifest.snapshot_id} (${manifest.layout}, ${manifest.document_count} documents) → ${out}`
		);
	return lines;
}
