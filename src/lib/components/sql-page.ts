/**
 * Constants of the SQL page (src/routes/sql): the example statements, the
 * row caps offered, and the table → columns map the editor completes from.
 */
import { FLAGS_COLUMNS } from '$lib/db/snapshot-tables';
import { TABLES } from '$lib/schema/tables';

export const SQL_EXAMPLES = [
	{
		label: '各部门支出合计',
		sql: `SELECT d.department_name, d.fiscal_year, e.total\nFROM expenditure_by_function e JOIN documents d USING (doc_id)\nWHERE e.level = 0\nORDER BY e.total DESC`
	},
	{
		label: '三公经费',
		sql: `SELECT d.department_name, t.fiscal_year, t.category, t.amount, t.source\nFROM three_public t JOIN documents d USING (doc_id)\nORDER BY 1, 2, 3`
	},
	{
		label: '解析问题',
		sql: `SELECT doc_id, table_name, severity, code, count(*) AS n\nFROM parse_issues GROUP BY ALL ORDER BY n DESC`
	}
] as const;

export const SQL_LIMITS = [1000, 10_000, 100_000];

export const SQL_SCHEMA: Record<string, string[]> = Object.fromEntries([
	...TABLES.map((t) => [t.name, t.columns.map((c) => c.name)]),
	...(TABLES.some((t) => (t.name as string) === 'flags') ? [] : [['flags', [...FLAGS_COLUMNS]]])
]);
