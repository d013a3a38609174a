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

/** The message shown when the user cancelled the running query. */
export const CANCELLED_MESSAGE = '查询已取消';

/** Wrap an engine error; `cancelled` when the user asked to stop this query. */
export function userSqlError(e: unknown, cancelled: boolean): UserSqlError {
	const detail = e instanceof Error ? e.message : String(e);
	const err = new UserSqlError(detail);
	if (cancelled) err.message = CANCELLED_MESSAGE;
	return err;
}
