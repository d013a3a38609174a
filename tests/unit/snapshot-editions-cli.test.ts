/**
 * The ingest CLI given a PDF and its text extraction (same department_key,
 * year and kind, different bytes): one document lands, the PDF's, whatever
 * the order of the arguments, and the skipped text is named in the output.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const TSX = path.resolve(process.cwd(), 'node_modules/.bin/tsx');
const TEXT = path.join(CORPUS, 'text/shpt_caizhengju_2024_bumen_juesuan.txt');
const PDF = path.join(CORPUS, 'pdf/putuo-finance-bureau-2024-final.pdf');
const OTHER = path.join(CORPUS, 'text/shpt_wanli_jiedao_2023_bumen_yusuan.txt');

let root = '';
beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'bl-editions-'));
});
afterAll(async () => {
	if (root) await rm(root, { recursive: true, force: true });
});

describe('scripts/ingest.ts: one edition in two formats', () => {
	it('keeps the PDF, skips its text extraction and says so', async () => {
		const out = path.join(root, 'out');
		// Text listed first: the CLI still reads the PDF first and keeps it.
		const r = await run(TSX, ['scripts/ingest.ts', '--out', out, '--json', TEXT, OTHER, PDF], {
			env: { ...process.env, CI: '1' }
		});
		const summary = JSON.parse(r.stdout) as { documents: { source_name: string }[] };
		expect(summary.documents.map((d) => d.source_name).sort()).toEqual([
			'putuo-finance-bureau-2024-final.pdf',
			'shpt_wanli_jiedao_2023_bumen_yusuan.txt'
		]);
		expect(r.stderr).toContain(
			'= shpt_caizhengju_2024_bumen_juesuan.txt: 与 putuo-finance-bureau-2024-final.pdf 为同一文档'
		);
		expect(r.stderr).toMatch(/1 duplicate/);
	}, 120_000);
});
