/**
 * Normalizers for 政府采购预算表 → procurement and 国有资产/固定资产占用表 →
 * assets. Columns are found by header label. Procurement 合计/小计 rows are
 * checked against the items they sum rather than stored (they would double
 * count); asset amounts keep the unit the table declared in `declared_unit`.
 */
import Decimal from 'decimal.js';
import { detectUnit, parseAmount } from '../amount';
import type { ParseContext } from '../context';
import type { AmountUnit, AssetRecord, ProcurementRecord } from '../model';
import { compact, findLabel, isNumeric, type Grid } from '../recognize/financial/grid';
import { claimRow, cleanName } from './classified';

function amountOf(
	ctx: ParseContext,
	table: string,
	line: number,
	cell: string,
	unit: AmountUnit
): Decimal | null | undefined {
	const p = parseAmount(cell, unit);
	if (p.ok) return p.value;
	ctx.report(line, table, 'error', 'bad_amount', p.reason);
	return undefined;
}

export function normalizeProcurement(
	ctx: ParseContext,
	grid: Grid,
	unit: AmountUnit
): ProcurementRecord[] {
	const table = 'procurement';
	const L = grid.labels;
	const cols = {
		project: findLabel(L, /项目名称|专项名称|^政府采购项目来源/),
		item: findLabel(L, /物品名称|品目名称|采购项目名称/),
		catalog: findLabel(L, /目录|品目编码|序号/),
		unit: findLabel(L, /计量单位/),
		quantity: findLabel(L, /数量/),
		price: findLabel(L, /单价/),
		amount: findLabel(L, /合计|总计|金额/)
	};
	if (cols.amount < 0) cols.amount = L.length - 1;
	const out: ProcurementRecord[] = [];
	let total: { line: number; value: Decimal } | null = null;
	let sum = new Decimal(0);
	let project: string | null = null;
	for (const row of grid.rows) {
		// After a page break the extraction may drop leading empty cells: align right.
		const cells =
			row.cells.length < L.length
				? [...Array<string>(L.length - row.cells.length).fill(''), ...row.cells]
				: row.cells;
		const cell = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
		const first = compact(cells.find((c) => c !== '') ?? '');
		const amount = amountOf(ctx, table, row.line, cell(cols.amount), row.unit ?? unit);
		if (amount === undefined) continue;
		const item = cleanName(cell(cols.item));
		if (/^合计|^总计/.test(first)) {
			if (amount !== null) total = { line: row.line, value: amount };
			claimRow(ctx, table, row);
			continue;
		}
		const projectCell = cleanName(cell(cols.project));
		if (projectCell !== '' && !isNumeric(projectCell)) project = projectCell;
		if (item === '' || /小计$/.test(first)) {
			// Category or project subtotal: its items follow.
			claimRow(ctx, table, row);
			continue;
		}
		const q = amountOf(ctx, table, row.line, cell(cols.quantity), '万元');
		const price = amountOf(ctx, table, row.line, cell(cols.price), row.unit ?? unit);
		out.push({
			doc_id: ctx.docId,
			project_name: project,
			item_name: item,
			catalog_code: cell(cols.catalog) || null,
			unit: cell(cols.unit) || null,
			quantity: q ?? null,
			unit_price: price ?? null,
			amount,
			source_line: row.line
		});
		if (amount) sum = sum.plus(amount);
		claimRow(ctx, table, row);
	}
	if (total && out.length > 0 && !total.value.equals(sum))
		ctx.report(
			total.line,
			table,
			'warning',
			'sum_mismatch',
			`政府采购合计 ${total.value.toFixed()} 与明细之和 ${sum.toFixed()} 不符`
		);
	return out;
}

export function normalizeAssets(
	ctx: ParseContext,
	grid: Grid,
	declared: AmountUnit | null
): AssetRecord[] {
	const table = 'assets';
	const L = grid.labels;
	const itemCol = Math.max(0, findLabel(L, /项目/));
	const qCol = findLabel(L, /数量/);
	let aCol = findLabel(L, /价值|金额|原值/);
	if (aCol < 0) aCol = L.length - 1;
	const headerUnit = detectUnit(L[aCol] ?? '') ?? declared;
	const out: AssetRecord[] = [];
	for (const row of grid.rows) {
		const unit = headerUnit ?? row.unit ?? '万元';
		const amount = amountOf(ctx, table, row.line, row.cells[aCol] ?? '', unit);
		const quantity =
			qCol >= 0 ? amountOf(ctx, table, row.line, row.cells[qCol] ?? '', '万元') : null;
		if (amount === undefined || quantity === undefined) continue;
		out.push({
			doc_id: ctx.docId,
			item: cleanName(row.cells[itemCol] ?? ''),
			quantity,
			amount,
			declared_unit: headerUnit,
			source_line: row.line
		});
		claimRow(ctx, table, row);
	}
	return out;
}
