/**
 * The refinish CLI (scripts/refinish.ts through tsx) on the committed default
 * snapshot: rebuilding its rollups, peer flags and manifest from its own
 * Parquet files gives the very same bytes (the writer's finish step is
 * deterministic and refinish runs the same one); a partitioned refinish of
 * it holds the same rows per table; bad usage exits 2.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = path.resolve(process.cwd(), 'node_modules/.bin/tsx');
const SCRIPT = path.resolve(process.cwd(), 'scripts/refinish.ts');
const DEFAULT = path.resolve(process.cwd(), 'static/data/default');

let tmp = '';
beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'refinish-'));
});
afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

const manifestOf = async (dir: string) =>
	JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
		snapshot_id: string;
		layout: string;
		tables: Record<string, { rows: number }>;
		rollups: Record<string, { rows: number }>;
	};

describe('refinish CLI', () => {
	it('rebuilds the default snapshot byte for byte', async () => {
		const out = path.join(tmp, 'flat');
		const { stdout } = await run(TSX, [SCRIPT, '--in', DEFAULT, '--out', out], {
			timeout: 120_000
		});
		expect(stdout).toContain('rollup_per_capita_groups:');
		const files = (await readdir(DEFAULT)).sort();
		expect((await readdir(out)).sort()).toEqual(files);
		for (const f of files) {
			const same = (await readFile(path.join(out, f))).equals(
				await readFile(path.join(DEFAULT, f))
			);
			expect(same, f).toBe(true);
		}
	}, 180_000);

	it('writes the other layout with the same rows', async () => {
		const out = path.join(tmp, 'parts');
		await run(TSX, [SCRIPT, '--in', DEFAULT, '--out', out, '--layout', 'partitioned'], {
			timeout: 120_000
		});
		const a = await manifestOf(DEFAULT);
		const b = await manifestOf(out);
		expect(b.layout).toBe('partitioned');
		for (const [name, t] of Object.entries(a.tables))
			expect(b.tables[name]?.rows, name).toBe(t.rows);
		for (const [name, r] of Object.entries(a.rollups))
			expect(b.rollups[name]?.rows, name).toBe(r.rows);
	}, 180_000);

	it('exits 2 on bad usage', async () => {
		await expect(run(TSX, [SCRIPT, '--in', DEFAULT])).rejects.toMatchObject({ code: 2 });
		await expect(run(TSX, [SCRIPT, '--in', DEFAULT, '--out', DEFAULT])).rejects.toMatchObject({
			code: 2
		});
	}, 60_000);
});
