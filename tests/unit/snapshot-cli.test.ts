/**
 * The ingest CLI end to end (scripts/ingest.ts through tsx): directory
 * expansion, unreadable files named and skipped, exit codes, --json,
 * --layout with the finish step's progress lines.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CORPUS = path.resolve(process.cwd(), '../shared/corpus/text');
const TSX = path.resolve(process.cwd(), 'node_modules/.bin/tsx');
const GOOD = ['003_c74cb92536c64254.txt', 'js_renda_changweihui_2018_bumen_yusuan.txt'];

let root = '';
beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'bl-cli-'));
	await mkdir(path.join(root, 'in/nested'), { recursive: true });
	await copyFile(path.join(CORPUS, GOOD[0]!), path.join(root, 'in', GOOD[0]!));
	await copyFile(path.join(CORPUS, GOOD[1]!), path.join(root, 'in/nested', GOOD[1]!));
	await writeFile(path.join(root, 'in/empty.txt'), '');
	await writeFile(
		path.join(root, 'in/binary.txt'),
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])
	);
	await writeFile(path.join(root, 'in/notes.md'), '# not a document\n');
	await writeFile(path.join(root, 'prose.txt'), '这是一段说明文字。\n没有任何表格。\n');
});
afterAll(async () => {
	if (root) await rm(root, { recursive: true, force: true });
});

async function ingest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const r = await run(TSX, ['scripts/ingest.ts', ...args], { env: { ...process.env, CI: '1' } });
		return { code: 0, stdout: r.stdout, stderr: r.stderr };
	} catch (e) {
		const err = e as { code?: number; stdout?: string; stderr?: string };
		return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
	}
}

describe('scripts/ingest.ts', () => {
	it('lands the readable documents, names the unreadable ones and exits 1', async () => {
		const out = path.join(root, 'out1');
		const r = await ingest(['--out', out, '--json', path.join(root, 'in')]);
		expect(r.code).toBe(1);
		const summary = JSON.parse(r.stdout) as {
			documents: { source_name: string; rows_seen: number }[];
			failed: { file: string; code: string; message: string }[];
			skipped: { path: string }[];
			tables: Record<string, number>;
		};
		expect(summary.documents.map((d) => d.source_name).sort()).toEqual([...GOOD].sort());
		expect(summary.failed.map((f) => [path.basename(f.file), f.code]).sort()).toEqual([
			['binary.txt', 'binary'],
			['empty.txt', 'empty']
		]);
		expect(summary.failed.every((f) => f.message.startsWith(path.basename(f.file)))).toBe(true);
		expect(summary.skipped.map((s) => path.basename(s.path))).toEqual(['notes.md']);
		expect(summary.tables.documents).toBe(2);
		// Human lines went to stderr so stdout stays JSON; they name each file.
		expect(r.stderr).toContain('✗ empty.txt');
		expect(r.stderr).toContain('✗ binary.txt');
		expect(r.stderr).toContain('documents: 2 ok');
		const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
			created_from: string[];
		};
		expect(manifest.created_from).toEqual([...GOOD].sort());
	});

	it('exits 0 when every document lands, reporting unknown layouts and duplicates', async () => {
		const out = path.join(root, 'out2');
		const prose = path.join(root, 'prose.txt');
		const r = await ingest(['--out', out, prose, prose]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('? prose.txt');
		expect(r.stdout).toContain('unknown layout');
		expect(r.stdout).toMatch(/= prose\.txt: .*same content/);
		expect(r.stdout).toMatch(/documents: 1 ok \(1 unknown layout\), 0 failed, 1 duplicate/);
		expect(r.stdout).toMatch(/MB\/s/);
	});

	it('writes the layout --layout asks for, printing each table as it is written', async () => {
		const out = path.join(root, 'out-parts');
		const r = await ingest([
			'--out',
			out,
			'--layout',
			'partitioned',
			path.join(root, 'in', GOOD[0]!)
		]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('finish: writing 1 documents (layout partitioned)');
		expect(r.stdout).toMatch(/finish: source_lines \d+ rows, 1 file/);
		expect(r.stdout).toContain('(partitioned, 1 documents)');
		const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
			layout: string;
			tables: Record<string, { file: string | null; parts: { path: string }[] }>;
		};
		expect(manifest.layout).toBe('partitioned');
		expect(manifest.tables.source_lines?.file).toBeNull();
		expect(manifest.tables.source_lines?.parts.map((p) => p.path)).toEqual([
			'parts/source_lines/fiscal_year=2024/province=河北省/part-0.parquet'
		]);
		// The default (auto) stays flat for a small corpus.
		const flat = await ingest([
			'--out',
			path.join(root, 'out-flat'),
			path.join(root, 'in', GOOD[0]!)
		]);
		expect(flat.stdout).toContain('(flat, 1 documents)');
		const bad = await ingest(['--out', out, '--layout', 'hive', path.join(root, 'prose.txt')]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--layout must be flat, partitioned or auto');
	});

	it('explains a missing input and bad usage', async () => {
		const missing = await ingest(['--out', path.join(root, 'out3'), path.join(root, 'nope.txt')]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('nope.txt');
		const usage = await ingest([path.join(root, 'prose.txt')]);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('usage:');
	});
});
