import { describe, expect, it } from 'vitest';
import {
	addDecimal,
	droppedOverviewStatement,
	mergeDropped,
	type DroppedOverviewRow
} from './dropped';
import type { RollupOverviewRow } from './rollup';

const row = (o: Partial<RollupOverviewRow>): RollupOverviewRow => ({
	fiscal_year: 2024,
	province: '上海市',
	kind: 'budget',
	documents: 1,
	departments: 1,
	expenditure_total: null,
	basic_total: null,
	project_total: null,
	three_public_total: null,
	project_count: 0,
	indicator_count: 0,
	issue_count: 0,
	...o
});
const drop = (o: Partial<DroppedOverviewRow>): DroppedOverviewRow => ({
	...row(o),
	new_departments: o.new_departments ?? 0
});

describe('addDecimal', () => {
	it('adds exactly, NULL only when both sides are NULL (SQL sum over the union)', () => {
		expect(addDecimal('0.1', '0.2')).toBe('0.3000');
		expect(addDecimal('0.1000', '0.2000')).toBe('0.3000');
		expect(addDecimal('99999999999999.9999', '0.0001')).toBe('100000000000000.0000');
		expect(addDecimal('-5.5000', '5.5000')).toBe('0.0000');
		expect(addDecimal(null, '1.2345')).toBe('1.2345');
		expect(addDecimal('7.0000', null)).toBe('7.0000');
		expect(addDecimal(null, null)).toBeNull();
	});
});

describe('mergeDropped', () => {
	const rollup = [
		row({ fiscal_year: null, province: null, documents: 2, departments: 2 }),
		row({ fiscal_year: 2023, expenditure_total: '0.1000', three_public_total: null }),
		row({
			fiscal_year: 2024,
			documents: 3,
			departments: 2,
			expenditure_total: '100.1000',
			basic_total: '60.0000',
			project_count: 4,
			issue_count: 2
		})
	];

	it('adds a dropped group into the same (year, province, kind) exactly', () => {
		const merged = mergeDropped(rollup, [
			drop({
				fiscal_year: 2023,
				documents: 1,
				departments: 1,
				new_departments: 0,
				expenditure_total: '0.2000',
				three_public_total: null,
				indicator_count: 5
			})
		]);
		expect(merged).toHaveLength(3);
		expect(merged[1]).toEqual(
			row({
				fiscal_year: 2023,
				documents: 2,
				// the dropped document's department is already in the group: not counted again
				departments: 1,
				expenditure_total: '0.3000',
				three_public_total: null,
				indicator_count: 5
			})
		);
		// the other rows are untouched
		expect(merged[0]).toEqual(rollup[0]);
		expect(merged[2]).toEqual(rollup[2]);
	});

	it('counts a new department and keeps NULL + value = value', () => {
		const [, , y2024] = mergeDropped(rollup, [
			drop({
				documents: 2,
				departments: 2,
				new_departments: 1,
				expenditure_total: null,
				basic_total: '0.0001',
				three_public_total: '3.0000',
				project_count: 1,
				issue_count: 1
			})
		]);
		expect(y2024).toEqual(
			row({
				documents: 5,
				departments: 3,
				expenditure_total: '100.1000',
				basic_total: '60.0001',
				three_public_total: '3.0000',
				project_count: 5,
				issue_count: 3
			})
		);
	});

	it('adds groups only the drop has, in rollup order (NULLs first), without touching its input', () => {
		const copy = structuredClone(rollup);
		const merged = mergeDropped(rollup, [
			drop({ fiscal_year: 2024, kind: 'final', new_departments: 1, expenditure_total: '5.0000' }),
			drop({ fiscal_year: 2022, province: '江苏省', new_departments: 1 }),
			drop({ fiscal_year: 2024, province: null, new_departments: 1 })
		]);
		expect(merged.map((r) => [r.fiscal_year, r.province, r.kind])).toEqual([
			[null, null, 'budget'],
			[2022, '江苏省', 'budget'],
			[2023, '上海市', 'budget'],
			[2024, null, 'budget'],
			[2024, '上海市', 'budget'],
			[2024, '上海市', 'final']
		]);
		expect(merged[5]).toEqual(
			row({ kind: 'final', documents: 1, departments: 1, expenditure_total: '5.0000' })
		);
		expect(rollup).toEqual(copy);
	});

	it('leaves the rollup as it is when nothing was dropped', () => {
		expect(mergeDropped(rollup, [])).toEqual(rollup);
	});
});

describe('droppedOverviewStatement', () => {
	it('binds the dropped ids and reads no row for an empty list', () => {
		const s = droppedOverviewStatement(['a', 'b']);
		expect(s.params).toEqual(['a', 'b', 'a', 'b']);
		expect(s.sql).toContain('o.doc_id IN ($1, $2)');
		expect(s.sql).toContain('NOT (d.doc_id IN ($3, $4))');
		const none = droppedOverviewStatement([]);
		expect(none.params).toEqual([]);
		expect(none.sql).toContain('WHERE FALSE');
	});
});
