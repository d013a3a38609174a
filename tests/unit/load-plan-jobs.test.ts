import { describe, expect, it } from 'vitest';
import { fileJobs } from '../../src/lib/db/load-jobs';
import { planLoad, unitKey, type DocIndex } from '../../src/lib/db/load-plan';
import { parseManifest } from '../../src/lib/db/manifest';

const docIndex: DocIndex = new Map([
	['a', { fiscal_year: 2024, province: '河北省', department_key: 'A' }],
	['b', { fiscal_year: 2024, province: '河北省', department_key: 'B' }],
	['c', { fiscal_year: 2024, province: '河北省', department_key: 'C' }]
]);

const rg = (rows: number, min: string, max: string) => ({ rows, doc_min: min, doc_max: max });

function manifest(bytes: number | null) {
	return parseManifest({
		snapshot_id: 's',
		schema_version: 3,
		layout: 'partitioned',
		tables: {
			source_lines: {
				file: null,
				parts: [
					{
						path: 'parts/source_lines/fiscal_year=2024/province=河北省/part-0.parquet',
						fiscal_year: 2024,
						province: '河北省',
						rows: 300,
						bytes,
						row_groups: [rg(100, 'a', 'a'), rg(100, 'b', 'b'), rg(100, 'c', 'c'), rg(0, 'c', 'c')]
					}
				]
			},
			summary: { file: 'summary.parquet', rows: 9, bytes: 900 }
		}
	});
}

describe('fileJobs', () => {
	it('range-reads some row groups, with a proportional estimate', () => {
		const m = manifest(3000);
		const jobs = fileJobs(
			m,
			planLoad(m, docIndex, [{ table: 'source_lines', docs: ['b'] }]),
			new Set()
		);
		expect(jobs).toHaveLength(1);
		expect(jobs[0]).toMatchObject({ whole: false, decode: [1], estimate: 1000 });
	});

	it('fetches a file whole when all its row groups are planned, decoding everything', () => {
		const m = manifest(3000);
		const jobs = fileJobs(m, planLoad(m, docIndex, [{ table: 'source_lines' }]), new Set());
		expect(jobs[0]).toMatchObject({ whole: true, decode: null, estimate: 3000 });
	});

	it('after one row group is loaded, the rest are range-read, never the loaded one', () => {
		const m = manifest(3000);
		const loaded = new Set(
			planLoad(m, docIndex, [{ table: 'source_lines', docs: ['b'] }]).map(unitKey)
		);
		const jobs = fileJobs(m, planLoad(m, docIndex, [{ table: 'source_lines' }], loaded), loaded);
		expect(jobs[0]).toMatchObject({ whole: false, decode: [0, 2] });
	});

	it('without a file size: the whole file, decoding only the planned row groups', () => {
		const m = manifest(null);
		const jobs = fileJobs(
			m,
			planLoad(m, docIndex, [{ table: 'source_lines', docs: ['a', 'c'] }]),
			new Set()
		);
		expect(jobs[0]).toMatchObject({ whole: true, decode: [0, 2], estimate: 0 });
	});

	it('a v2 part without row groups is one whole file', () => {
		const m = manifest(3000);
		const jobs = fileJobs(m, planLoad(m, docIndex, [{ table: 'summary', docs: ['a'] }]), new Set());
		expect(jobs).toEqual([
			expect.objectContaining({ table: 'summary', whole: true, decode: null, estimate: 900 })
		]);
	});
});
