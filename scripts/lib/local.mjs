/**
 * What the local browser runs share (scripts/run-e2e.mjs, the benchmarks and
 * tests/e2e): the flags for Debian's headless Chromium, and listening on a
 * free 127.0.0.1 port. Plain JavaScript so run-e2e.mjs can use it without tsx.
 */

/** Flags for Debian's headless Chromium (no downloads, no background traffic). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync'
];

/**
 * Listen on a free 127.0.0.1 port; resolve with the server and its base URL.
 * @param {import('node:http').Server} server
 * @returns {Promise<{ server: import('node:http').Server, url: string }>}
 */
export function listenLocal(server) {
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const addr = server.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			resolve({ server, url: `http://127.0.0.1:${port}` });
		});
	});
}
