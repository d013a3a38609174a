/**
 * parseUrl: URL → { state, errors }. Never throws: unknown parameters are
 * ignored with a message, invalid values fall back to the default with a
 * clear Chinese message, an unknown path opens 总览. Messages quote at most
 * 40 characters of what the link held (they are rendered as text).
 */
import {
	DEFAULT_SQL_LIMIT,
	defaultState,
	hasControl,
	MAX_REPEAT,
	MAX_SQL_LIMIT,
	MAX_SQL_TEXT,
	RULES,
	THREE_PUBLIC_CATEGORIES,
	VIEW_PATHS,
	type AppState,
	type ViewId,
	type ViewState
} from './grammar';

export interface ParseResult {
	state: AppState;
	errors: string[];
}

/** Parameters each view reads (besides `s` and `data`). */
export const VIEW_PARAMS: Record<ViewId, readonly string[]> = {
	overview: ['d', 'y'],
	department: ['d', 'y', 'k', 'f', 'e', 'p'],
	compare: ['doc', 'cls', 'lv', 'm', 'mode'],
	'per-capita': ['g', 'd'],
	'three-public': ['d', 'ms', 'cat'],
	flags: ['rule', 'sev', 'd'],
	sql: ['q', 'n', 'sy', 'sp']
};

const MAX_URL = 100_000;

function quote(v: string): string {
	const clean = Array.from(v)
		.map((ch) => (hasControl(ch) ? '�' : ch))
		.join('');
	const chars = Array.from(clean);
	return `“${chars.length > 40 ? chars.slice(0, 40).join('') + '…' : clean}”`;
}

/** The view a path names: its last segment, ignoring a base path, trailing slash and .html. */
export function viewOfPath(pathname: string): ViewId | null {
	const segments = pathname.split('/').filter((s) => s !== '');
	const last = (segments[segments.length - 1] ?? '').replace(/\.html$/, '');
	if (last === '' || last === 'index') return 'overview';
	for (const [view, path] of Object.entries(VIEW_PATHS) as [ViewId, string][]) {
		if (path === `/${last}`) return view;
	}
	return null;
}

class Reader {
	readonly errors: string[] = [];
	constructor(private readonly params: URLSearchParams) {}

	private all(name: string): string[] {
		return this.params.getAll(name);
	}

	one(name: string, ok: (v: string) => boolean, what: string, fallback: string): string | null {
		const values = this.all(name);
		if (values.length === 0) return null;
		if (values.length > 1)
			this.errors.push(`参数 ${name} 出现了 ${values.length} 次，只使用第一个。`);
		const v = values[0]!;
		if (ok(v)) return v;
		this.errors.push(`参数 ${name} 的值 ${quote(v)} 无效（应为${what}），已使用${fallback}。`);
		return null;
	}

	choice<T extends string>(name: string, options: readonly T[], fallback: T): T {
		const v = this.one(
			name,
			(x) => (options as readonly string[]).includes(x),
			options.join('、') + ' 之一',
			`默认值 ${fallback}`
		);
		return (v as T | null) ?? fallback;
	}

	many(name: string, ok: (v: string) => boolean, what: string): string[] {
		const out: string[] = [];
		const values = this.all(name);
		for (const v of values.slice(0, MAX_REPEAT)) {
			if (!ok(v)) this.errors.push(`参数 ${name} 的值 ${quote(v)} 无效（应为${what}），已忽略。`);
			else if (!out.includes(v)) out.push(v);
		}
		if (values.length > MAX_REPEAT) {
			this.errors.push(`参数 ${name} 超过 ${MAX_REPEAT} 个，多余的已忽略。`);
		}
		return out;
	}
}

const TEXT = '不含尖括号和控制字符、不超过 200 字的名称';
const YEAR = ' 1950–2100 之间的年份';

function parseParams(view: ViewId, r: Reader): AppState {
	const data = r.one(
		'data',
		RULES.data,
		'快照名（小写字母、数字和 -，不超过 41 个字符）',
		'默认快照 default'
	);
	return { ...parseView(view, r), data } as AppState;
}

function parseView(view: ViewId, r: Reader): ViewState {
	const snapshot = r.one('s', RULES.snapshot, '快照编号（字母、数字、-、_）', '当前快照');
	switch (view) {
		case 'overview':
			return {
				view,
				snapshot,
				departments: r.many('d', RULES.text, TEXT),
				years: r.many('y', RULES.year, YEAR).map(Number)
			};
		case 'department': {
			const year = r.one('y', RULES.year, YEAR, '最新年度');
			const kind = r.one('k', (v) => v === 'budget' || v === 'final', ' budget 或 final', '默认');
			const project = r.one('p', RULES.seq, '项目序号（正整数）', '项目列表');
			return {
				view,
				snapshot,
				department: r.one('d', RULES.text, TEXT, '第一个部门'),
				year: year === null ? null : Number(year),
				kind: kind as 'budget' | 'final' | null,
				func: r.one('f', RULES.funcCode, ' 3、5 或 7 位功能分类编码', '顶层'),
				econ: r.one('e', RULES.econCode, ' 3 或 5 位经济分类编码', '顶层'),
				project: project === null ? null : Number(project)
			};
		}
		case 'compare': {
			const level = r.one(
				'lv',
				(v) => v === '1' || v === '2' || v === '3',
				' 1、2 或 3',
				'默认值 1'
			);
			return {
				view,
				snapshot,
				docs: r.many('doc', RULES.docId, '文档编号（字母、数字、-、_）'),
				classification: r.choice('cls', ['function', 'economic'] as const, 'function'),
				level: level === null ? 1 : (Number(level) as 1 | 2 | 3),
				measure: r.choice('m', ['total', 'basic', 'project'] as const, 'total'),
				mode: r.choice('mode', ['share', 'abs'] as const, 'share')
			};
		}
		case 'per-capita':
			return {
				view,
				snapshot,
				group: r.one('g', RULES.text, TEXT, '全部分组'),
				departments: r.many('d', RULES.text, TEXT)
			};
		case 'three-public':
			return {
				view,
				snapshot,
				departments: r.many('d', RULES.text, TEXT),
				measure: r.choice('ms', ['budget', 'actual'] as const, 'budget'),
				category: r.choice('cat', THREE_PUBLIC_CATEGORIES, 'total')
			};
		case 'flags': {
			const sev = r.one(
				'sev',
				(v) => ['error', 'warning', 'info'].includes(v),
				' error、warning 或 info',
				'全部级别'
			);
			return {
				view,
				snapshot,
				rule: r.one('rule', RULES.ruleId, '规则编号', '全部规则'),
				severity: sev as 'error' | 'warning' | 'info' | null,
				department: r.one('d', RULES.text, TEXT, '全部部门')
			};
		}
		case 'sql': {
			const sql = r.one(
				'q',
				(v) => v.length <= MAX_SQL_TEXT,
				`不超过 ${MAX_SQL_TEXT} 个字符的 SQL`,
				'空白查询'
			);
			const n = r.one(
				'n',
				(v) => /^[1-9]\d{0,5}$/.test(v) && Number(v) <= MAX_SQL_LIMIT,
				` 1–${MAX_SQL_LIMIT} 的整数`,
				`默认值 ${DEFAULT_SQL_LIMIT}`
			);
			return {
				view,
				snapshot,
				sql: sql ?? '',
				limit: n === null ? DEFAULT_SQL_LIMIT : Number(n),
				scopeYears: r.many('sy', RULES.year, YEAR).map(Number),
				scopeProvinces: r.many('sp', RULES.text, TEXT)
			};
		}
	}
}

/** Parse a URL (absolute, or a path with query) into app state. Never throws. */
export function parseUrl(input: URL | string): ParseResult {
	let url: URL;
	try {
		if (typeof input === 'string' && input.length > MAX_URL) {
			return {
				state: defaultState(),
				errors: [`链接过长（${input.length} 个字符），已打开总览。`]
			};
		}
		url = typeof input === 'string' ? new URL(input, 'http://budgetlens.invalid/') : input;
	} catch {
		return { state: defaultState(), errors: ['链接无法解析，已打开总览。'] };
	}
	const errors: string[] = [];
	let view = viewOfPath(url.pathname);
	if (view === null) {
		errors.push(`未知的页面 ${quote(decodeSafe(url.pathname))}，已打开总览。`);
		view = 'overview';
	}
	const r = new Reader(url.searchParams);
	const state = parseParams(view, r);
	errors.push(...r.errors);
	const known = new Set(['s', 'data', ...VIEW_PARAMS[view]]);
	const unknown = new Set<string>();
	for (const k of url.searchParams.keys()) if (!known.has(k)) unknown.add(k);
	for (const k of [...unknown].slice(0, 20)) errors.push(`未知参数 ${quote(k)}，已忽略。`);
	if (unknown.size > 20) errors.push(`还有 ${unknown.size - 20} 个未知参数，已忽略。`);
	return { state, errors };
}

function decodeSafe(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}
