/**
 * Helpers of the Chromium benchmark walk (bench-browser.ts): a per-page
 * network meter over the DevTools Protocol (bytes of finished responses,
 * open requests) and a promise time limit.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Counts response bytes and open requests of one page through CDP. */
export class NetMeter {
	bytes = 0;
	requests = 0;
	/** Date.now() of the last network event. */
	lastEvent = Date.now();
	readonly urls = new Set<string>();
	private readonly open = new Set<string>();
	private constructor(readonly cdp: CDPSession) {}
	static async attach(context: BrowserContext, page: Page): Promise<NetMeter> {
		const cdp = await context.newCDPSession(page);
		const m = new NetMeter(cdp);
		cdp.on('Network.requestWillBeSent', (e) => {
			m.lastEvent = Date.now();
			m.open.add(e.requestId);
			m.urls.add(e.request.url);
		});
		cdp.on('Network.loadingFinished', (e) => {
			m.lastEvent = Date.now();
			m.open.delete(e.requestId);
			m.bytes += e.encodedDataLength;
			m.requests++;
		});
		cdp.on('Network.loadingFailed', (e) => {
			m.lastEvent = Date.now();
			m.open.delete(e.requestId);
		});
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		return m;
	}
	/** Requests still open, unless the network has been silent for 2 s (streams that never finish). */
	get busy(): boolean {
		return this.open.size > 0 && Date.now() - this.lastEvent < 2000;
	}
}

/** `p`, or a rejection after `ms` (a busy renderer can leave page.evaluate pending for minutes). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const limit = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
	});
	return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
