/**
 * Incremental ingest cache (Node only). One JSON file per parsed document
 * under `DIR/<parser fingerprint>/`, named by the sha256 of the file's bytes
 * and of its base name (the name lands in the rows: source_name, messages).
 * The parser fingerprint hashes the sources of src/lib/ingest, rules and
 * schema, so any parser change invalidates the whole cache; an unchanged
 * document is read back instead of parsed again. Entries are written to a
 * temporary file and renamed, so a crash never leaves a torn entry.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Directories whose sources decide what a document parses into. */
const PARSER_DIRS = ['../ingest', '../rules', '../schema'].map((d) => path.resolve(HERE, d));

async function listSources(dir: string, out: string[]): Promise<void> {
	const entries = await readdir(dir, { withFileTypes: true });
	for (const e of entries) {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) await listSources(full, out);
		else if (/\.(ts|js|mjs|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(full);
	}
}

/** sha256 over the parser's source files (paths relative, sorted). */
export async function parserFingerprint(): Promise<string> {
	const files: string[] = [];
	for (const d of PARSER_DIRS) await listSources(d, files);
	files.sort();
	const h = createHash('sha256');
	for (const f of files) {
		h.update(path.relative(HERE, f));
		h.update('\0');
		h.update(await readFile(f));
		h.update('\0');
	}
	return h.digest('hex').slice(0, 16);
}

export function cacheKey(name: string, bytes: Uint8Array): string {
	const content = createHash('sha256').update(bytes).digest('hex');
	const label = createHash('sha256').update(name).digest('hex').slice(0, 8);
	return `${content}-${label}`;
}

let tmpCounter = 0;

export class IngestCache {
	private constructor(private readonly dir: string) {}

	static async open(root: string, fingerprint: string): Promise<IngestCache> {
		const dir = path.join(root, fingerprint);
		await mkdir(dir, { recursive: true });
		return new IngestCache(dir);
	}

	private file(key: string): string {
		return path.join(this.dir, `${key}.json`);
	}

	/** The cached value, or null when absent or unreadable (then it is parsed again). */
	async get<T>(key: string): Promise<T | null> {
		try {
			return JSON.parse(await readFile(this.file(key), 'utf8')) as T;
		} catch {
			return null;
		}
	}

	async put(key: string, value: unknown): Promise<void> {
		const target = this.file(key);
		const tmp = `${target}.${process.pid}.${threadId}.${tmpCounter++}.tmp`;
		await writeFile(tmp, JSON.stringify(value));
		await rename(tmp, target);
	}
}
