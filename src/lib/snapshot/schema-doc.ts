/**
 * docs/schema.md as committed: the rendered schema doc formatted with the
 * repository's Prettier configuration (Node only; used by the generator
 * script and the test that keeps the committed file current).
 */
import prettier from 'prettier';
import { renderSchemaDoc } from '../schema/doc';

export const SCHEMA_DOC_PATH = 'docs/schema.md';

export async function formattedSchemaDoc(file: string): Promise<string> {
	const options = (await prettier.resolveConfig(file)) ?? {};
	return prettier.format(renderSchemaDoc(), { ...options, filepath: file, parser: 'markdown' });
}
