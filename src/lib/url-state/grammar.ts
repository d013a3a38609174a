/**
 * The URL grammar of BudgetLens (documented in docs/url-grammar.md): the
 * route path names the view, query parameters hold only what the user chose.
 * This module declares the state types, defaults and the value rules each
 * parameter must satisfy; parse.ts and serialize.ts apply them.
 * Parameter names match the views in src/routes (d, y, doc, lv, q …).
 */

export const VIEW_PATHS = {
	overview: '/',
	department: '/department',
	compare: '/compare',
	'per-capita': '/per-capita',
	'three-public': '/three-public',
	flags: '/flags',
	sql: '/sql'
} as const;

export type ViewId = keyof typeof VIEW_PATHS;

export const THREE_PUBLIC_CATEGORIES = [
	'total',
	'outbound_travel',
	'vehicle_total',
	'vehicle_purchase',
	'vehicle_operation',
	'reception'
] as const;
export type ThreePublicCategory = (typeof THREE_PUBLIC_CATEGORIES)[number];

interface Common {
	/** `s`: the snapshot the link was made on. */
	snapshot: string | null;
	/** `data`: which snapshot folder to open (`/data/<name>/`); null = `default`. */
	data: string | null;
}

export interface OverviewState extends Common {
	view: 'overview';
	/** `d` (repeatable): departments to show. */
	departments: string[];
	/** `y` (repeatable): fiscal years to show. */
	years: number[];
}

export interface DepartmentState extends Common {
	view: 'department';
	/** `d`: the department (its name / dept_key). */
	department: string | null;
	/** `y`: fiscal year. */
	year: number | null;
	/** `k`: budget (预算) or final (决算). */
	kind: 'budget' | 'final' | null;
	/** `f`: functional code drilled into (3 or 5 digits). */
	func: string | null;
	/** `e`: economic code drilled into (3 digits). */
	econ: string | null;
	/** `p`: project_seq opened. */
	project: number | null;
}

export interface CompareState extends Common {
	view: 'compare';
	/** `doc` (repeatable): documents compared. */
	docs: string[];
	/** `cls`: function (default) or economic. */
	classification: 'function' | 'economic';
	/** `lv`: 1 (default), 2 or 3. */
	level: 1 | 2 | 3;
	/** `m`: total (default), basic or project. */
	measure: 'total' | 'basic' | 'project';
	/** `mode`: share (default) or abs. */
	mode: 'share' | 'abs';
}

export interface PerCapitaState extends Common {
	view: 'per-capita';
	/** `g`: indicator group (normalized name). */
	group: string | null;
	/** `d` (repeatable): departments. */
	departments: string[];
}

export interface ThreePublicState extends Common {
	view: 'three-public';
	/** `d` (repeatable): departments. */
	departments: string[];
	/** `ms`: budget (default) or actual. */
	measure: 'budget' | 'actual';
	/** `cat`: category (default total). */
	category: ThreePublicCategory;
}

export interface FlagsState extends Common {
	view: 'flags';
	/** `rule`: rule id. */
	rule: string | null;
	/** `sev`: error, warning or info. */
	severity: 'error' | 'warning' | 'info' | null;
	/** `d`: department. */
	department: string | null;
}

export interface SqlState extends Common {
	view: 'sql';
	/** `q`: the SQL text. */
	sql: string;
	/** `n`: row cap (default 10000). */
	limit: number;
	/** `sy` (repeatable): scope — only documents of these fiscal years (partitioned snapshots). */
	scopeYears: number[];
	/** `sp` (repeatable): scope — only documents of these provinces (partitioned snapshots). */
	scopeProvinces: string[];
}

export type AppState =
	| OverviewState
	| DepartmentState
	| CompareState
	| PerCapitaState
	| ThreePublicState
	| FlagsState
	| SqlState;

/** A state without the common `data` parameter (each view's own part). */
export type ViewState = AppState extends infer T
	? T extends AppState
		? Omit<T, 'data'>
		: never
	: never;

export const DEFAULT_SQL_LIMIT = 10_000;
export const MAX_SQL_LIMIT = 100_000;
export const MAX_SQL_TEXT = 20_000;
export const MAX_TEXT = 200;
export const MAX_REPEAT = 50;

export function defaultState(view: ViewId = 'overview'): AppState {
	return { ...viewDefaults(view), data: null } as AppState;
}

function viewDefaults(view: ViewId): ViewState {
	const snapshot = null;
	switch (view) {
		case 'overview':
			return { view, snapshot, departments: [], years: [] };
		case 'department':
			return {
				view,
				snapshot,
				department: null,
				year: null,
				kind: null,
				func: null,
				econ: null,
				project: null
			};
		case 'compare':
			return {
				view,
				snapshot,
				docs: [],
				classification: 'function',
				level: 1,
				measure: 'total',
				mode: 'share'
			};
		case 'per-capita':
			return { view, snapshot, group: null, departments: [] };
		case 'three-public':
			return { view, snapshot, departments: [], measure: 'budget', category: 'total' };
		case 'flags':
			return { view, snapshot, rule: null, severity: null, department: null };
		case 'sql':
			return {
				view,
				snapshot,
				sql: '',
				limit: DEFAULT_SQL_LIMIT,
				scopeYears: [],
				scopeProvinces: []
			};
	}
}

/** Value rules; each returns true for an acceptable raw parameter value. */
export const RULES = {
	snapshot: (v: string) => /^[A-Za-z0-9_-]{1,64}$/.test(v),
	/** A snapshot folder under /data/: lower-case letters, digits and '-', no path characters. */
	data: (v: string) => /^[a-z0-9][a-z0-9-]{0,40}$/.test(v),
	docId: (v: string) => /^[A-Za-z0-9_-]{1,64}$/.test(v),
	ruleId: (v: string) => /^[A-Za-z0-9_.-]{1,64}$/.test(v),
	year: (v: string) => /^(19[5-9]\d|20\d\d|2100)$/.test(v),
	funcCode: (v: string) => /^\d{3}(\d{2}){0,2}$/.test(v),
	econCode: (v: string) => /^\d{3}(\d{2})?$/.test(v),
	seq: (v: string) => /^[1-9]\d{0,5}$/.test(v),
	/** Names: 1–200 characters, no markup or control characters. */
	text: (v: string) =>
		v.length >= 1 &&
		v.length <= MAX_TEXT &&
		v.trim() === v &&
		!/[<>]/.test(v) &&
		!hasControl(v) &&
		!/javascript:/i.test(v)
};

/** C0/C1 control characters (tab and newline included: names never hold them). */
export function hasControl(v: string): boolean {
	for (let i = 0; i < v.length; i++) {
		const c = v.charCodeAt(i);
		if (c < 32 || (c >= 127 && c < 160)) return true;
	}
	return false;
}
