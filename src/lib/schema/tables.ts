/**
 * The snapshot schema: the single source of truth for the tables of a
 * BudgetLens snapshot (one Parquet file each), their columns, DuckDB types,
 * nullability and bilingual descriptions. Used by the snapshot writer (Node),
 * the schema doc generator and the browser.
 */
import type { TableName } from '../ingest/model';
import type { TableDef } from './define';
import {
	appropriationByFunction,
	basicByEconomic,
	expenditureByFunction,
	incomeByFunction,
	relatedExpenses,
	summary,
	threePublic
} from './tables-financial';
import { assets, indicators, procurement, projects, spendingPlan } from './tables-performance';
import { documents, parseIssues, sourceLines } from './tables-core';
import { flags } from './tables-flags';

export type { Column, ColumnType, TableDef } from './define';
export { decimalScale, decimalIntegerDigits } from './define';

/** Bump when a table or column is added, removed or changes type. */
export const SCHEMA_VERSION = 3;

/** Every snapshot table, in snapshot order. */
export const TABLES: readonly TableDef[] = [
	documents,
	summary,
	incomeByFunction,
	expenditureByFunction,
	appropriationByFunction,
	basicByEconomic,
	threePublic,
	relatedExpenses,
	projects,
	spendingPlan,
	indicators,
	procurement,
	assets,
	sourceLines,
	parseIssues,
	flags
];

export function tableDef(name: TableName): TableDef {
	const t = TABLES.find((d) => d.name === name);
	if (!t) throw new Error(`unknown snapshot table: ${name}`);
	return t;
}

/** `CREATE TABLE` statement for a table (DuckDB dialect); `name` may differ from the schema's (a copy). */
export function createTableSql(table: Pick<TableDef, 'columns'> & { name: string }): string {
	const cols = table.columns.map((c) => `\t"${c.name}" ${c.type}${c.nullable ? '' : ' NOT NULL'}`);
	return `CREATE TABLE "${table.name}" (\n${cols.join(',\n')}\n)`;
}
