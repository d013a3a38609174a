/**
 * Checks a link's query parameters before views read them: refuses values
 * that are too long or carry markup/control characters, and notices when
 * the link was made on another snapshot (`s`). Returns Chinese messages for
 * the error banner; views fall back to defaults for refused values.
 */

const MAX_PARAM = 2000;
const MAX_SQL = 20_000;
const MARKUP = /[<>]|javascript:/i;

/** C0 control characters other than tab, newline and carriage return. */
function hasControl(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 32 && c !== 9 && c !== 10 && c !== 13) return true;
	}
	return false;
}

function refused(v: string): boolean {
	return MARKUP.test(v) || hasControl(v);
}

/** Parameters whose values may legitimately hold SQL text (checked by the SQL guard instead). */
const FREE_TEXT = new Set(['q']);

export function linkProblems(url: URL, snapshotId: string | null): string[] {
	const out: string[] = [];
	for (const [k, v] of url.searchParams) {
		if (FREE_TEXT.has(k)) {
			if (v.length > MAX_SQL) out.push(`链接中的 SQL 过长（${v.length} 个字符），已忽略。`);
			continue;
		}
		if (v.length > MAX_PARAM) out.push(`链接参数 ${safe(k)} 过长，已忽略。`);
		else if (refused(v)) out.push(`链接参数 ${safe(k)} 含有不允许的字符，已忽略。`);
	}
	const s = url.searchParams.get('s');
	if (s && snapshotId && s !== snapshotId) {
		out.push(`此链接基于快照 ${safe(s)} 生成，当前加载的是快照 ${snapshotId}：结果可能不同。`);
	}
	return out;
}

/** Parameter value, or null when linkProblems would refuse it. */
export function cleanParam(url: URL, name: string): string | null {
	const v = url.searchParams.get(name);
	return v !== null && acceptable(name, v) ? v : null;
}

/** Whether a value of parameter `name` may be used (see linkProblems). */
export function acceptable(name: string, v: string): boolean {
	if (FREE_TEXT.has(name)) return v.length <= MAX_SQL;
	return v.length <= MAX_PARAM && !refused(v);
}

function safe(s: string): string {
	return s.length > 40 ? s.slice(0, 40) + '…' : s;
}
