/**
 * Error thrown when user SQL passed the guard but DuckDB refused or failed
 * it (syntax error, unknown column, a statement the locked engine blocks…).
 * The message keeps DuckDB's own text after a Chinese prefix.
 */
export class UserSqlError extends Error {
	override name = 'UserSqlError';
	constructor(readonly detail: string) {
		super(`查询出错：${detail}`);
	}
}
