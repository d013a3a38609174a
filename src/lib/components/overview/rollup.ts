/**
 * 总览 from rollup_overview (one row per fiscal_year, province, kind; exact
 * DECIMAL sums): the chart's bars per year stacked by province, and a
 * per-year table. Sums stay exact (decimal.js); floats only for the chart.
 * The flag counts of the rollup are not read (see dropped.ts).
 */
import { Decimal } from 'decimal.js';
import type { Row } from '$lib/db/types';
import { toFloat } from '../display';

export interface RollupOverviewRow {
	fiscal_year: number | null;
	province: string | null;
	kind: string;
	documents: number;
	departments: number;
	expenditure_total: string | null;
	basic_total: string | null;
	project_total: string | null;
	three_public_total: string | null;
	project_count: number;
	indicator_count: number;
	issue_count: number;
}

export const NO_PROVINCE = '省份未知';
export const NO_YEAR = '年度未知';

function num(v: unknown): number {
	return typeof v === 'number' ? v : Number(v ?? 0) || 0;
}
function str(v: unknown): string | null {
	return v === null || v === undefined ? null : String(v);
}

export function rollupRows(rows: readonly Row[]): RollupOverviewRow[] {
	return rows.map((r) => ({
		fiscal_year: r.fiscal_year === null ? null : num(r.fiscal_year),
		province: str(r.province),
		kind: String(r.kind ?? ''),
		documents: num(r.documents),
		departments: num(r.departments),
		expenditure_total: str(r.expenditure_total),
		basic_total: str(r.basic_total),
		project_total: str(r.project_total),
		three_public_total: str(r.three_public_total),
		project_count: num(r.project_count),
		indicator_count: num(r.indicator_count),
		issue_count: num(r.issue_count)
	}));
}

/** Kinds present, budget first. */
export function kindsOf(rows: readonly RollupOverviewRow[]): string[] {
	return [...new Set(rows.map((r) => r.kind))].sort((a, b) =>
		a === 'budget' ? -1 : b === 'budget' ? 1 : a.localeCompare(b)
	);
}

const yearLabel = (y: number | null) => (y === null ? NO_YEAR : String(y));

/** Bars: one per year (ascending, unknown last), a segment per province (万元, float). */
export function yearBars(rows: readonly RollupOverviewRow[], kind: string) {
	const mine = rows.filter((r) => r.kind === kind && r.expenditure_total !== null);
	const years = [...new Set(mine.map((r) => r.fiscal_year))].sort(
		(a, b) => (a ?? Infinity) - (b ?? Infinity)
	);
	return years.map((y) => ({
		label: yearLabel(y),
		segments: mine
			.filter((r) => r.fiscal_year === y)
			.map((r) => ({ key: r.province ?? NO_PROVINCE, value: toFloat(r.expenditure_total) }))
	}));
}

export interface YearSummary {
	year: string;
	kind: string;
	documents: number;
	/** Departments (a department key belongs to one province, so the sum is exact). */
	departments: number;
	provinces: number;
	/** Exact sum, 万元. */
	expenditure_total: string;
}

export function yearSummaries(rows: readonly RollupOverviewRow[]): YearSummary[] {
	const groups = new Map<string, RollupOverviewRow[]>();
	for (const r of rows) {
		const k = `${r.fiscal_year ?? ''}\u0000${r.kind}`;
		groups.set(k, [...(groups.get(k) ?? []), r]);
	}
	return [...groups.values()]
		.map((g) => ({
			year: yearLabel(g[0]!.fiscal_year),
			kind: g[0]!.kind,
			documents: g.reduce((s, r) => s + r.documents, 0),
			departments: g.reduce((s, r) => s + r.departments, 0),
			provinces: new Set(g.map((r) => r.province)).size,
			expenditure_total: g
				.reduce((s, r) => s.plus(r.expenditure_total ?? 0), new Decimal(0))
				.toFixed(4)
		}))
		.sort((a, b) => a.year.localeCompare(b.year) || a.kind.localeCompare(b.kind));
}
