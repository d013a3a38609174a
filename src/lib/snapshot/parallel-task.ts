/**
 * One document's work inside an ingest worker (or inline with --jobs 1):
 * read the file, look it up in the cache, else parse it (ingest.ts) and
 * turn it into plain snapshot rows (schema/rows.ts: decimals as exact
 * strings) that cross the thread boundary and the cache as JSON without
 * losing anything. The report line is rendered here, from the real
 * ParsedDocument, so the main thread never needs one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentRows, type TableRows } from '../schema/rows';
import { cacheKey, type IngestCache } from './cache';
import { ingestFile, isUnknownLayout } from './ingest';
import { documentLine } from './report';

export type TaskResult =
	| {
			status: 'ok';
			file: string;
			bytes: number;
			docId: string;
			sourceName: string;
			unknownLayout: boolean;
			line: string;
			rows: TableRows;
			cached: boolean;
	  }
	| {
			status: 'failed';
			file: string;
			code: string;
			message: string;
			bytes: number;
			cached: boolean;
	  };

type Stored =
	| Omit<Extract<TaskResult, { status: 'ok' }>, 'file' | 'cached'>
	| Omit<Extract<TaskResult, { status: 'failed' }>, 'file' | 'cached'>;

export async function runTask(file: string, cache: IngestCache | null): Promise<TaskResult> {
	let key: string | null = null;
	if (cache) {
		try {
			key = cacheKey(path.basename(file), await readFile(file));
			const hit = await cache.get<Stored>(key);
			if (hit) return { ...hit, file, cached: true };
		} catch {
			key = null; // unreadable: ingestFile reports it below
		}
	}
	// Duplicates are decided by the caller, in input order.
	const outcome = await ingestFile(file, new Map());
	let stored: Stored;
	if (outcome.status === 'ok') {
		stored = {
			status: 'ok',
			bytes: outcome.bytes,
			docId: outcome.doc.document.doc_id,
			sourceName: outcome.doc.document.source_name,
			unknownLayout: isUnknownLayout(outcome.doc),
			line: documentLine(outcome.doc),
			rows: documentRows(outcome.doc)
		};
	} else if (outcome.status === 'failed') {
		stored = {
			status: 'failed',
			code: outcome.code,
			message: outcome.message,
			bytes: outcome.bytes
		};
	} else throw new Error(`unexpected duplicate outcome for ${file}`);
	// key is null when the file could not be read: such failures are not cached.
	if (cache && key) await cache.put(key, stored);
	return { ...stored, file, cached: false };
}
