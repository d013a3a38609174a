import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../src/lib/db/manifest';
import { fileUrl, isSnapshotPath } from '../../src/lib/db/manifest-path';

const part = (path: string, extra: Record<string, unknown> = {}) => ({
	path,
	fiscal_year: 2024,
	province: '河北省',
	rows: 10,
	bytes: 500,
	sha256: 'x',
	row_groups: [
		{ rows: 6, doc_min: 'a', doc_max: 'c' },
		{ rows: 4, doc_min: 'c', doc_max: null }
	],
	...extra
});

const v3 = (tables: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
	snapshot_id: 'v3',
	schema_version: 3,
	layout: 'partitioned',
	partition_by: ['fiscal_year', 'province'],
	document_count: 5000,
	synthetic: true,
	documents: [],
	documents_omitted: true,
	tables,
	rollups: {
		rollup_overview: { file: 'rollup_overview.parquet', rows: 3, bytes: 900, sha256: 'y' },
		rollup_documents: { file: 'rollup_documents.parquet', rows: 5000, bytes: 9000 }
	},
	...more
});

describe('parseManifest v3', () => {
	it('reads layout, parts with row groups, rollups and the flags', () => {
		const m = parseManifest(
			v3({
				documents: {
					file: 'documents.parquet',
					rows: 5000,
					parts: [part('documents.parquet', { fiscal_year: null, province: null })]
				},
				indicators: {
					file: null,
					rows: 10,
					parts: [part('parts/indicators/fiscal_year=2024/province=河北省/part-0.parquet')]
				}
			})
		);
		expect(m).toMatchObject({
			layout: 'partitioned',
			partition_by: ['fiscal_year', 'province'],
			document_count: 5000,
			synthetic: true,
			documents_omitted: true,
			rollups: [
				{ name: 'rollup_overview', file: 'rollup_overview.parquet', rows: 3, bytes: 900 },
				{ name: 'rollup_documents', file: 'rollup_documents.parquet', rows: 5000, bytes: 9000 }
			]
		});
		const ind = m.tables[1]!;
		expect(ind.file).toBeNull();
		expect(ind.parts[0]).toEqual({
			path: 'parts/indicators/fiscal_year=2024/province=河北省/part-0.parquet',
			fiscal_year: 2024,
			province: '河北省',
			rows: 10,
			bytes: 500,
			row_groups: [
				{ rows: 6, doc_min: 'a', doc_max: 'c' },
				{ rows: 4, doc_min: 'c', doc_max: null }
			],
			every_partition: false
		});
	});

	it('accepts a partitioned table without parts (no rows) and a NULL partition', () => {
		const m = parseManifest(
			v3({
				flags: { file: null, rows: 0, parts: [] },
				projects: {
					file: null,
					parts: [
						part(
							'parts/projects/fiscal_year=__HIVE_DEFAULT_PARTITION__/province=__HIVE_DEFAULT_PARTITION__/part-0.parquet',
							{
								fiscal_year: null,
								province: null
							}
						)
					]
				}
			})
		);
		expect(m.tables[0]?.parts).toEqual([]);
		expect(m.tables[1]?.parts[0]).toMatchObject({ fiscal_year: null, province: null });
	});

	it.each([
		[
			{ indicators: { parts: [part('/etc/x.parquet')] } },
			'manifest.json：表 indicators 的 parts[0] 的文件路径无效'
		],
		[{ indicators: { parts: [part('parts/../x.parquet')] } }, 'parts[0] 的文件路径无效'],
		[{ indicators: { parts: [part('parts/./x.parquet')] } }, 'parts[0] 的文件路径无效'],
		[{ indicators: { parts: [part('parts//x.parquet')] } }, 'parts[0] 的文件路径无效'],
		[{ indicators: { parts: [part('parts/x.csv')] } }, 'parts[0] 的文件路径无效'],
		[{ indicators: { parts: [part('parts/a b.parquet')] } }, 'parts[0] 的文件路径无效'],
		[{ indicators: { parts: [part('parts\\x.parquet')] } }, 'parts[0] 的文件路径无效'],
		[
			{ indicators: { parts: [part('p.parquet', { fiscal_year: '2024' })] } },
			'parts[0].fiscal_year 无效'
		],
		[{ indicators: { parts: [part('p.parquet', { province: 7 })] } }, 'parts[0].province 无效'],
		[
			{ indicators: { parts: [part('p.parquet', { row_groups: {} })] } },
			'parts[0].row_groups 不是列表'
		],
		[
			{ indicators: { parts: [part('p.parquet', { row_groups: [{ rows: -1 }] })] } },
			'row_groups[0].rows 无效'
		],
		[{ indicators: { parts: 'x' } }, '表 indicators 的 parts 不是列表']
	])('refuses bad tables %#', (tables, message) => {
		expect(() => parseManifest(v3(tables))).toThrow(ManifestError);
		expect(() => parseManifest(v3(tables))).toThrow(message);
	});

	it.each([
		[{ layout: 'sharded' }, 'layout 无效'],
		[{ rollups: { overview: {} } }, 'rollups 中的表名无效'],
		[{ rollups: { rollup_x: { file: '../x.parquet' } } }, 'rollups.rollup_x 的文件路径无效'],
		[{ rollups: [] }, 'rollups 不是一个对象']
	])('refuses %j', (more, message) => {
		expect(() => parseManifest(v3({}, more))).toThrow(message);
	});
});

describe('snapshot paths', () => {
	it('accepts hive folders with CJK values and encodes each segment for the URL', () => {
		const p = 'parts/indicators/fiscal_year=2024/province=河北省/part-0.parquet';
		expect(isSnapshotPath(p)).toBe(true);
		expect(fileUrl('http://h/data/big/', p)).toBe(
			'http://h/data/big/parts/indicators/fiscal_year=2024/province=%E6%B2%B3%E5%8C%97%E7%9C%81/part-0.parquet'
		);
	});

	it.each([
		'',
		'x.parquet/',
		'.hidden.parquet',
		'a/../b.parquet',
		'a?.parquet',
		'a%2F.parquet',
		'C:/x.parquet'
	])('refuses %j', (p) => expect(isSnapshotPath(p)).toBe(false));
});
