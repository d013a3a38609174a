/**
 * Converts a ParsedDocument (model.ts) into plain row objects per snapshot
 * table, ready for any writer (DuckDB appender, Arrow, JSON):
 *   DECIMAL → fixed-scale string ("6473.0300"), INTEGER → number,
 *   VARCHAR → string, missing → null.
 *
 * Values are checked against the schema. A record the schema cannot hold
 * (a required field missing, a non-integer line number, an amount too large
 * for DECIMAL(18,4)) never crashes the writer: the record is replaced by a
 * parse issue carrying its source line's raw text, or the offending amount
 * becomes NULL with an issue. Rows are sorted by the table's `orderBy` keys.
 * Pure TypeScript (browser and Node).
 */
import Decimal from 'decimal.js';
import type { ParsedDocument, ParseIssueRecord, Severity, TableName } from '../ingest/model';
import { provinceOf } from '../ingest/recognize/gazetteer';
import { decimalIntegerDigits, decimalScale, type Column, type TableDef } from './define';
import { TABLES } from './tables';

export type CellValue = string | number | null;
export type PlainRow = Record<string, CellValue>;
export type TableRows = Record<TableName, PlainRow[]>;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

type Problem = { severity: Severity; code: string; message: string; dropRow: boolean };

/** Converts one field value; returns the cell or a problem. */
function convertCell(col: Column, value: unknown): { cell: CellValue; problem?: Problem } {
	if (value === null || value === undefined) {
		if (col.nullable) return { cell: null };
		return {
			cell: null,
			problem: drop('missing_value', `必填字段 ${col.name} 为空 (required field is null)`)
		};
	}
	const scale = decimalScale(col.type);
	if (scale !== null) return convertDecimal(col, value, scale);
	if (col.type === 'INTEGER') {
		if (
			typeof value === 'number' &&
			Number.isInteger(value) &&
			value >= INT32_MIN &&
			value <= INT32_MAX
		)
			return { cell: value };
		return {
			cell: null,
			problem: drop('invalid_value', `字段 ${col.name} 不是整数 (not an INTEGER): ${String(value)}`)
		};
	}
	if (typeof value === 'string') return { cell: value };
	return {
		cell: null,
		problem: drop('invalid_value', `字段 ${col.name} 不是文本 (not a string): ${String(value)}`)
	};
}

function drop(code: string, message: string): Problem {
	return { severity: 'error', code, message, dropRow: true };
}

function convertDecimal(
	col: Column,
	value: unknown,
	scale: number
): ReturnType<typeof convertCell> {
	if (!Decimal.isDecimal(value) || !value.isFinite())
		return {
			cell: null,
			problem: drop(
				'invalid_value',
				`字段 ${col.name} 不是 Decimal (not a Decimal): ${String(value)}`
			)
		};
	const intDigits = decimalIntegerDigits(col.type) ?? 14;
	const rounded = value.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
	if (rounded.abs().gte(new Decimal(10).pow(intDigits))) {
		const message = `字段 ${col.name} 的数值 ${value.toString()} 超出 ${col.type} 范围，已置空 (value out of range, stored as NULL)`;
		if (!col.nullable) return { cell: null, problem: drop('amount_out_of_range', message) };
		return {
			cell: null,
			problem: { severity: 'error', code: 'amount_out_of_range', message, dropRow: false }
		};
	}
	const cell = rounded.toFixed(scale);
	if (!rounded.eq(value))
		return {
			cell,
			problem: {
				severity: 'warning',
				code: 'amount_rounded',
				message: `字段 ${col.name} 的数值 ${value.toString()} 超过 ${scale} 位小数，已四舍五入为 ${cell} (rounded to ${scale} decimals)`,
				dropRow: false
			}
		};
	return { cell };
}

/** Stable sort by the table's order keys (nulls first, strings by code point). */
export function sortRows(table: TableDef, rows: PlainRow[]): PlainRow[] {
	return [...rows].sort((a, b) => {
		for (const key of table.orderBy) {
			const c = compareCells(a[key] ?? null, b[key] ?? null);
			if (c !== 0) return c;
		}
		return 0;
	});
}

function compareCells(a: CellValue, b: CellValue): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const sa = String(a);
	const sb = String(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function sourceRecords(doc: ParsedDocument, name: TableName): readonly object[] {
	switch (name) {
		case 'documents':
			// Derived here so every writer (ingest, browser drop) gets the same value.
			return [{ ...doc.document, province: provinceOf(doc.document.region) }];
		case 'source_lines':
			return doc.lines;
		case 'parse_issues':
			return doc.issues;
		case 'flags':
			return doc.flags ?? [];
		default:
			return doc.tables[name];
	}
}

/**
 * Plain rows of every snapshot table for one document. Problems found while
 * converting are appended to `parse_issues` (codes: missing_value,
 * invalid_value, amount_out_of_range, amount_rounded).
 */
export function documentRows(doc: ParsedDocument): TableRows {
	const out = {} as TableRows;
	const extra: ParseIssueRecord[] = [];
	const lineText = (no: unknown): string | null =>
		typeof no === 'number' ? (doc.lines[no - 1]?.text ?? null) : null;
	for (const table of TABLES) {
		if (table.name === 'parse_issues') continue;
		const rows: PlainRow[] = [];
		for (const record of sourceRecords(doc, table.name)) {
			const fields = record as Record<string, unknown>;
			const row: PlainRow = {};
			let dropped = false;
			for (const col of table.columns) {
				// A record without a measure carries its document's (model.ts Measure).
				const value =
					col.name === 'measure' && fields.measure === undefined
						? doc.document.kind === 'final'
							? 'actual'
							: 'budget'
						: fields[col.name];
				const { cell, problem } = convertCell(col, value);
				row[col.name] = cell;
				if (!problem) continue;
				const line = typeof fields.source_line === 'number' ? fields.source_line : null;
				extra.push({
					doc_id: doc.document.doc_id,
					table_name: table.name,
					source_line: line !== null && Number.isInteger(line) ? line : null,
					severity: problem.severity,
					code: problem.code,
					message: `${doc.document.source_name}${line !== null ? ` 第${line}行` : ''} (${table.name}): ${problem.message}${problem.dropRow ? '；该记录未写入 (record not stored)' : ''}`,
					raw: lineText(line)
				});
				if (problem.dropRow) dropped = true;
			}
			if (!dropped) rows.push(row);
		}
		out[table.name] = sortRows(table, rows);
	}
	const issuesTable = TABLES.find((t) => t.name === 'parse_issues');
	if (!issuesTable) throw new Error('schema has no parse_issues table');
	const issueRows: PlainRow[] = [];
	for (const issue of [...doc.issues, ...extra]) {
		const row: PlainRow = {};
		for (const col of issuesTable.columns) {
			const v = (issue as unknown as Record<string, unknown>)[col.name];
			row[col.name] = typeof v === 'string' || typeof v === 'number' ? v : null;
		}
		// Keep every issue even when a field is malformed: coerce rather than drop.
		row.doc_id = doc.document.doc_id;
		row.table_name = typeof row.table_name === 'string' ? row.table_name : 'unknown';
		row.severity = typeof row.severity === 'string' ? row.severity : 'error';
		row.code = typeof row.code === 'string' ? row.code : 'unknown';
		row.message = typeof row.message === 'string' ? row.message : '';
		if (typeof row.source_line !== 'number' || !Number.isInteger(row.source_line))
			row.source_line = null;
		issueRows.push(row);
	}
	out.parse_issues = sortRows(issuesTable, issueRows);
	return out;
}
