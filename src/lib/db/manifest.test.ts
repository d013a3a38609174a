import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from './manifest';

describe('parseManifest', () => {
	it('reads the snapshot writer’s format (tables keyed by name)', () => {
		const m = parseManifest({
			snapshot_id: 'abc123',
			schema_version: 2,
			tables: {
				documents: { file: 'documents.parquet', rows: 11, bytes: 5429, sha256: 'x' },
				flags: { file: 'flags.parquet', rows: 0, bytes: 900 }
			}
		});
		const whole = (path: string, rows: number, bytes: number) => ({
			path,
			fiscal_year: null,
			province: null,
			rows,
			bytes,
			row_groups: null,
			every_partition: true
		});
		expect(m).toEqual({
			snapshot_id: 'abc123',
			schema_version: '2',
			layout: 'flat',
			partition_by: [],
			document_count: null,
			synthetic: false,
			documents_omitted: false,
			rollups: [],
			tables: [
				{
					name: 'documents',
					file: 'documents.parquet',
					rows: 11,
					bytes: 5429,
					parts: [whole('documents.parquet', 11, 5429)]
				},
				{
					name: 'flags',
					file: 'flags.parquet',
					rows: 0,
					bytes: 900,
					parts: [whole('flags.parquet', 0, 900)]
				}
			]
		});
	});

	it('accepts a list of names or of objects, defaulting the file name', () => {
		expect(parseManifest({ snapshot_id: 's', tables: ['documents'] }).tables).toMatchObject([
			{ name: 'documents', file: 'documents.parquet', rows: null, bytes: null }
		]);
		expect(parseManifest({ id: 's', tables: [{ name: 'summary', rows: 3 }] }).tables).toMatchObject(
			[{ name: 'summary', file: 'summary.parquet', rows: 3, bytes: null }]
		);
	});

	it('keeps a relative file path', () => {
		const m = parseManifest({
			snapshot_id: 's',
			tables: { summary: { file: 'x/y/summary.parquet' } }
		});
		expect(m.tables[0]?.parts[0]?.path).toBe('x/y/summary.parquet');
	});

	it.each([
		[null, 'manifest.json 不是一个 JSON 对象'],
		[[], 'manifest.json 不是一个 JSON 对象'],
		[{ tables: {} }, 'manifest.json 缺少 snapshot_id'],
		[{ snapshot_id: 's' }, 'manifest.json 缺少 tables 列表'],
		[{ snapshot_id: 's', tables: { 'Robert"); DROP': {} } }, '表名无效'],
		[{ snapshot_id: 's', tables: { documents: { file: '../../etc/passwd' } } }, '文件路径无效'],
		[{ snapshot_id: 's', tables: { documents: { file: '../x.parquet' } } }, '文件路径无效'],
		[
			{ snapshot_id: 's', tables: { documents: { file: 'http://evil/x.parquet?' } } },
			'文件路径无效'
		],
		[{ snapshot_id: 's', tables: { documents: { file: '..parquet' } } }, '文件路径无效']
	])('refuses %j', (json, message) => {
		expect(() => parseManifest(json)).toThrow(ManifestError);
		expect(() => parseManifest(json)).toThrow(message);
	});
});
