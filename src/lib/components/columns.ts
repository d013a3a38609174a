/**
 * Column builders for DataTable (and its CSV export) shared by the views:
 * amounts in 万元 as exact text, shares as percent, coded values through a
 * label map, and the department/year pair most tables start with.
 */
import { amountText, pctText } from './display';
import type { TableColumn } from './table-types';

/** An exact 万元 amount, right-aligned ("6,473.03"). */
export function amountCol(key: string, label = '金额（万元）'): TableColumn {
	return { key, label, numeric: true, format: (v) => amountText(v as string) };
}

/** A DOUBLE share or change ratio as percent ("45.7%"). */
export function pctCol(key: string, label: string): TableColumn {
	return { key, label, numeric: true, format: (v) => pctText(v as number) };
}

/** A coded value shown through `labels` (unknown codes as themselves). */
export function labelCol(key: string, label: string, labels: Record<string, string>): TableColumn {
	return { key, label, format: (v) => labels[String(v)] ?? String(v) };
}

/** 部门 and 年度 (dept_key, fiscal_year). */
export const DEPT_YEAR_COLS: readonly TableColumn[] = [
	{ key: 'dept_key', label: '部门' },
	{ key: 'fiscal_year', label: '年度' }
];
