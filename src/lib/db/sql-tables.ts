/**
 * Snapshot tables a SQL text names, so the SQL page can load them whole
 * before running the user's statement:
 * `conn.ensure(tablesNamed(sql).map((table) => ({ table })))`.
 * Uses the guard's tokenizer (words and quoted identifiers, never the inside
 * of strings or comments); over-approximates harmlessly (a column that has a
 * table's name loads that table too).
 */
import { ROLLUPS } from '../schema/rollups';
import { TABLES } from '../schema/tables';
import { SNAPSHOT_TABLES } from './snapshot-tables';
import { tokenizeSql } from './sql-tokenize';

// Lazy rollups (rollup_per_capita) start empty in the browser: naming one must load it.
const NAMES: ReadonlySet<string> = new Set<string>([
	...SNAPSHOT_TABLES,
	...TABLES.map((t) => t.name),
	...ROLLUPS.filter((r) => r.lazy).map((r) => r.name)
]);

/** Schema tables (and lazy rollups) named in `sql`, in order of first mention, each once. */
export function tablesNamed(sql: string): string[] {
	const out: string[] = [];
	for (const t of tokenizeSql(sql).tokens) {
		if (t.kind !== 'word' && t.kind !== 'ident') continue;
		const name = t.kind === 'ident' ? t.value : t.value.toLowerCase();
		if (NAMES.has(name) && !out.includes(name)) out.push(name);
	}
	return out;
}
