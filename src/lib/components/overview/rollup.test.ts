import { describe, expect, it } from 'vitest';
import { manifestFacts } from '../snapshot-data';
import { kindsOf, NO_PROVINCE, rollupRows, yearBars, yearSummaries } from './rollup';

const raw = [
	{
		fiscal_year: 2023,
		province: '河北省',
		kind: 'budget',
		documents: 2,
		departments: 2,
		expenditure_total: '100.1000',
		three_public_total: null,
		issue_count: 1
	},
	{
		fiscal_year: 2023,
		province: null,
		kind: 'budget',
		documents: 1,
		departments: 1,
		expenditure_total: '0.2000',
		three_public_total: null,
		issue_count: 0
	},
	{
		fiscal_year: 2024,
		province: '上海市',
		kind: 'final',
		documents: 1,
		departments: 1,
		expenditure_total: '5.0000',
		three_public_total: '1.0000',
		issue_count: 0
	},
	{
		fiscal_year: 2024,
		province: '河北省',
		kind: 'budget',
		documents: 3,
		departments: 3,
		expenditure_total: null,
		three_public_total: null,
		issue_count: 2
	}
];

describe('总览 from rollup_overview', () => {
	const rows = rollupRows(raw);

	it('orders kinds budget first and stacks each year by province', () => {
		expect(kindsOf(rows)).toEqual(['budget', 'final']);
		expect(yearBars(rows, 'budget')).toEqual([
			{
				label: '2023',
				segments: [
					{ key: '河北省', value: 100.1 },
					{ key: NO_PROVINCE, value: 0.2 }
				]
			}
		]);
		expect(yearBars(rows, 'final')).toEqual([
			{ label: '2024', segments: [{ key: '上海市', value: 5 }] }
		]);
	});

	it('sums documents, departments and 支出合计 per year and kind exactly', () => {
		expect(yearSummaries(rows)).toEqual([
			{
				year: '2023',
				kind: 'budget',
				documents: 3,
				departments: 3,
				provinces: 2,
				expenditure_total: '100.3000'
			},
			{
				year: '2024',
				kind: 'budget',
				documents: 3,
				departments: 3,
				provinces: 1,
				expenditure_total: '0.0000'
			},
			{
				year: '2024',
				kind: 'final',
				documents: 1,
				departments: 1,
				provinces: 1,
				expenditure_total: '5.0000'
			}
		]);
	});

	it('reads only checked manifest facts', () => {
		expect(
			manifestFacts({
				synthetic: true,
				rollups: { rollup_overview: { file: 'x' } },
				document_count: 30
			})
		).toEqual({
			synthetic: true,
			hasRollupOverview: true,
			documentCount: 30
		});
		expect(manifestFacts({ synthetic: 'yes', rollups: [], document_count: 1.5 })).toEqual({
			synthetic: false,
			hasRollupOverview: false,
			documentCount: null
		});
		expect(manifestFacts(null).synthetic).toBe(false);
	});
});
