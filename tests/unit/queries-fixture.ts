/**
 * Shared helpers for the query layer tests: where the Parquet fixture lives
 * (tests/fixtures/snapshot, built by scripts/make-fixture.ts) and a Node
 * connector opened on it.
 */
import path from 'node:path';
import { openNodeConnector, type NodeConnectorOptions } from '../../src/lib/db/node';

export const FIXTURE_DIR = path.resolve(process.cwd(), 'tests/fixtures/snapshot');
export const CORPUS_TEXT = path.resolve(process.cwd(), '../shared/corpus/text');

export function openFixture(options: Omit<NodeConnectorOptions, 'parquetDir'> = {}) {
	return openNodeConnector({ parquetDir: FIXTURE_DIR, ...options });
}
