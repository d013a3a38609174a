import { describe, expect, it } from 'vitest';
import { snapshotMismatch } from './link-check';

const u = (q: string) => new URL(`http://x/department?${q}`);

describe('snapshotMismatch', () => {
	it('says when the link was made on another snapshot', () => {
		const [msg] = snapshotMismatch(u('s=old123'), 'new456');
		expect(msg).toContain('old123');
		expect(msg).toContain('new456');
	});

	it('is quiet for the same snapshot, links without s, or before loading', () => {
		expect(snapshotMismatch(u('s=same'), 'same')).toEqual([]);
		expect(snapshotMismatch(u('d=x'), 'same')).toEqual([]);
		expect(snapshotMismatch(u('s=old'), null)).toEqual([]);
	});

	it('shortens very long ids', () => {
		const [msg] = snapshotMismatch(u(`s=${'a'.repeat(100)}`), 'b');
		expect(msg).toContain('…');
		expect(msg!.length).toBeLessThan(120);
	});
});
