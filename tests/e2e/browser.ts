/**
 * Shared setup for the browser tests: launch Debian's Chromium through
 * playwright-core (no browser download), open pages of the built app served
 * by scripts/run-e2e.mjs (E2E_BASE_URL), collect page errors and dialogs,
 * and wait for the snapshot to finish loading.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/lib/local.mjs';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export { CHROMIUM_ARGS };

export async function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface Opened {
	context: BrowserContext;
	page: Page;
	/** Uncaught page errors and console errors seen so far. */
	errors: string[];
	/** alert/confirm/prompt dialogs opened by the page (a script ran). */
	dialogs: string[];
	/** Requests to anything but the app's own origin. */
	foreign: string[];
}

/** A fresh context (no shared storage) with a page at `path`, snapshot loaded. */
export async function open(browser: Browser, path: string, waitReady = true): Promise<Opened> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const errors: string[] = [];
	const dialogs: string[] = [];
	const foreign: string[] = [];
	const origin = new URL(BASE_URL).origin;
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('console', (m) => {
		// HTTP failures are recorded with their URL below.
		if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
			errors.push(m.text());
	});
	page.on('response', (r) => {
		if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
	});
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	page.on('request', (r) => {
		const u = r.url();
		if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
	});
	await page.goto(BASE_URL + path);
	if (waitReady) await ready(page);
	return { context, page, errors, dialogs, foreign };
}

export async function ready(page: Page): Promise<void> {
	await page.waitForSelector('[data-testid="load-status"][data-status="ready"]', {
		timeout: 60_000
	});
}

/** Text content of an element, whitespace collapsed. */
export async function text(page: Page, selector: string): Promise<string> {
	const t = await page.locator(selector).first().innerText();
	return t.replace(/\s+/g, ' ').trim();
}

export async function shot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
