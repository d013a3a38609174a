// Time-to-tables for a PDF dropped into the browser (Chromium, built app,
// default snapshot loaded): from handing the file to the drop zone's input
// until the drop zone reports the document added to the loaded tables
// (pdf.js reading every page in its worker, layout, recognizers, insert into
// DuckDB-WASM). Also the time to the last page read (reading alone). Each
// run uses a fresh browser context and a new copy of the PDF (a comment
// appended after %%EOF, so the content hash differs and it is really added).
// Usage: node scripts/bench-pdf-browser.mjs [--runs 5] [--no-build] [--pdf FILE]
// Default PDF: ../shared/corpus/pdf/putuo-planning-resources-bureau-2024-final.pdf (30 pages).
// Writes bench-results/pdf-browser.json and prints a summary.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, serveStatic } from './run-e2e.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(opt('--runs')) || 5;
const PDF =
	opt('--pdf') ??
	path.resolve(
		process.cwd(),
		'../shared/corpus/pdf/putuo-planning-resources-bureau-2024-final.pdf'
	);
const ARGS = CHROMIUM_ARGS;

function pct(xs, p) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const r0 = (x) => Math.round(x);

async function oneRun(browser, url, bytes, run) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const foreign = [];
	const origin = new URL(url).origin;
	page.on('request', (r) => {
		const u = r.url();
		if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
	});
	await page.goto(url + '/');
	await page.waitForSelector('[data-testid="load-status"][data-status="ready"]', {
		timeout: 120_000
	});
	// Record, in the page, when the progress first/last changes and when the message appears.
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__pdfBench = { firstPage: null, lastPage: null, pages: 0, done: null };
		new MutationObserver(() => {
			const b = w.__pdfBench;
			const p = document.querySelector('[data-testid="byod-progress"]')?.textContent ?? '';
			const m = /已读 (\d+)\/(\d+) 页/.exec(p);
			if (m) {
				const now = performance.now();
				b.firstPage ??= now;
				if (m[1] === m[2] && b.lastPage === null) b.lastPage = now;
				b.pages = Number(m[2]);
			}
			const msg = document.querySelector('[data-testid="byod-message"]')?.textContent ?? '';
			if (msg.includes('已加入') && b.done === null) b.done = performance.now();
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const copy = Buffer.concat([bytes, Buffer.from(`\n% bench run ${run} ${Date.now()}\n`)]);
	const t0 = await page.evaluate(() => performance.now());
	await page.getByTestId('byod-input').setInputFiles({
		name: path.basename(PDF),
		mimeType: 'application/pdf',
		buffer: copy
	});
	await page
		.getByTestId('byod-message')
		.filter({ hasText: '已加入' })
		.waitFor({ timeout: 300_000 });
	const b = await page.evaluate(() => /** @type {any} */ (window).__pdfBench);
	const msg = await page.getByTestId('byod-message').innerText();
	await context.close();
	return {
		pages: b.pages,
		firstPageMs: b.firstPage - t0,
		pagesReadMs: b.lastPage - t0,
		tablesMs: b.done - t0,
		message: msg,
		foreign
	};
}

async function main() {
	if (!existsSync(PDF)) throw new Error(`no PDF at ${PDF}`);
	if (!args.includes('--no-build') || !existsSync('build/index.html')) {
		const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
		if (b.status !== 0) process.exit(1);
	}
	const bytes = readFileSync(PDF);
	const { server, url } = await serveStatic('build');
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
	const runs = [];
	try {
		for (let i = 0; i < RUNS; i++) {
			const r = await oneRun(browser, url, bytes, i);
			console.log(
				`run ${i + 1}: ${r.pages} pages read in ${r0(r.pagesReadMs)} ms, tables in ${r0(r.tablesMs)} ms (${r.message})`
			);
			if (r.foreign.length) throw new Error(`requests to other hosts: ${r.foreign.join(', ')}`);
			runs.push(r);
		}
	} finally {
		await browser.close();
		server.close();
	}
	const t = runs.map((r) => r.tablesMs);
	const p = runs.map((r) => r.pagesReadMs);
	const result = {
		pdf: path.basename(PDF),
		bytes: bytes.length,
		pages: runs[0]?.pages ?? 0,
		runs: runs.length,
		timeToTablesMs: { p50: r0(pct(t, 50)), min: r0(Math.min(...t)), max: r0(Math.max(...t)) },
		pagesReadMs: { p50: r0(pct(p, 50)), min: r0(Math.min(...p)), max: r0(Math.max(...p)) },
		pagesPerSecond: Math.round(((runs[0]?.pages ?? 0) / (pct(p, 50) / 1000)) * 10) / 10,
		chromium: browser.version(),
		date: new Date().toISOString()
	};
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/pdf-browser.json', JSON.stringify(result, null, 2) + '\n');
	console.log(JSON.stringify(result, null, 2));
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
