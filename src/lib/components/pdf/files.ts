/**
 * Where the app finds a document's PDF for the page view: dropped PDFs keep
 * their bytes in memory (an object URL, registered by doc_id when the file
 * is added; nothing is uploaded); documents of the default snapshot are
 * looked up as data/default/pdf/<source_name>, which scripts/start.sh copies
 * from ../shared/corpus/pdf into the build (PDFs are never committed). A
 * missing file resolves to null so the caller can fall back to text lines.
 */
import { base } from '$app/paths';

const dropped = new Map<string, string>();
const fetched = new Map<string, Promise<Uint8Array | null>>();

/** Keep a dropped PDF's bytes (as an object URL) for the page view of its document. */
export function registerDroppedPdf(docId: string, bytes: Uint8Array): void {
	const old = dropped.get(docId);
	if (old) URL.revokeObjectURL(old);
	const copy = new Uint8Array(bytes);
	dropped.set(docId, URL.createObjectURL(new Blob([copy], { type: 'application/pdf' })));
}

/** The object URL of a dropped PDF, or undefined. */
export function droppedPdfUrl(docId: string): string | undefined {
	return dropped.get(docId);
}

/** URL of a default-snapshot PDF by its source file name (no path parts allowed). */
export function defaultPdfUrl(sourceName: string): string | null {
	const name = sourceName.slice(sourceName.lastIndexOf('/') + 1);
	if (!/\.pdf$/i.test(name) || name === '.pdf') return null;
	return new URL(`${base}/data/default/pdf/${encodeURIComponent(name)}`, document.baseURI).href;
}

async function load(url: string): Promise<Uint8Array | null> {
	try {
		const res = await fetch(url);
		if (!res.ok) return null;
		const bytes = new Uint8Array(await res.arrayBuffer());
		// A static server may answer a missing file with an HTML page: only PDFs count.
		const head = new TextDecoder().decode(bytes.subarray(0, 5));
		return head === '%PDF-' ? bytes : null;
	} catch {
		return null;
	}
}

/** The PDF bytes of a document, from memory or the served default data; null when absent. */
export function pdfBytes(docId: string, sourceName: string): Promise<Uint8Array | null> {
	const url = droppedPdfUrl(docId) ?? defaultPdfUrl(sourceName);
	if (!url) return Promise.resolve(null);
	let p = fetched.get(url);
	if (!p) {
		p = load(url);
		fetched.set(url, p);
	}
	// pdf.js may take ownership of (detach) the buffer it is given: hand out copies.
	return p.then((b) => (b ? new Uint8Array(b) : null));
}
