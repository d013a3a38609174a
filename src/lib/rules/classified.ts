/**
 * Children vs parent in every classified table (功能分类 income, expenditure,
 * appropriation per fund; 经济分类 basic expenditure): each 类 against its 款,
 * each 款 against its 项, the 合计 row against the 类. A difference of at most
 * 0.01 万元 is a rounding residue (info); more is a real gap (error). One
 * flag per parent row, naming the columns that disagree.
 */
import Decimal from 'decimal.js';
import { fmt, RESIDUE, sum } from './money';
import type { RuleInput } from './context';

interface Row {
	code: string | null;
	name: string;
	level: number;
	line: number;
	values: Record<string, Decimal | null>;
}

const COLUMNS: Record<string, readonly string[]> = {
	income_by_function: ['total', 'current_year', 'fiscal_appropriation', 'carryover'],
	expenditure_by_function: ['total', 'basic', 'project'],
	appropriation_by_function: ['total', 'basic', 'project'],
	basic_by_economic: ['total', 'personnel', 'public']
};

function pick(rec: object, cols: readonly string[]): Record<string, Decimal | null> {
	const out: Record<string, Decimal | null> = {};
	const r = rec as Record<string, unknown>;
	for (const c of cols) out[c] = Decimal.isDecimal(r[c]) ? (r[c] as Decimal) : null;
	return out;
}

export function classifiedRules(input: RuleInput): void {
	const t = input.doc.tables;
	const funcRow =
		(cols: readonly string[]) =>
		(
			r:
				| (typeof t.income_by_function)[number]
				| (typeof t.expenditure_by_function)[number]
				| (typeof t.appropriation_by_function)[number]
		): Row => ({
			code: r.func_code,
			name: r.func_name,
			level: r.level,
			line: r.source_line,
			values: pick(r, cols)
		});
	checkTable(
		input,
		'income_by_function',
		t.income_by_function.map(funcRow(COLUMNS.income_by_function!))
	);
	checkTable(
		input,
		'expenditure_by_function',
		t.expenditure_by_function.map(funcRow(COLUMNS.expenditure_by_function!))
	);
	for (const fund of ['general', 'gov_fund', 'soe_capital'] as const)
		checkTable(
			input,
			'appropriation_by_function',
			t.appropriation_by_function
				.filter((r) => r.fund === fund)
				.map(funcRow(COLUMNS.appropriation_by_function!))
		);
	checkTable(
		input,
		'basic_by_economic',
		t.basic_by_economic.map((r) => ({
			code: r.econ_code,
			name: r.econ_name,
			level: r.level,
			line: r.source_line,
			values: pick(r, COLUMNS.basic_by_economic!)
		}))
	);
}

/** Children by `level|code prefix` (prefixes of 3 and 5 digits), so each lookup is O(1). */
function childIndex(rows: readonly Row[]): Map<string, Row[]> {
	const index = new Map<string, Row[]>();
	for (const r of rows) {
		if (r.code === null) continue;
		for (const len of [3, 5]) {
			if (r.code.length <= len) continue;
			const key = `${r.level}|${r.code.slice(0, len)}`;
			const list = index.get(key);
			if (list) list.push(r);
			else index.set(key, [r]);
		}
	}
	return index;
}

function childrenOf(rows: readonly Row[], index: Map<string, Row[]>, parent: Row): Row[] {
	if (parent.level === 0) return rows.filter((r) => r.level === 1);
	if (parent.code === null) return [];
	return index.get(`${parent.level + 1}|${parent.code}`) ?? [];
}

function checkTable(input: RuleInput, table: string, rows: readonly Row[]): void {
	if (rows.length === 0) return;
	// Two 合计 rows or repeated codes mean the parser saw an unusual layout: skip rather than guess.
	if (rows.filter((r) => r.level === 0).length > 1) return;
	const codes = rows.filter((r) => r.code !== null).map((r) => r.code);
	if (new Set(codes).size !== codes.length) return;
	const index = childIndex(rows);
	for (const parent of rows) {
		if (parent.level >= 3) continue;
		const children = childrenOf(rows, index, parent);
		if (children.length === 0) continue;
		const diffs: { column: string; parent: string; children: string; diff: string }[] = [];
		let gap = false;
		// A parent without a total whose children have one: the row's columns were not read reliably.
		if (parent.values.total === null && children.some((c) => c.values.total)) continue;
		for (const [column, pv] of Object.entries(parent.values)) {
			const cv = children.map((c) => c.values[column] ?? null);
			if (pv === null || cv.every((v) => v === null)) continue;
			const s = sum(cv);
			const d = pv.minus(s);
			if (d.isZero()) continue;
			if (d.abs().gt(RESIDUE)) gap = true;
			diffs.push({ column, parent: fmt(pv), children: fmt(s), diff: fmt(d) });
		}
		const first = diffs[0];
		if (!first) continue;
		const who = parent.level === 0 ? '合计行' : `科目 ${parent.code ?? ''} ${parent.name}`;
		input.sink.add(gap ? 'classified_gap' : 'classified_rounding', {
			table_name: table,
			source_line: parent.line,
			message: gap
				? `${who}的 ${first.column} 为 ${first.parent} 万元，其 ${children.length} 个下级科目之和为 ${first.children} 万元，相差 ${first.diff} 万元。`
				: `${who}与其 ${children.length} 个下级科目之和相差 ${first.diff} 万元，属四舍五入尾差。`,
			evidence: {
				code: parent.code,
				name: parent.name,
				level: parent.level,
				children: children.length,
				child_lines: children.map((c) => c.line),
				columns: diffs
			}
		});
	}
}
