/** docs/schema.md is exactly what scripts/gen-schema-doc.ts generates from src/lib/schema. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchemaDoc } from '../../src/lib/schema/doc';
import { TABLES } from '../../src/lib/schema/tables';
import { MANIFEST_FIELDS } from '../../src/lib/schema/manifest';
import { ROLLUPS } from '../../src/lib/schema/rollups';
import { formattedSchemaDoc, SCHEMA_DOC_PATH } from '../../src/lib/snapshot/schema-doc';

const file = path.resolve(process.cwd(), SCHEMA_DOC_PATH);

describe('docs/schema.md', () => {
	it('equals the generated text (run npx tsx scripts/gen-schema-doc.ts)', async () => {
		expect(await readFile(file, 'utf8')).toBe(await formattedSchemaDoc(file));
	});

	it('documents every table, rollup table, column (with both languages) and manifest field', () => {
		const doc = renderSchemaDoc();
		for (const t of [...TABLES, ...ROLLUPS]) {
			expect(doc).toContain(`## ${t.name}\n`);
			for (const c of t.columns)
				expect(doc).toContain(
					`| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${c.zh.replace(/\|/g, '\\|')} |`
				);
		}
		// Manifest v3: layouts, parts with their row-group index, rollups.
		expect(MANIFEST_FIELDS.map((f) => f.field)).toEqual(
			expect.arrayContaining([
				'layout',
				'partition_by',
				'document_count',
				'synthetic',
				'documents_omitted',
				'tables.<name>.parts[]',
				'tables.<name>.parts[].row_groups[]',
				'rollups.<name>'
			])
		);
		expect(doc).toContain('| `province` | VARCHAR | yes |');
		for (const f of MANIFEST_FIELDS)
			expect(doc).toContain(`| \`${f.field}\` | ${f.zh} | ${f.en} |`);
	});
});
