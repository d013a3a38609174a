/**
 * Fetch only some row groups of a Parquet file over HTTP range requests:
 * one request for the file’s tail (footer; 32 KiB, or more when the footer
 * is larger), then one per run of adjacent needed row groups not already in
 * the tail. The bytes go into a zero-filled buffer of the file's size (a
 * "sparse" copy) that a Parquet reader given the same row-group list decodes
 * as if it were the whole file. Only explicit `bytes=a-b` ranges are used
 * (Vite's static server, sirv, answers suffix ranges `bytes=-n` wrongly).
 * A server that ignores Range (200) simply hands over the whole file.
 * An optional cache keeps each file's tail (footer) for later reads.
 */
import { footerLength, rowGroupRanges, type ByteRange } from './parquet-footer';

export const TAIL_BYTES = 32 * 1024;

export interface SparseFile {
	/** The file's bytes where fetched, zeros elsewhere (or the whole file). */
	bytes: Uint8Array;
	/** Bytes received over the network. */
	fetched: number;
}

export class RangeReadError extends Error {
	override name = 'RangeReadError';
}

async function getRange(
	doFetch: typeof fetch,
	url: string,
	start: number,
	end: number
): Promise<{ body: Uint8Array; whole: boolean }> {
	const res = await doFetch(url, { headers: { Range: `bytes=${start}-${end - 1}` } });
	if (res.status !== 206 && res.status !== 200) {
		throw new RangeReadError(`无法下载 ${url}（HTTP ${res.status}）`);
	}
	const body = new Uint8Array(await res.arrayBuffer());
	if (res.status === 200) return { body, whole: true };
	if (body.length !== end - start) {
		throw new RangeReadError(`${url} 的分段下载长度不符（${body.length} ≠ ${end - start}）`);
	}
	return { body, whole: false };
}

/** Runs of adjacent (or nearly adjacent, ≤ gap bytes apart) ranges merged. */
export function mergeRanges(ranges: readonly ByteRange[], gap = 4096): ByteRange[] {
	const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
	const out: ByteRange[] = [];
	for (const r of sorted) {
		const last = out.at(-1);
		if (last && r.start <= last.end + gap) last.end = Math.max(last.end, r.end);
		else out.push({ ...r });
	}
	return out;
}

/**
 * Read the footer and the given row groups of the `size`-byte Parquet file
 * at `url`. Throws RangeReadError (or FooterError when `size` is not the
 * file's size or the file is not Parquet).
 */
/** Tails already fetched, by URL: a later read of the same file skips that request. */
export type TailCache = Map<string, { start: number; bytes: Uint8Array }>;

async function tail(
	doFetch: typeof fetch,
	url: string,
	size: number,
	cache: TailCache | undefined
): Promise<{ start: number; bytes: Uint8Array; whole: boolean; fetched: number }> {
	const hit = cache?.get(url);
	if (hit && hit.start + hit.bytes.length === size) return { ...hit, whole: false, fetched: 0 };
	const start = Math.max(0, size - TAIL_BYTES);
	const first = await getRange(doFetch, url, start, size);
	let fetched = first.body.length;
	if (first.whole) return { start: 0, bytes: first.body, whole: true, fetched };
	const footerStart = size - 8 - footerLength(first.body);
	if (footerStart < 0) throw new RangeReadError(`${url} 的 Parquet 文件尾部长度无效`);
	let bytes = first.body;
	if (footerStart < start) {
		const more = await getRange(doFetch, url, footerStart, start);
		fetched += more.body.length;
		bytes = new Uint8Array(size - footerStart);
		bytes.set(more.body, 0);
		bytes.set(first.body, start - footerStart);
	}
	const got = { start: Math.min(start, footerStart), bytes };
	cache?.set(url, got);
	return { ...got, whole: false, fetched };
}

export async function fetchRowGroups(
	doFetch: typeof fetch,
	url: string,
	size: number,
	rowGroups: readonly number[],
	cache?: TailCache
): Promise<SparseFile> {
	const t = await tail(doFetch, url, size, cache);
	let fetched = t.fetched;
	if (t.whole) return { bytes: t.bytes, fetched };
	const out = new Uint8Array(size);
	out.set(t.bytes, t.start);
	const have = t.start;
	const footerStart = size - 8 - footerLength(t.bytes);
	const ranges = rowGroupRanges(out.subarray(footerStart, size - 8));
	const wanted = rowGroups.map((g) => {
		const r = ranges[g];
		if (!r) throw new RangeReadError(`${url} 没有第 ${g} 个行组`);
		return { start: r.start, end: Math.min(r.end, have) };
	});
	const parts = await Promise.all(
		mergeRanges(wanted).map(async (r) => ({ r, got: await getRange(doFetch, url, r.start, r.end) }))
	);
	for (const { r, got } of parts) {
		fetched += got.body.length;
		if (got.whole) return { bytes: got.body, fetched };
		out.set(got.body, r.start);
	}
	return { bytes: out, fetched };
}
