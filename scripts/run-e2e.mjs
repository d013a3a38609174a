// Browser tests: build the static app, serve build/ on 127.0.0.1 with sirv,
// run tests/e2e/*.test.ts with vitest (vitest.e2e.config.ts) against it, and
// write test-results/e2e.json ({ numPassedTests, numFailedTests, … }).
// Exits non-zero when the build or any test fails. Set E2E_SKIP_BUILD=1 to
// reuse an existing build/ while iterating. The corpus PDFs (../shared/corpus/pdf)
// are copied into build/data/default/pdf, as scripts/start.sh does, for the
// PDF page view. A small synthetic snapshot (30 documents, partitioned layout)
// is generated with the synth and ingest CLIs into build/data/synth-e2e for
// the tests of `?data=synth-e2e`.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:http';
import sirv from 'sirv';
import { CHROMIUM_ARGS, listenLocal } from './lib/local.mjs';

/** Re-exported for the benchmark scripts that import it from here. */
export { CHROMIUM_ARGS };

/**
 * Run a command, inheriting stdio; resolve with its exit code.
 * @param {string} cmd
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Promise<number>}
 */
function run(cmd, args, env = {}) {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
		child.on('error', () => resolve(1));
	});
}

/** Copy ../shared/corpus/pdf/*.pdf into <build>/data/default/pdf; returns how many. */
export function copyCorpusPdfs(build = 'build') {
	const from = path.resolve(process.cwd(), '../shared/corpus/pdf');
	if (!existsSync(from)) return 0;
	const to = path.join(build, 'data/default/pdf');
	mkdirSync(to, { recursive: true });
	let n = 0;
	for (const f of readdirSync(from))
		if (f.toLowerCase().endsWith('.pdf')) {
			copyFileSync(path.join(from, f), path.join(to, f));
			n++;
		}
	return n;
}

/**
 * The synthetic snapshot the e2e tests open with `?data=synth-e2e`: 15
 * departments × 2 years from the seeded generator (scripts/synth.ts), ingested
 * with `--layout partitioned` into <build>/data/synth-e2e. Returns the exit code.
 * @param {string} [build]
 * @returns {Promise<number>}
 */
export async function makeSynthSnapshot(build = 'build') {
	const corpus = 'test-results/synth-e2e-corpus';
	const out = path.join(build, 'data/synth-e2e');
	rmSync(corpus, { recursive: true, force: true });
	rmSync(out, { recursive: true, force: true });
	const synth = ['--departments', '15', '--years', '2', '--seed', '7', '--out', corpus];
	const code = await run('npx', ['tsx', 'scripts/synth.ts', ...synth]);
	if (code !== 0) return code;
	return run('npx', ['tsx', 'scripts/ingest.ts', '--out', out, '--layout', 'partitioned', corpus]);
}

/**
 * Serve dir on a free 127.0.0.1 port; resolve with { server, url }.
 * @param {string} dir
 * @returns {Promise<{ server: import('node:http').Server, url: string }>}
 */
export function serveStatic(dir) {
	const handler = sirv(dir, { dev: false, etag: true, single: false });
	const server = createServer((req, res) => {
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		});
	});
	return listenLocal(server);
}

async function main() {
	mkdirSync('test-results', { recursive: true });
	const fail = (/** @type {string} */ msg) => {
		console.error(`run-e2e: ${msg}`);
		writeFileSync(
			'test-results/e2e.json',
			JSON.stringify({ numPassedTests: 0, numFailedTests: 1 })
		);
		process.exit(1);
	};
	if (!process.env.E2E_SKIP_BUILD || !existsSync('build/index.html')) {
		console.log('== vite build');
		const code = await run('npx', ['vite', 'build', '--logLevel', 'warn']);
		if (code !== 0) fail('vite build failed');
	}
	if (!existsSync('build/index.html')) fail('build/index.html missing after build');
	console.log(`== copied ${copyCorpusPdfs()} corpus PDFs into build/data/default/pdf`);
	console.log('== synthetic snapshot build/data/synth-e2e');
	if ((await makeSynthSnapshot()) !== 0) fail('synthetic snapshot failed');
	const { server, url } = await serveStatic('build');
	console.log(`== serving build/ at ${url}`);
	const extra = process.argv.slice(2);
	const code = await run(
		'npx',
		[
			'vitest',
			'run',
			'--config',
			'vitest.e2e.config.ts',
			'--reporter=default',
			'--reporter=json',
			'--outputFile.json=test-results/e2e.json',
			...extra
		],
		{ E2E_BASE_URL: url }
	);
	server.close();
	if (!existsSync('test-results/e2e.json')) fail('vitest wrote no test-results/e2e.json');
	process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((err) => {
		console.error(err);
		process.exit(1);
	});
}
