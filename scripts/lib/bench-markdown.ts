/**
 * The markdown report of `npm run bench` (bench-results/bench.md, also
 * printed): machine, ingest throughput, and per scale the snapshot, cold
 * start and the per-view table WASM vs native.
 */
import { kb, ms, type ColdSummary, type ViewSummary } from './bench-stats';

export interface ScaleResult {
	scale: string;
	data_name: string;
	snapshot: Record<string, unknown> | null;
	department: string | null;
	/** Which /data/<name>/ folders the app fetched (shows whether `?data=` was honoured). */
	data_folders: string[];
	native_load_ms: number | null;
	cold: ColdSummary | null;
	views: Record<string, ViewSummary>;
	error: string | null;
}

export interface IngestResult {
	phase: string;
	mb_per_s: number;
	documents_per_s: number;
	documents: number;
	seconds: number;
}

export interface BenchReport {
	machine: Record<string, string | number>;
	runs: number;
	ingest: { results: IngestResult[]; corpus_documents: number | null; error: string | null } | null;
	synthetic_ingest: string | null;
	scales: ScaleResult[];
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(r: BenchReport): string {
	const m = r.machine;
	const out: string[] = [
		'# BudgetLens benchmark (`npm run bench`)',
		'',
		`${m.date} · ${m.nproc} cores (${m.cpu}), ${m.memory_gb} GB · load average ${m.load_average_start} at the start, ${m.load_average} at the end · node ${m.node} · ${m.chromium} · ${r.runs} runs`,
		''
	];
	if (r.ingest) {
		out.push(`## Ingest (real corpus, ${r.ingest.corpus_documents ?? '?'} documents)`, '');
		if (r.ingest.error) out.push(`Error: ${esc(r.ingest.error)}`, '');
		else {
			out.push('| phase | MB/s | documents/s |', '| --- | ---: | ---: |');
			for (const x of r.ingest.results)
				out.push(`| ${x.phase} | ${x.mb_per_s.toFixed(2)} | ${x.documents_per_s.toFixed(1)} |`);
			out.push('');
		}
	}
	if (r.synthetic_ingest) out.push('Synthetic ingest:', '', '```', r.synthetic_ingest, '```', '');
	for (const s of r.scales) {
		const snap = s.snapshot as {
			documents?: number;
			fact_rows?: number;
			bytes?: number;
			layout?: string;
		} | null;
		out.push(`## ${s.scale} fact rows (\`?data=${s.data_name}\`)`, '');
		if (snap)
			out.push(
				`Snapshot: ${snap.documents} documents, ${snap.fact_rows} fact rows, ${((snap.bytes ?? 0) / 1e6).toFixed(1)} MB, layout ${snap.layout}; department view: \`${s.department ?? '?'}\`; app fetched from ${s.data_folders.join(', ') || '–'}; native load (all tables) ${ms(s.native_load_ms)} ms.`,
				''
			);
		if (s.error) out.push(`**Error:** ${esc(s.error)}`, '');
		const c = s.cold;
		if (c) {
			out.push(
				`Cold start (${c.ok}/${c.runs} runs ok, p50): first chart ${ms(c.first_chart_p50_ms)} ms, ready ${ms(c.ready_p50_ms)} ms, ${kb(c.bytes_to_first_chart_p50)} fetched before the first chart.`
			);
			const marks = Object.entries(c.marks_p50);
			if (marks.length)
				out.push(
					'',
					`window.__budgetlensColdStart p50: ${marks.map(([k, v]) => `${k} ${v ?? '–'}`).join(', ')}`
				);
			else out.push('', 'window.__budgetlensColdStart: not set by this build.');
			for (const e of c.errors) out.push('', `Cold start error: ${esc(e)}`);
			out.push('');
		}
		const views = Object.entries(s.views);
		if (views.length) {
			out.push(
				'| view | statements | WASM p50 / p95 ms | native p50 / p95 ms | WASM ÷ native | first visit ms | warm visit p50 ms | bytes first visit (CDP / data layer) | bytes warm p50 | errors |',
				'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
			);
			for (const [id, v] of views)
				out.push(
					`| ${id} | ${v.statements} | ${ms(v.wasm_p50_ms)} / ${ms(v.wasm_p95_ms)} | ${ms(v.native_p50_ms)} / ${ms(v.native_p95_ms)} | ${v.ratio === null ? '–' : `${v.ratio}×`} | ${ms(v.first_visit_ms)} | ${ms(v.warm_visit_p50_ms)} | ${kb(v.first_visit_bytes)} / ${kb(v.first_visit_app_bytes)} | ${kb(v.warm_visit_bytes_p50)} | ${esc(v.errors.join('; ')) || ''} |`
				);
			out.push(
				'',
				'WASM holds only the row groups the views visited so far (lazy loading); native holds the whole snapshot.',
				''
			);
		}
	}
	return out.join('\n');
}
