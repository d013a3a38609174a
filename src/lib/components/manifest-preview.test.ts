import { describe, expect, it } from 'vitest';
import { previewDocs } from './manifest-preview';

describe('previewDocs', () => {
	it('reads documents from a manifest', () => {
		const docs = previewDocs({
			documents: [
				{
					doc_id: 'a1',
					department_name: '民生保障局',
					fiscal_year: 2024,
					kind: 'budget',
					rows_stored: 10,
					rows_reported: 2
				},
				{ doc_id: 'b2', source_name: 'x.txt', kind: 'final', rows_stored: 3 }
			]
		});
		expect(docs).toEqual([
			{ doc_id: 'a1', label: '民生保障局 2024预算', rows_stored: 10, rows_reported: 2 },
			{ doc_id: 'b2', label: 'x.txt决算', rows_stored: 3, rows_reported: 0 }
		]);
	});

	it('skips malformed entries and refuses non-objects', () => {
		expect(previewDocs(null)).toEqual([]);
		expect(previewDocs({ documents: 'x' })).toEqual([]);
		expect(
			previewDocs({ documents: [null, 5, { doc_id: 7 }, { doc_id: 'ok', rows_stored: -4 }] })
		).toEqual([{ doc_id: 'ok', label: 'ok', rows_stored: 0, rows_reported: 0 }]);
	});
});
