/**
 * Static server for the app benchmark: the built app from build/ (sirv, as
 * scripts/run-e2e.mjs serves it) plus snapshot folders mounted at
 * /data/<name>/ straight from disk (no copy into build/). Snapshot files are
 * served with HTTP Range support as static hosts do: `bytes=a-b`, `bytes=a-`
 * and suffix ranges `bytes=-n` (sirv reads a suffix range as `0-n`), HEAD,
 * and each path segment percent-decoded (partition folders such as
 * `fiscal_year=2024/province=河北省` arrive encoded). No caching headers
 * beyond `no-cache`, so every fetch shows up in the DevTools Network events.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { listenLocal } from './local.mjs';

const TYPES: Record<string, string> = {
	'.json': 'application/json',
	'.parquet': 'application/octet-stream'
};

/** [start, end] inclusive for a Range header against `size`, or null when unsatisfiable. */
export function parseRange(header: string, size: number): [number, number] | null {
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (m[1] === '' && m[2] === '')) return null;
	let start: number;
	let end: number;
	if (m[1] === '') {
		const n = Number(m[2]);
		if (n === 0) return null;
		start = Math.max(0, size - n);
		end = size - 1;
	} else {
		start = Number(m[1]);
		end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
	}
	return start <= end && start < size ? [start, end] : null;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
	let size: number;
	try {
		const st = statSync(file);
		if (!st.isFile()) throw new Error('not a file');
		size = st.size;
	} catch {
		res.statusCode = 404;
		res.end('not found');
		return;
	}
	const headers: Record<string, string | number> = {
		'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
		'Accept-Ranges': 'bytes',
		'Cache-Control': 'no-cache'
	};
	let range: [number, number] = [0, size - 1];
	let code = 200;
	if (req.headers.range) {
		const r = parseRange(req.headers.range, size);
		if (!r) {
			res.writeHead(416, { 'Content-Range': `bytes */${size}` });
			res.end();
			return;
		}
		range = r;
		code = 206;
		headers['Content-Range'] = `bytes ${r[0]}-${r[1]}/${size}`;
	}
	headers['Content-Length'] = size === 0 ? 0 : range[1] - range[0] + 1;
	res.writeHead(code, headers);
	if (req.method === 'HEAD' || size === 0) res.end();
	else createReadStream(file, { start: range[0], end: range[1] }).pipe(res);
}

/**
 * Serves `buildDir` and `mounts` (data name → snapshot folder) on a free
 * 127.0.0.1 port.
 */
export function serveBench(
	buildDir: string,
	mounts: Record<string, string>
): Promise<{ server: Server; url: string }> {
	const app = sirv(buildDir, { dev: false, etag: true, single: false });
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const m = /^\/data\/([^/]+)\/(.+)$/.exec(url.pathname);
		const root = m ? mounts[decodeURIComponent(m[1] ?? '')] : undefined;
		if (m && root) {
			let segs: string[];
			try {
				segs = (m[2] ?? '').split('/').map((s) => decodeURIComponent(s));
			} catch {
				segs = ['..'];
			}
			if (segs.some((s) => s === '..' || s === '' || s.includes('\0'))) {
				res.statusCode = 400;
				res.end('bad path');
				return;
			}
			sendFile(req, res, path.join(root, ...segs));
			return;
		}
		app(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		});
	});
	return listenLocal(server);
}
