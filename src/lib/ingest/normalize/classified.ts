/**
 * Shared reading of classified tables (功能分类 / 经济分类 rows): where the
 * 序号, code and name columns are, the code of a row (whole, split by the
 * extraction, or in separate 类/款/项 columns), its level, and its amounts
 * mapped to record fields by header label.
 */
import Decimal from 'decimal.js';
import { parseAmount } from '../amount';
import {
	codeFromParts,
	codeLevel,
	economicCodeForName,
	isCodeLike,
	joinCode,
	type CodeKind
} from '../classification';
import type { ParseContext } from '../context';
import type { AmountUnit } from '../model';
import { compact, findLabel, type Grid, type LogicalRow } from '../recognize/financial/grid';

export interface ClassifiedLayout {
	seqCol: number;
	codeCols: number[];
	nameCol: number;
}

export function classifiedLayout(labels: string[]): ClassifiedLayout {
	const seqCol = /序号/.test(labels[0] ?? '') ? 0 : -1;
	const split = ['类', '款', '项']
		.map((part) => labels.findIndex((l) => new RegExp(`(^|/)${part}$`).test(l)))
		.filter((i) => i >= 0);
	let codeCols = split.length >= 2 ? split : [];
	if (codeCols.length === 0) {
		const c = findLabel(labels, /编码|代码/);
		if (c >= 0) codeCols = [c];
	}
	let nameCol = findLabel(labels, /名称/);
	if (nameCol < 0) nameCol = findLabel(labels, /(^|\/)项目(名称)?$/);
	if (nameCol < 0 && codeCols.length > 0) nameCol = Math.max(...codeCols) + 1;
	// One code label over unlabelled columns (`科目编码||||科目名称`): 类/款/项 parts.
	const c0 = codeCols[0];
	if (codeCols.length === 1 && c0 !== undefined && nameCol - c0 >= 2 && nameCol - c0 <= 3) {
		const between = labels.slice(c0 + 1, nameCol);
		if (between.every((l) => l === ''))
			codeCols = Array.from({ length: nameCol - c0 }, (_, i) => c0 + i);
	}
	return { seqCol, codeCols, nameCol };
}

/** Key columns of a classified table: a continuation row leaves them empty. */
export function classifiedKeys(labels: string[]): number[] {
	const l = classifiedLayout(labels);
	return l.seqCol >= 0 ? [l.seqCol, ...l.codeCols] : l.codeCols;
}

export type FieldRule<F extends string> = [RegExp, F];

export interface ParsedRow<F extends string> {
	row: LogicalRow;
	code: string | null;
	name: string;
	level: 0 | 1 | 2 | 3;
	values: Partial<Record<F, Decimal | null>>;
}

/** 合计 rows; 决算 tables also print `人员经费合计` / `公用经费合计`. */
const TOTAL = /^([\u4e00-\u9fa5]{0,6}合计|总计)$/;

/** A cell that only marks “more rows here” in a template: ellipses, 。。。, dots. */
const PLACEHOLDER = /^[…。.·⋯\s]+$/;

/** Removes extraction spaces inside a Chinese name, keeping spaces between Latin words. */
export function cleanName(s: string): string {
	return s
		.trim()
		.replace(/\s+/g, ' ')
		.replace(/(?<=[^\x20-\x7e]) | (?=[^\x20-\x7e])/g, '');
}

/** Drops empty cells at the ends until `cells` fits `width` columns. */
export function fitCells(cells: string[], width: number): string[] {
	const out = [...cells];
	while (out.length > width && out[out.length - 1] === '') out.pop();
	while (out.length > width && out[0] === '') out.shift();
	return out;
}

export interface ClassifiedSpec<F extends string> {
	table: string;
	kind: CodeKind;
	rules: FieldRule<F>[];
	/** Field for amounts when the table has no usable header labels. */
	fallback: F;
	/** Leave claiming to the caller (rows it does not store must stay unclaimed). */
	deferClaim?: boolean;
}

/**
 * Parses every row of a classified table. Rows that cannot be read are
 * reported (naming table and line) and skipped; the others are claimed.
 */
export function parseClassified<F extends string>(
	ctx: ParseContext,
	grid: Grid,
	spec: ClassifiedSpec<F>,
	defaultUnit: AmountUnit
): ParsedRow<F>[] {
	const layout = classifiedLayout(grid.labels);
	const amountStart = layout.nameCol + 1;
	const amountLabels = grid.labels.slice(amountStart);
	const fields = amountLabels.map((l) => spec.rules.find(([re]) => re.test(l))?.[1] ?? null);
	const out: ParsedRow<F>[] = [];
	let prevCode: string | null = null;
	for (const row of grid.rows) {
		const cells = row.cells;
		const codeCells = layout.codeCols.map((i) => cells[i] ?? '');
		let name = cleanName(layout.nameCol >= 0 ? (cells[layout.nameCol] ?? '') : '');
		// Code and name printed in one cell (`2010101 行政运行`).
		const joined = /^(\d{3}(?:\s?\d{2}){0,2})\s*([\u4e00-\u9fa5].*)$/.exec(codeCells[0] ?? '');
		if (joined && codeCells.length === 1) {
			codeCells[0] = joined[1] ?? '';
			if (name === '') name = cleanName(joined[2] ?? '');
		}
		// Template rows (`…|…`, `。。。`) stand for rows to fill in: structure, no record.
		if (cells.some((c) => c !== '') && cells.every((c) => c === '' || PLACEHOLDER.test(c))) {
			if (!spec.deferClaim) for (const n of row.lines) ctx.claim(n, spec.table, 'note');
			ctx.report(
				row.line,
				spec.table,
				'info',
				'placeholder_row',
				'模板占位行，未存储 (template placeholder row)'
			);
			continue;
		}
		const isTotal =
			TOTAL.test(compact(name)) ||
			codeCells.some((c) => TOTAL.test(compact(c))) ||
			(layout.nameCol < 0 && layout.codeCols.length === 0);
		let code: string | null = null;
		if (!isTotal) {
			const filled = codeCells.filter((c) => c !== '');
			const built =
				filled.length > 1
					? codeFromParts(codeCells)
					: isCodeLike(filled[0] ?? '')
						? { code: joinCode(filled[0] ?? ''), padded: false }
						: null;
			if (!built || codeLevel(spec.kind, built.code) === null) {
				ctx.report(
					row.line,
					spec.table,
					'warning',
					'bad_code',
					`科目编码无法识别 (classification code not recognized): "${codeCells.join(' ')}"`
				);
				continue;
			}
			code = built.code;
			if (built.padded) checkPadded(ctx, spec, row, code, name, prevCode);
			prevCode = code;
		}
		const unit = row.unit ?? defaultUnit;
		// A short 合计 row (`合计|156,211,123|…`) starts its figures right after the label.
		const totalAt = cells.findIndex((c) => TOTAL.test(compact(c)));
		// A 合计 row aligned with the others (`合计||9759.38|…`: empty name cell) keeps the columns.
		const aligned = cells.slice(totalAt + 1, amountStart).every((c) => c === '');
		const start =
			isTotal && totalAt >= 0 && totalAt < amountStart && !aligned ? totalAt + 1 : amountStart;
		const amounts = fitCells(cells.slice(start), Math.max(amountLabels.length, 1));
		const values: Partial<Record<F, Decimal | null>> = {};
		let bad = false;
		amounts.forEach((cell, i) => {
			const field = amountLabels.length === 0 && i === 0 ? spec.fallback : fields[i];
			const parsed = parseAmount(cell, unit);
			if (!parsed.ok) {
				ctx.report(row.line, spec.table, 'error', 'bad_amount', parsed.reason);
				bad = true;
				return;
			}
			if (field) values[field] = parsed.value;
			else if (parsed.value !== null && !parsed.value.isZero())
				ctx.report(
					row.line,
					spec.table,
					'info',
					'column_not_modeled',
					`列“${amountLabels[i] ?? i}”的金额未存储 (column not modeled): ${cell}`
				);
		});
		if (bad) continue;
		const level = code === null ? 0 : (codeLevel(spec.kind, code) ?? 0);
		if (!spec.deferClaim) claimRow(ctx, spec.table, row);
		const totalName = compact(cells[totalAt] ?? '合计');
		out.push({
			row,
			code,
			name: isTotal ? (totalAt >= 0 ? totalName : name || '合计') : name,
			level,
			values
		});
	}
	return out;
}

export function claimRow(ctx: ParseContext, table: string, row: LogicalRow): void {
	for (const n of row.lines) ctx.claim(n, table, n === row.line ? 'data' : 'continuation');
}

function checkPadded<F extends string>(
	ctx: ParseContext,
	spec: ClassifiedSpec<F>,
	row: LogicalRow,
	code: string,
	name: string,
	prevCode: string | null
): void {
	const std = spec.kind === 'economic' ? economicCodeForName(name) : null;
	if (std !== null && std !== code)
		ctx.report(
			row.line,
			spec.table,
			'warning',
			'code_name_mismatch',
			`补零后的编码 ${code} 与科目名称“${name}”的标准编码 ${std} 不符`
		);
	else if (prevCode && prevCode.length === code.length && prevCode >= code)
		ctx.report(
			row.line,
			spec.table,
			'warning',
			'code_order',
			`补零后的编码 ${code} 不大于前一科目 ${prevCode} (padded code out of order)`
		);
}

/** Zero when null, for sums. */
export const dz = (d: Decimal | null | undefined) => d ?? new Decimal(0);
