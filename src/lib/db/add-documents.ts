/**
 * "Bring your own document": turning ParsedDocuments (the browser runs the
 * same parser as the ingest) into rows of the loaded snapshot tables.
 * Rows come from src/lib/schema/rows.ts (decimals as fixed-scale strings,
 * integers as numbers), so values stay exact; SQL CASTs each column to its
 * schema type (DECIMAL(18,4) …). Two paths share this module:
 * - `documentInsertStatements`: batched parameterized INSERT … VALUES (used by
 *   the Node connector, and by the browser when Arrow insertion fails);
 * - `documentColumns` + `insertFromStagingSql`: column arrays for an Arrow
 *   table the browser inserts into a staging table, then copies with CASTs.
 */
import type { ParsedDocument, TableName } from '../ingest/model';
import { documentRows, type CellValue, type TableRows } from '../schema/rows';
import { TABLES, type TableDef } from '../schema/tables';
import type { Statement } from './types';
import { quoteIdent } from './snapshot-tables';

/** Rows of several documents merged per table. */
export function mergedRows(docs: readonly ParsedDocument[]): TableRows {
	const out = Object.fromEntries(TABLES.map((t) => [t.name, []])) as unknown as TableRows;
	for (const doc of docs) {
		const rows = documentRows(doc);
		for (const t of TABLES) out[t.name].push(...rows[t.name]);
	}
	return out;
}

function castExpr(placeholder: string, type: string): string {
	return type === 'VARCHAR' ? placeholder : `CAST(${placeholder} AS ${type})`;
}

/** Parameterized INSERT statements, at most ~2000 parameters each. */
export function documentInsertStatements(docs: readonly ParsedDocument[]): Statement[] {
	const all = mergedRows(docs);
	const out: Statement[] = [];
	for (const table of TABLES) {
		const rows = all[table.name];
		const cols = table.columns;
		const perBatch = Math.max(1, Math.floor(2000 / cols.length));
		for (let start = 0; start < rows.length; start += perBatch) {
			const params: (string | number | null)[] = [];
			const tuples = rows.slice(start, start + perBatch).map((row) => {
				const cells = cols.map((c) => {
					params.push(cellFor(row[c.name]));
					return castExpr(`$${params.length}`, c.type);
				});
				return `(${cells.join(', ')})`;
			});
			const names = cols.map((c) => quoteIdent(c.name)).join(', ');
			out.push({
				sql: `INSERT INTO ${quoteIdent(table.name)} (${names}) VALUES ${tuples.join(', ')}`,
				params
			});
		}
	}
	return out;
}

function cellFor(v: CellValue | undefined): string | number | null {
	return v === undefined ? null : v;
}

/** Column arrays of one table as strings (null kept), for an all-VARCHAR Arrow table. */
export function documentColumns(table: TableDef, rows: readonly Record<string, CellValue>[]) {
	const columns: Record<string, (string | null)[]> = {};
	for (const c of table.columns) {
		columns[c.name] = rows.map((r) => {
			const v = r[c.name];
			return v === null || v === undefined ? null : String(v);
		});
	}
	return columns;
}

/** Copy a staging table of VARCHAR columns into `table`, casting to schema types. */
export function insertFromStagingSql(table: TableDef, staging: string): string {
	const names = table.columns.map((c) => quoteIdent(c.name));
	const casts = table.columns.map((c) => castExpr(quoteIdent(c.name), c.type));
	return `INSERT INTO ${quoteIdent(table.name)} (${names.join(', ')}) SELECT ${casts.join(', ')} FROM ${quoteIdent(staging)}`;
}

/** Statement: which of these doc_ids are already loaded. */
export function loadedDocIdsStatement(docIds: readonly string[]): Statement {
	const ph = docIds.map((_, i) => `$${i + 1}`).join(', ') || 'NULL';
	return { sql: `SELECT doc_id FROM documents WHERE doc_id IN (${ph})`, params: [...docIds] };
}

export type { TableName };
