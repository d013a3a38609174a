import { describe, expect, it } from 'vitest';
import {
	compareCodePoints,
	neededDocs,
	planLoad,
	unitKey,
	type DocIndex
} from '../../src/lib/db/load-plan';
import { parseManifest } from '../../src/lib/db/manifest';

// Documents: two provinces in 2024, one NULL-province document, one in 2023.
const docIndex: DocIndex = new Map([
	[
		'd1',
		{ fiscal_year: 2024, province: '河北省', department_key: 'hb/a', department_name: '甲局' }
	],
	[
		'd2',
		{ fiscal_year: 2024, province: '河北省', department_key: 'hb/b', department_name: '乙局' }
	],
	[
		'd3',
		{ fiscal_year: 2024, province: '江苏省', department_key: 'js/a', department_name: '甲局' }
	],
	['d4', { fiscal_year: 2024, province: null, department_key: 'x/a', department_name: null }],
	['d5', { fiscal_year: 2023, province: '河北省', department_key: 'hb/a', department_name: '甲局' }]
]);

const rg = (rows: number, min: string | null, max: string | null) => ({
	rows,
	doc_min: min,
	doc_max: max
});
const part = (year: number | null, province: string | null, row_groups: unknown[]) => ({
	path: `parts/projects/fiscal_year=${year ?? '__HIVE_DEFAULT_PARTITION__'}/province=${province ?? '__HIVE_DEFAULT_PARTITION__'}/part-0.parquet`,
	fiscal_year: year,
	province,
	row_groups
});

const partitioned = parseManifest({
	snapshot_id: 'p',
	schema_version: 3,
	layout: 'partitioned',
	tables: {
		documents: {
			file: 'documents.parquet',
			parts: [{ path: 'documents.parquet', row_groups: [rg(5, 'd1', 'd5')] }]
		},
		projects: {
			file: null,
			parts: [
				part(2024, '河北省', [rg(3, 'd1', 'd1'), rg(3, 'd1', 'd2'), rg(2, 'd2', 'd2')]),
				part(2024, '江苏省', [rg(4, 'd3', 'd3')]),
				part(2024, null, [rg(1, 'd4', 'd4'), rg(0, null, null)]),
				part(2023, '河北省', [rg(2, 'd5', 'd5')]),
				part(null, null, [rg(1, null, null)])
			]
		},
		flags: { file: null, parts: [] }
	}
});

const keys = (units: ReturnType<typeof planLoad>) =>
	units.map(
		(u) => `${u.path.split('/').slice(2, 4).join('/')}#${u.rowGroup}@${u.rowStart}+${u.rows}`
	);

describe('planLoad (partitioned)', () => {
	it('one department: its partitions, then the row groups whose doc range holds its documents', () => {
		expect(
			keys(planLoad(partitioned, docIndex, [{ table: 'projects', departments: ['hb/b'] }]))
		).toEqual(['fiscal_year=2024/province=河北省#1@3+3', 'fiscal_year=2024/province=河北省#2@6+2']);
	});

	it('a department across years and a published name matching two provinces', () => {
		expect(
			keys(planLoad(partitioned, docIndex, [{ table: 'projects', departments: ['hb/a'] }]))
		).toEqual([
			'fiscal_year=2024/province=河北省#0@0+3',
			'fiscal_year=2024/province=河北省#1@3+3',
			'fiscal_year=2023/province=河北省#0@0+2'
		]);
		const byName = keys(
			planLoad(partitioned, docIndex, [{ table: 'projects', departments: ['甲局'] }])
		);
		expect(byName).toContain('fiscal_year=2024/province=江苏省#0@0+4');
		expect(byName).toHaveLength(4);
	});

	it('a NULL-province document reads the default partition only, and skips empty row groups', () => {
		expect(keys(planLoad(partitioned, docIndex, [{ table: 'projects', docs: ['d4'] }]))).toEqual([
			'fiscal_year=2024/province=__HIVE_DEFAULT_PARTITION__#0@0+1'
		]);
	});

	it('a whole-table need takes every non-empty row group, including unknown-range ones', () => {
		const units = planLoad(partitioned, docIndex, [{ table: 'projects' }]);
		expect(units).toHaveLength(7);
		expect(units.reduce((s, u) => s + (u.rows ?? 0), 0)).toBe(16);
		// Empty lists mean no filter, as in queries/sql.ts deptIn.
		expect(
			planLoad(partitioned, docIndex, [{ table: 'projects', departments: [], docs: [] }])
		).toEqual(units);
	});

	it('never plans a unit twice, nor one already loaded', () => {
		const needs = [
			{ table: 'projects', departments: ['hb/a'] },
			{ table: 'projects', docs: ['d1', 'd2'] }
		];
		const first = planLoad(partitioned, docIndex, needs);
		expect(new Set(first.map(unitKey)).size).toBe(first.length);
		expect(first).toHaveLength(4);
		const rest = planLoad(
			partitioned,
			docIndex,
			[{ table: 'projects' }],
			new Set(first.map(unitKey))
		);
		expect(rest).toHaveLength(3);
		expect(rest.some((u) => first.some((f) => unitKey(f) === unitKey(u)))).toBe(false);
	});

	it('a scope (partition values) selects the partitions of its documents', () => {
		const plan = (scope: { years?: number[]; provinces?: string[] }, departments?: string[]) =>
			keys(planLoad(partitioned, docIndex, [{ table: 'projects', scope, departments }]));
		expect(plan({ years: [2024] })).toEqual([
			'fiscal_year=2024/province=河北省#0@0+3',
			'fiscal_year=2024/province=河北省#1@3+3',
			'fiscal_year=2024/province=河北省#2@6+2',
			'fiscal_year=2024/province=江苏省#0@0+4',
			'fiscal_year=2024/province=__HIVE_DEFAULT_PARTITION__#0@0+1'
		]);
		// Within a dimension a union, across dimensions an intersection.
		expect(plan({ provinces: ['河北省'] })).toHaveLength(4);
		expect(plan({ years: [2023, 2024], provinces: ['江苏省'] })).toEqual([
			'fiscal_year=2024/province=江苏省#0@0+4'
		]);
		// With departments: those departments' documents inside the scope.
		expect(plan({ years: [2023] }, ['hb/a'])).toEqual(['fiscal_year=2023/province=河北省#0@0+2']);
		expect(plan({ years: [2022] })).toEqual([]);
		// Empty lists do not narrow: the whole table.
		expect(plan({ years: [], provinces: [] })).toHaveLength(7);
		expect(neededDocs({ table: 'projects', scope: { provinces: ['江苏省'] } }, docIndex)).toEqual(
			new Set(['d3'])
		);
	});

	it('unknown documents, departments and tables plan nothing', () => {
		expect(planLoad(partitioned, docIndex, [{ table: 'projects', docs: ['nope'] }])).toEqual([]);
		expect(planLoad(partitioned, docIndex, [{ table: 'projects', departments: ['nope'] }])).toEqual(
			[]
		);
		expect(
			planLoad(partitioned, docIndex, [{ table: 'rollup_overview' }, { table: 'flags' }])
		).toEqual([]);
	});
});

describe('planLoad (flat)', () => {
	const flat = parseManifest({
		snapshot_id: 'f',
		schema_version: 3,
		layout: 'flat',
		tables: {
			projects: {
				file: 'projects.parquet',
				parts: [
					{
						path: 'projects.parquet',
						fiscal_year: null,
						province: null,
						row_groups: [rg(4, 'd1', 'd2'), rg(4, 'd3', 'd5')]
					}
				]
			}
		}
	});

	it('uses row-group doc ranges without partition matching', () => {
		expect(planLoad(flat, docIndex, [{ table: 'projects', docs: ['d1', 'd4'] }])).toHaveLength(2);
		expect(planLoad(flat, docIndex, [{ table: 'projects', docs: ['d5'] }])).toEqual([
			{ table: 'projects', path: 'projects.parquet', rowGroup: 1, rowStart: 4, rows: 4 }
		]);
	});

	it('v2 manifests: one whole-file unit per table', () => {
		const v2 = parseManifest({
			snapshot_id: 'v2',
			schema_version: 2,
			tables: {
				projects: { file: 'projects.parquet', rows: 9 },
				summary: { file: 'summary.parquet', rows: 2 }
			}
		});
		expect(planLoad(v2, docIndex, [{ table: 'projects', departments: ['hb/a'] }])).toEqual([
			{ table: 'projects', path: 'projects.parquet', rowGroup: null, rowStart: 0, rows: 9 }
		]);
		expect(planLoad(v2, docIndex, [{ table: 'projects' }], new Set(['projects.parquet']))).toEqual(
			[]
		);
	});
});

describe('compareCodePoints', () => {
	it('orders by code point like DuckDB, not by UTF-16 unit', () => {
		expect(compareCodePoints('\u{1F600}', '\uFF01')).toBeGreaterThan(0);
		expect('\u{1F600}' < '\uFF01').toBe(true);
		expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
		expect(compareCodePoints('b', 'b')).toBe(0);
		const words = [
			'\u{1F600}a',
			'\uFF01',
			'z',
			'河北',
			'\u{20000}',
			'\uE000',
			'a\u{1F600}',
			'a\uFFFF'
		];
		const bytes = (s: string) => Array.from(new TextEncoder().encode(s));
		const byUtf8 = [...words].sort((x, y) => {
			const [p, q] = [bytes(x), bytes(y)];
			for (let i = 0; i < Math.min(p.length, q.length); i++)
				if (p[i] !== q[i]) return p[i]! - q[i]!;
			return p.length - q.length;
		});
		expect([...words].sort(compareCodePoints)).toEqual(byUtf8);
	});
});
