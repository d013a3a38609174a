/**
 * What a drop loads on a lazily loaded snapshot: the tables the peer rules
 * read or rewrite, found in their SQL; never source_lines (26.8 M rows at
 * 100,000 documents), which no peer rule reads.
 */
import { describe, expect, it } from 'vitest';
import { PEER_INPUT_TABLES } from '../../src/lib/db/browser-connector';
import { TABLES } from '../../src/lib/schema/tables';

describe('tables loaded before a drop recomputes peer flags', () => {
	it('are the peer rules’ inputs and flags, not every table', () => {
		for (const t of ['flags', 'documents', 'indicators', 'projects', 'three_public'])
			expect(PEER_INPUT_TABLES).toContain(t);
		expect(PEER_INPUT_TABLES).not.toContain('source_lines');
		expect(PEER_INPUT_TABLES).not.toContain('parse_issues');
		expect(PEER_INPUT_TABLES.length).toBeLessThan(TABLES.length);
		const known = new Set<string>(TABLES.map((t) => t.name));
		expect(PEER_INPUT_TABLES.filter((t) => !known.has(t))).toEqual([]);
	});
});
