/**
 * Normalizer for 收支总表 and 财政拨款收支总表 → summary. A row holds up to
 * three (label, amounts…) groups: income on the left, expense on the right
 * (Jiangsu prints two expense groups: by function and by use). The expense
 * side starts at the first header column labelled 支出; per-fund columns
 * (一般公共预算 / 政府性基金 / 国有资本经营) are read by their labels.
 */
import type Decimal from 'decimal.js';
import { parseAmount } from '../amount';
import type { ParseContext } from '../context';
import type { AmountUnit, SummaryRecord } from '../model';
import { isNumeric, type Grid } from '../recognize/financial/grid';
import { claimRow, cleanName } from './classified';

type FundField = 'general' | 'gov_fund' | 'soe_capital';

function fundOf(label: string): FundField | null {
	if (/一般公共预算/.test(label)) return 'general';
	if (/政府性基金/.test(label)) return 'gov_fund';
	if (/国有资本/.test(label)) return 'soe_capital';
	return null;
}

/** A short label with no figure and no list marker is the wrapped tail of the line above. */
function isFragment(rec: SummaryRecord): boolean {
	return (
		rec.amount === null &&
		rec.general === null &&
		rec.gov_fund === null &&
		rec.soe_capital === null &&
		rec.item.length <= 4 &&
		!/^([一二三四五六七八九十]+、|\d+[.．、])|合计|总计/.test(rec.item)
	);
}

/** A 合计 / 总计 label is complete: the short label below it is a line of its own. */
const COMPLETE = /(合计|总计)$/;

interface Item {
	col: number;
	label: string;
	cells: { col: number; text: string }[];
}

export function normalizeSummary(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit,
	kind: SummaryRecord['table_kind']
): SummaryRecord[] {
	const table = 'summary';
	const labels = grid.labels;
	const seqCol = /序号/.test(labels[0] ?? '') ? 0 : -1;
	let expStart = labels.findIndex((l, i) => i > seqCol + 1 && /^[^/]*支出/.test(l));
	if (expStart < 0) expStart = Number.POSITIVE_INFINITY;
	const seq = { income: 0, expense: 0 };
	const last: Partial<Record<SummaryRecord['side'], SummaryRecord>> = {};
	const out: SummaryRecord[] = [];
	for (const row of grid.rows) {
		const items: Item[] = [];
		// After a page break the extraction may drop leading empty cells: align right.
		const short = seqCol < 0 && row.cells.length < labels.length;
		const cells = short
			? [...Array<string>(labels.length - row.cells.length).fill(''), ...row.cells]
			: row.cells;
		cells.forEach((cell, col) => {
			if (col === seqCol) return;
			if (cell !== '' && !isNumeric(cell)) items.push({ col, label: cleanName(cell), cells: [] });
			else items[items.length - 1]?.cells.push({ col, text: cell });
		});
		if (items.length === 0) {
			ctx.report(
				row.line,
				table,
				'warning',
				'no_item',
				'收支总表行没有项目名称 (line has no item)'
			);
			continue;
		}
		let ok = true;
		const records: SummaryRecord[] = [];
		items.forEach((item, k) => {
			const side =
				expStart === Number.POSITIVE_INFINITY
					? k === 0
						? 'income'
						: 'expense'
					: item.col >= expStart
						? 'expense'
						: 'income';
			const rec: SummaryRecord = {
				doc_id: ctx.docId,
				table_kind: kind,
				side,
				seq: 0,
				item: item.label,
				amount: null,
				general: null,
				gov_fund: null,
				soe_capital: null,
				source_line: row.line
			};
			for (const { col, text } of item.cells) {
				const parsed = parseAmount(text, row.unit ?? unit);
				if (!parsed.ok) {
					ctx.report(row.line, table, 'error', 'bad_amount', parsed.reason);
					ok = false;
					return;
				}
				const value: Decimal | null = parsed.value;
				if (value === null) continue;
				const fund = side === 'expense' ? fundOf(labels[col] ?? '') : null;
				if (fund) rec[fund] = value;
				else if (rec.amount === null) rec.amount = value;
				else if (!value.isZero())
					ctx.report(
						row.line,
						table,
						'info',
						'column_not_modeled',
						`列“${labels[col] ?? col}”的金额未存储 (column not modeled): ${text}`
					);
			}
			records.push(rec);
		});
		if (!ok) continue;
		for (const rec of records) {
			const prev = last[rec.side];
			// Only a label cut short takes a tail: `本年支出合计` + `结余分配` are two lines.
			if (prev && isFragment(rec) && !COMPLETE.test(prev.item)) {
				// The tail of a label wrapped onto the next line (`八、社会保障和就` + `业支出`).
				prev.item += rec.item;
				continue;
			}
			rec.seq = ++seq[rec.side];
			last[rec.side] = rec;
			out.push(rec);
		}
		claimRow(ctx, table, row);
	}
	return out;
}
