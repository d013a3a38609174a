/**
 * An early look at the snapshot while DuckDB-WASM is still starting: the
 * manifest.json (a few kB) lists every document with its department, year,
 * kind and row accounting. 总览 draws it at once, then replaces it with the
 * queried figures (snapshots without rollups; see snapshot-meta.svelte.ts,
 * which fetches the manifest). Untrusted JSON: every field is checked; bad
 * entries are skipped.
 */
export interface PreviewDoc {
	doc_id: string;
	label: string;
	rows_stored: number;
	rows_reported: number;
}

function str(v: unknown): string | null {
	return typeof v === 'string' && v.length <= 300 ? v : null;
}
function int(v: unknown): number {
	return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0;
}

export function previewDocs(json: unknown): PreviewDoc[] {
	if (typeof json !== 'object' || json === null) return [];
	const docs = (json as { documents?: unknown }).documents;
	if (!Array.isArray(docs)) return [];
	const out: PreviewDoc[] = [];
	for (const d of docs.slice(0, 5000)) {
		if (typeof d !== 'object' || d === null) continue;
		const r = d as Record<string, unknown>;
		const id = str(r.doc_id);
		if (!id) continue;
		const name = str(r.department_name) ?? str(r.source_name) ?? id;
		const year = typeof r.fiscal_year === 'number' ? ` ${r.fiscal_year}` : '';
		const kind = r.kind === 'final' ? '决算' : r.kind === 'budget' ? '预算' : '';
		out.push({
			doc_id: id,
			label: `${name}${year}${kind}`,
			rows_stored: int(r.rows_stored),
			rows_reported: int(r.rows_reported)
		});
	}
	return out;
}
