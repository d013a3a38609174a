/**
 * Summaries for `npm run bench`: percentiles, the per-view comparison of the
 * browser's statements (DuckDB-WASM) with their native replay, cold-start
 * medians, and the machine description printed with every report.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { ColdRun, Visit } from './bench-browser';

/** Nearest-rank percentile; null for no samples. */
export function pct(xs: readonly number[], p: number): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? null;
}

export const r1 = (x: number | null): number | null =>
	x === null ? null : Math.round(x * 10) / 10;

export interface ViewSummary {
	statements: number;
	wasm_p50_ms: number | null;
	wasm_p95_ms: number | null;
	native_p50_ms: number | null;
	native_p95_ms: number | null;
	/** WASM p50 / native p50. */
	ratio: number | null;
	first_visit_ms: number | null;
	warm_visit_p50_ms: number | null;
	first_visit_bytes: number;
	/** The data layer's own byte count for the first visit (cross-check of the CDP bytes). */
	first_visit_app_bytes: number | null;
	warm_visit_bytes_p50: number | null;
	errors: string[];
}

export function summarizeView(
	visits: readonly Visit[],
	native: { ms: number[]; errors: string[] } | undefined
): ViewSummary {
	const wasm = visits.flatMap((v) => v.queries.map((q) => q.ms));
	const first = visits.find((v) => v.round === 0);
	const warm = visits.filter((v) => v.round > 0);
	const w50 = pct(wasm, 50);
	const n50 = native ? pct(native.ms, 50) : null;
	return {
		statements: first?.queries.length ?? 0,
		wasm_p50_ms: r1(w50),
		wasm_p95_ms: r1(pct(wasm, 95)),
		native_p50_ms: r1(n50),
		native_p95_ms: r1(native ? pct(native.ms, 95) : null),
		ratio: w50 !== null && n50 !== null && n50 > 0 ? r1(w50 / n50) : null,
		first_visit_ms: r1(first?.visit_ms ?? null),
		warm_visit_p50_ms: r1(
			pct(
				warm.flatMap((v) => (v.visit_ms === null ? [] : [v.visit_ms])),
				50
			)
		),
		first_visit_bytes: first?.bytes ?? 0,
		first_visit_app_bytes: first?.app_bytes ?? null,
		warm_visit_bytes_p50: pct(
			warm.map((v) => v.bytes),
			50
		),
		errors: [
			...new Set([
				...visits.flatMap((v) => (v.error ? [v.error] : [])),
				...(native?.errors ?? []).map((e) => `native: ${e}`)
			])
		]
	};
}

export interface ColdSummary {
	runs: number;
	ok: number;
	first_chart_p50_ms: number | null;
	ready_p50_ms: number | null;
	bytes_to_first_chart_p50: number | null;
	/** p50 of every numeric field of window.__budgetlensColdStart. */
	marks_p50: Record<string, number | null>;
	errors: string[];
}

export function summarizeCold(runs: readonly ColdRun[]): ColdSummary {
	const ok = runs.filter((r) => r.error === null);
	const keys = [...new Set(ok.flatMap((r) => Object.keys(r.cold_start ?? {})))].sort();
	const num = (v: unknown) => (typeof v === 'number' ? [v] : []);
	return {
		runs: runs.length,
		ok: ok.length,
		first_chart_p50_ms: r1(
			pct(
				ok.flatMap((r) => num(r.first_chart_ms)),
				50
			)
		),
		ready_p50_ms: r1(
			pct(
				ok.flatMap((r) => num(r.ready_ms)),
				50
			)
		),
		bytes_to_first_chart_p50: pct(
			ok.map((r) => r.bytes_to_first_chart),
			50
		),
		marks_p50: Object.fromEntries(
			keys.map((k) => [
				k,
				r1(
					pct(
						ok.flatMap((r) => num(r.cold_start?.[k])),
						50
					)
				)
			])
		),
		errors: [...new Set(runs.flatMap((r) => (r.error ? [r.error] : [])))]
	};
}

function cmd(file: string, args: string[]): string {
	try {
		return execFileSync(file, args, {
			encoding: 'utf8',
			timeout: 10_000,
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		return '?';
	}
}

export function machine(): Record<string, string | number> {
	return {
		date: new Date().toISOString(),
		nproc: Number(cmd('nproc', [])) || os.cpus().length,
		cpu: os.cpus()[0]?.model ?? '?',
		memory_gb: Math.round(os.totalmem() / 1e9),
		load_average: os
			.loadavg()
			.map((x) => x.toFixed(2))
			.join(' '),
		node: process.version,
		chromium: cmd('/usr/bin/chromium', ['--version']).split('\n')[0] ?? '?'
	};
}

export const kb = (b: number | null): string => (b === null ? '–' : `${(b / 1024).toFixed(0)} KB`);
export const ms = (x: number | null): string => (x === null ? '–' : String(x));
