import { describe, expect, it } from 'vitest';
import {
	defaultState,
	parseUrl,
	serializeSearch,
	serializeState,
	THREE_PUBLIC_CATEGORIES,
	VIEW_PATHS,
	type AppState,
	type ViewId
} from './index';

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const NAMES = [
	'秦皇岛经济技术开发区民生保障局',
	'上海市普陀区人民政府万里街道办事处',
	'江苏省人大常委会办公厅',
	'A&B=C d+e%f',
	'名称 with spaces',
	'引号"\'与#号?',
	'义务兵家庭优待金'
];

function gen(r: () => number) {
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
	const maybe = <T>(v: T): T | null => (r() < 0.5 ? null : v);
	const some = <T>(xs: readonly T[]): T[] => [...new Set(xs.filter(() => r() < 0.4))];
	const year = () => 2015 + Math.floor(r() * 12);
	const snapshot = maybe(pick(['abc123', 'fixture-0001', '0f1e2d3c4b5a6978']));
	const data = maybe(pick(['synth-e2e', 'demo', '0', 'a'.repeat(41), 'x-1-y']));
	const view = pick(Object.keys(VIEW_PATHS) as ViewId[]);
	switch (view) {
		case 'overview':
			return {
				view,
				snapshot,
				data,
				departments: some(NAMES),
				years: [...new Set([year(), year()])].slice(0, Math.floor(r() * 3))
			} satisfies AppState;
		case 'department':
			return {
				view,
				snapshot,
				data,
				department: maybe(pick(NAMES)),
				year: maybe(year()),
				kind: maybe(pick(['budget', 'final'] as const)),
				func: maybe(pick(['208', '20801', '2080101'])),
				econ: maybe(pick(['301', '30102'])),
				project: maybe(1 + Math.floor(r() * 60))
			} satisfies AppState;
		case 'compare':
			return {
				view,
				snapshot,
				data,
				docs: some(['57b0326033a82b7d', 'd_qhd_2024', 'x-1']),
				classification: pick(['function', 'economic'] as const),
				level: pick([1, 2, 3] as const),
				measure: pick(['total', 'basic', 'project'] as const),
				mode: pick(['share', 'abs'] as const)
			} satisfies AppState;
		case 'per-capita':
			return {
				view,
				snapshot,
				data,
				group: maybe(pick(NAMES)),
				departments: some(NAMES)
			} satisfies AppState;
		case 'three-public':
			return {
				view,
				snapshot,
				data,
				departments: some(NAMES),
				measure: pick(['budget', 'actual'] as const),
				category: pick(THREE_PUBLIC_CATEGORIES)
			} satisfies AppState;
		case 'flags':
			return {
				view,
				snapshot,
				data,
				rule: maybe(pick(['unit_mismatch', 'R1.2'])),
				severity: maybe(pick(['error', 'warning', 'info'] as const)),
				department: maybe(pick(NAMES))
			} satisfies AppState;
		case 'sql':
			return {
				view,
				snapshot,
				data,
				sql: pick([
					'',
					'SELECT * FROM documents',
					"SELECT '<b>&amp;</b>'\n-- 注释 ; # ?",
					'select 1 + 2 = 3'
				]),
				limit: pick([10_000, 1, 500, 100_000]),
				scopeYears: [...new Set([year(), year()])].slice(0, Math.floor(r() * 3)),
				scopeProvinces: some(['广东省', '北京市', '名称 with spaces', '引号"\'与#号?'])
			} satisfies AppState;
	}
}

describe('round trip', () => {
	it('parse ∘ serialize is the identity on 2000 random valid states, without errors', () => {
		const r = rng(20251122);
		for (let i = 0; i < 2000; i++) {
			const state = gen(r);
			const link = serializeState(state);
			const { state: back, errors } = parseUrl(link);
			expect(errors, link).toEqual([]);
			expect(back, link).toEqual(state);
			// serializing again gives the same link (canonical form)
			expect(serializeState(back)).toBe(link);
		}
	});

	it('omits defaults', () => {
		for (const view of Object.keys(VIEW_PATHS) as ViewId[]) {
			expect(serializeSearch(defaultState(view))).toBe('');
		}
		expect(serializeState({ ...defaultState('compare'), level: 2 } as AppState)).toBe(
			'/compare?lv=2'
		);
	});

	it('works under a base path and with .html routes', () => {
		expect(parseUrl('https://host/app/three-public?cat=reception').state).toMatchObject({
			view: 'three-public',
			category: 'reception'
		});
		expect(parseUrl('/app/department.html?y=2024').state).toMatchObject({
			view: 'department',
			year: 2024
		});
		expect(parseUrl('/app/').state.view).toBe('overview');
	});
});

describe('hostile and broken links', () => {
	it('falls back to defaults with a Chinese message per problem', () => {
		const { state, errors } = parseUrl(
			'/compare?lv=9&cls=<script>&doc=ok1&doc=bad%20id&zzz=1&s=%3Cx%3E'
		);
		expect(state).toEqual({ ...defaultState('compare'), docs: ['ok1'] });
		expect(errors).toHaveLength(5);
		expect(errors.join('\n')).toMatch(/参数 lv 的值 “9” 无效/);
		expect(errors.join('\n')).toMatch(/未知参数 “zzz”，已忽略/);
	});

	it('refuses HTML and control characters in names', () => {
		const { state, errors } = parseUrl(
			'/department?d=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&y=2024'
		);
		expect(state).toMatchObject({ view: 'department', department: null, year: 2024 });
		expect(errors).toHaveLength(1);
		expect(parseUrl('/flags?d=a%00b').state).toMatchObject({ department: null });
		expect(parseUrl('/flags?d=javascript:alert(1)').state).toMatchObject({ department: null });
	});

	it('keeps hostile SQL as text for the SQL guard to refuse', () => {
		const sql = "COPY documents TO 'x.csv'; ATTACH 'y'";
		expect(parseUrl(`/sql?q=${encodeURIComponent(sql)}`)).toEqual({
			state: { ...defaultState('sql'), sql },
			errors: []
		});
		const long = parseUrl(`/sql?q=${'x'.repeat(20_001)}&n=0`);
		expect(long.state).toEqual(defaultState('sql'));
		expect(long.errors).toHaveLength(2);
	});

	it('reads the SQL scope (sy, sp) in order, each value once, refusing bad values', () => {
		const { state, errors } = parseUrl('/sql?q=x&sy=2024&sy=2023&sy=2024&sp=广东省&sy=20x4&sp=<b>');
		expect(state).toMatchObject({ scopeYears: [2024, 2023], scopeProvinces: ['广东省'] });
		expect(errors).toHaveLength(2);
		expect(serializeState(state)).toBe(
			`/sql?q=x&sy=2024&sy=2023&sp=${encodeURIComponent('广东省')}`
		);
		// No scope chosen: nothing in the URL.
		expect(serializeState(parseUrl('/sql?q=x&sy=&sp=').state)).toBe('/sql?q=x');
	});

	it('never throws on garbage', () => {
		const r = rng(7);
		const alphabet = [
			'%',
			'%zz',
			'&',
			'=',
			'?',
			'#',
			'/',
			'<',
			'>',
			'"',
			"'",
			'\u0000',
			'\uffff',
			'\ud800',
			'𠀀',
			'd',
			'y',
			'lv',
			'q',
			's',
			'2024',
			' ',
			'+',
			';',
			'\n'
		];
		for (let i = 0; i < 3000; i++) {
			let s = '';
			const n = Math.floor(r() * 60);
			for (let k = 0; k < n; k++) s += alphabet[Math.floor(r() * alphabet.length)];
			const path = ['/', '/department', '/compare', '/sql', '/nope', '//', ''][i % 7];
			const res = parseUrl(`${path}?${s}`);
			expect(res.state.view).toBeTypeOf('string');
			expect(Array.isArray(res.errors)).toBe(true);
			// whatever was parsed serializes and parses back to the same state
			expect(parseUrl(serializeState(res.state)).state).toEqual(res.state);
		}
	});

	it('handles huge input quickly and names an unknown page', () => {
		const huge = parseUrl('/?' + 'd=x&'.repeat(40_000));
		expect(huge.state).toEqual(defaultState());
		expect(huge.errors[0]).toMatch(/过长/);
		const many = parseUrl(
			'/three-public?' + Array.from({ length: 80 }, (_, i) => `d=n${i}`).join('&')
		);
		expect((many.state as { departments: string[] }).departments).toHaveLength(50);
		expect(many.errors).toEqual(['参数 d 超过 50 个，多余的已忽略。']);
		const unknown = parseUrl('/%3Cscript%3E?a=1');
		expect(unknown.state).toEqual(defaultState());
		expect(unknown.errors[0]).toBe('未知的页面 “/<script>”，已打开总览。');
		expect(parseUrl('http://[bad').errors).toEqual(['链接无法解析，已打开总览。']);
	});

	it('reports duplicated single-valued parameters', () => {
		const { state, errors } = parseUrl('/department?y=2023&y=2024');
		expect(state).toMatchObject({ year: 2023 });
		expect(errors).toEqual(['参数 y 出现了 2 次，只使用第一个。']);
	});
});

describe('data (which snapshot folder to open)', () => {
	it('is kept on every view and written after the view parameters, before s', () => {
		expect(
			serializeState({
				...defaultState('department'),
				data: 'synth-e2e',
				snapshot: 'ab12',
				year: 2024
			} as AppState)
		).toBe('/department?y=2024&data=synth-e2e&s=ab12');
		for (const view of Object.keys(VIEW_PATHS) as ViewId[]) {
			const { state, errors } = parseUrl(`${VIEW_PATHS[view]}?data=demo-2`);
			expect(errors).toEqual([]);
			expect(state.data).toBe('demo-2');
		}
	});

	it('refuses names that could leave /data/, with a Chinese message', () => {
		for (const bad of [
			'../x',
			'..',
			'a/b',
			'Demo',
			'-a',
			'a'.repeat(42),
			'%2e%2e',
			'a b',
			'x.y',
			''
		]) {
			const { state, errors } = parseUrl(`/?data=${encodeURIComponent(bad)}`);
			expect(state.data, bad).toBeNull();
			expect(errors.join(''), bad).toContain('参数 data 的值');
			expect(errors.join(''), bad).toContain('默认快照');
		}
	});
});
