/**
 * Writes docs/schema.md from src/lib/schema (formatted with the repository's
 * Prettier settings so `prettier --check` agrees).
 *
 *   npx tsx scripts/gen-schema-doc.ts          # write
 *   npx tsx scripts/gen-schema-doc.ts --check  # exit 1 when the file is stale
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formattedSchemaDoc, SCHEMA_DOC_PATH } from '../src/lib/snapshot/schema-doc';

const file = path.resolve(process.cwd(), SCHEMA_DOC_PATH);
const text = await formattedSchemaDoc(file);
if (process.argv.includes('--check')) {
	const current = await readFile(file, 'utf8').catch(() => '');
	if (current !== text) {
		console.error(`${SCHEMA_DOC_PATH} is stale: run npx tsx scripts/gen-schema-doc.ts`);
		process.exit(1);
	}
	console.log(`${SCHEMA_DOC_PATH} is up to date`);
} else {
	await writeFile(file, text);
	console.log(`wrote ${SCHEMA_DOC_PATH}`);
}
