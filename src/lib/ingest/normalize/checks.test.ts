import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ParseContext } from '../context';
import { readText } from '../reader/text';
import { checkSums, residueLimit, type CheckedRow } from './checks';

const D = (s: string | null) => (s === null ? null : new Decimal(s));

function issuesFor(parent: string, children: (string | null)[]) {
	const ctx = new ParseContext('x', readText('t.txt', 'a\tb\n'));
	const rows: CheckedRow[] = [
		{ code: '302', level: 1, total: D(parent), source_line: 1 },
		...children.map((c, i) => ({
			code: `302${String(i + 1).padStart(2, '0')}`,
			level: 2,
			total: D(c),
			source_line: 1
		}))
	];
	checkSums(ctx, 'basic_by_economic', rows);
	return ctx.issues.map((i) => i.code);
}

describe('parent = Σ children checks', () => {
	it('allows half a cent per printed figure (children and parent), at least a cent', () => {
		expect(residueLimit(0).toFixed()).toBe('0.01');
		expect(residueLimit(1).toFixed()).toBe('0.01');
		expect(residueLimit(12).toFixed()).toBe('0.065');
	});

	it('a difference rounding explains is a residue; blank children carry no rounding', () => {
		const twelve = Array.from({ length: 12 }, () => '1.00');
		expect(issuesFor('12.06', twelve)).toEqual(['rounding_residue']);
		expect(issuesFor('12.07', twelve)).toEqual(['sum_mismatch']);
		// Two printed children among blanks: only 0.015 is explained.
		expect(issuesFor('2.02', ['1.00', null, null, '1.00', null])).toEqual(['sum_mismatch']);
		expect(issuesFor('2.01', ['1.00', null, null, '1.00', null])).toEqual(['rounding_residue']);
		expect(issuesFor('2.00', ['1.00', null, '1.00'])).toEqual([]);
	});
});
