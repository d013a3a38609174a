import { describe, expect, it } from 'vitest';
import { tablesNamed } from '../../src/lib/db/sql-tables';

describe('tablesNamed', () => {
	it('lists schema tables named as words or quoted identifiers, once, in order', () => {
		expect(
			tablesNamed(
				'SELECT p.*, i.* FROM "projects" p JOIN Indicators i USING (doc_id) JOIN projects q USING (doc_id)'
			)
		).toEqual(['projects', 'indicators']);
	});

	it('ignores strings, comments and unknown names', () => {
		expect(
			tablesNamed(
				"SELECT 'summary' AS t, $$flags$$ -- source_lines\n/* three_public */ FROM my_table, documents_x"
			)
		).toEqual([]);
		expect(tablesNamed('FROM documents SELECT count(*)')).toEqual(['documents']);
	});
});
