/**
 * Checks SQL a user typed (or opened from a link) before it runs. Pure TS,
 * shared by the browser and Node connectors. The guard is the first of three
 * layers: the connectors also run user SQL inside a transaction that is always
 * rolled back, after the engine was locked (enable_external_access=false,
 * lock_configuration=true), so a statement that slips past here still cannot
 * reach files or the network or change the loaded tables.
 *
 * Rules: one statement; it starts with a read-only keyword; no statement
 * keyword that writes, loads or configures anywhere in it; no table functions
 * that read files or URLs; no string literal or path-like quoted name used as
 * a table (FROM 'x.csv', FROM "x.csv").
 */
import { tokenizeSql, type Token } from './sql-tokenize';

export const MAX_USER_SQL_LENGTH = 100_000;

export const ALLOWED_FIRST = [
	'select',
	'with',
	'from',
	'values',
	'describe',
	'summarize',
	'explain',
	'show',
	'table'
] as const;

/** Statement keywords that are refused wherever they appear (outside strings). */
export const FORBIDDEN_KEYWORDS = [
	'copy',
	'attach',
	'detach',
	'install',
	'load',
	'export',
	'import',
	'pragma',
	'set',
	'reset',
	'create',
	'insert',
	'update',
	'delete',
	'drop',
	'alter',
	'call',
	'checkpoint',
	'vacuum',
	'truncate',
	'merge',
	'use',
	'begin',
	'commit',
	'rollback',
	'abort',
	'transaction',
	'grant',
	'revoke',
	'prepare',
	'execute',
	'deallocate'
] as const;

/** Functions that read files, URLs or other databases, or run SQL from a string. */
export const FORBIDDEN_FUNCTIONS = [
	'read_csv',
	'read_csv_auto',
	'read_parquet',
	'parquet_scan',
	'parquet_metadata',
	'parquet_schema',
	'parquet_file_metadata',
	'parquet_kv_metadata',
	'parquet_bloom_probe',
	'read_json',
	'read_json_auto',
	'read_json_objects',
	'read_json_objects_auto',
	'read_ndjson',
	'read_ndjson_auto',
	'read_ndjson_objects',
	'read_text',
	'read_blob',
	'read_xlsx',
	'glob',
	'sniff_csv',
	'st_read',
	'st_read_meta',
	'iceberg_scan',
	'iceberg_metadata',
	'iceberg_snapshots',
	'delta_scan',
	'sqlite_scan',
	'sqlite_attach',
	'postgres_scan',
	'postgres_attach',
	'postgres_query',
	'mysql_scan',
	'mysql_query',
	'query',
	'query_table',
	'duckdb_secrets',
	'which_secret',
	'load_aws_credentials',
	'getenv'
] as const;

/** Keywords after which a string literal would be read as a file or URL. */
const TABLE_POSITION = new Set(['from', 'join', 'describe', 'summarize', 'table', 'using']);
const CLAUSES = new Set([
	'select',
	'from',
	'where',
	'group',
	'having',
	'order',
	'limit',
	'qualify',
	'window',
	'values',
	'on',
	'join'
]);

export type SqlGuardCode =
	| 'empty'
	| 'too_long'
	| 'unterminated'
	| 'multiple_statements'
	| 'not_a_query'
	| 'forbidden_keyword'
	| 'forbidden_function'
	| 'file_as_table';

export class SqlGuardError extends Error {
	override name = 'SqlGuardError';
	constructor(
		readonly code: SqlGuardCode,
		message: string
	) {
		super(message);
	}
}

const forbiddenKeywords = new Set<string>(FORBIDDEN_KEYWORDS);
const forbiddenFunctions = new Set<string>(FORBIDDEN_FUNCTIONS);
const allowedFirst = new Set<string>(ALLOWED_FIRST);
const WHY = '查询不能读写文件、联网、安装或加载扩展、修改设置或数据';

/** Split tokens into statements at top-level semicolons; empty statements dropped. */
function statements(tokens: Token[]): Token[][] {
	const out: Token[][] = [];
	let current: Token[] = [];
	for (const t of tokens) {
		if (t.kind === 'punct' && t.value === ';') {
			if (current.length > 0) out.push(current);
			current = [];
		} else current.push(t);
	}
	if (current.length > 0) out.push(current);
	return out;
}

/**
 * Throws SqlGuardError (message in Chinese) when `sql` may not run as user SQL.
 * Returns the statement text without a trailing semicolon.
 */
export function checkUserSql(sql: string): string {
	if (sql.length > MAX_USER_SQL_LENGTH) {
		throw new SqlGuardError('too_long', `SQL 太长（超过 ${MAX_USER_SQL_LENGTH} 个字符）`);
	}
	const { tokens, unterminated } = tokenizeSql(sql);
	if (unterminated) {
		const what = { string: '字符串', ident: '双引号标识符', comment: '注释' }[unterminated];
		throw new SqlGuardError('unterminated', `SQL 不完整：有未结束的${what}`);
	}
	const stmts = statements(tokens);
	if (stmts.length === 0) throw new SqlGuardError('empty', '没有可运行的 SQL 语句');
	if (stmts.length > 1) {
		throw new SqlGuardError(
			'multiple_statements',
			`一次只能运行一条 SQL 语句（发现 ${stmts.length} 条）`
		);
	}
	const stmt = stmts[0]!;
	const first = stmt.find((t) => !(t.kind === 'punct' && t.value === '('));
	if (!first || first.kind !== 'word' || !allowedFirst.has(first.value)) {
		const shown = first ? first.value.toUpperCase().slice(0, 40) : '';
		throw new SqlGuardError(
			'not_a_query',
			`只允许查询语句（${ALLOWED_FIRST.map((k) => k.toUpperCase()).join('、')}），不允许以 ${shown} 开头`
		);
	}
	let clause = '';
	for (let k = 0; k < stmt.length; k++) {
		const t = stmt[k]!;
		const next = stmt[k + 1];
		const prev = stmt[k - 1];
		if (t.kind === 'word' && forbiddenKeywords.has(t.value)) {
			// `x.set` or `set(` as a column/function name is harmless; a keyword is not.
			const qualified = prev?.kind === 'punct' && prev.value === '.';
			if (!qualified) {
				throw new SqlGuardError('forbidden_keyword', `不允许 ${t.value.toUpperCase()}：${WHY}`);
			}
		}
		if (
			(t.kind === 'word' || t.kind === 'ident') &&
			next?.kind === 'punct' &&
			next.value === '(' &&
			forbiddenFunctions.has(t.value)
		) {
			throw new SqlGuardError('forbidden_function', `不允许调用 ${t.value}()：${WHY}`);
		}
		if (t.kind === 'word' && CLAUSES.has(t.value)) clause = t.value;
		// A string, or a quoted name that looks like a path or URL ("x.csv"), in table position
		// would be read as a file by DuckDB's replacement scans.
		const fileLike = t.kind === 'string' || (t.kind === 'ident' && /[./\\:]/.test(t.value));
		if (fileLike && prev) {
			const afterTableWord = prev.kind === 'word' && TABLE_POSITION.has(prev.value);
			const inFromList =
				prev.kind === 'punct' && prev.value === ',' && (clause === 'from' || clause === 'join');
			if (afterTableWord || inFromList) {
				throw new SqlGuardError(
					'file_as_table',
					`不允许把字符串当作表名（${prev.value.toUpperCase()} '…'）：${WHY}`
				);
			}
		}
	}
	// The statement text up to its last token (drops a trailing ';' and comments).
	return sql.slice(0, stmt[stmt.length - 1]!.end);
}
