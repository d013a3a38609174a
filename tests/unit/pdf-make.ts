/**
 * Builds small PDFs byte by byte for the PDF reader tests: a page with
 * text, a page with only an image (what a scan looks like), and the same
 * document encrypted with a user password (standard security handler,
 * revision 2, RC4 40-bit — the oldest scheme every reader must support).
 */
import { md5 } from '@noble/hashes/legacy.js';

const enc = new TextEncoder();

function latin1(s: string): Uint8Array {
	return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
	const s = Array.from({ length: 256 }, (_, i) => i);
	let j = 0;
	for (let i = 0; i < 256; i++) {
		j = (j + (s[i] as number) + (key[i % key.length] as number)) & 0xff;
		[s[i], s[j]] = [s[j] as number, s[i] as number];
	}
	const out = new Uint8Array(data.length);
	let i = 0;
	j = 0;
	for (let k = 0; k < data.length; k++) {
		i = (i + 1) & 0xff;
		j = (j + (s[i] as number)) & 0xff;
		[s[i], s[j]] = [s[j] as number, s[i] as number];
		out[k] = (data[k] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 0xff] as number);
	}
	return out;
}

const PAD = Uint8Array.from([
	0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
	0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a
]);

function padPassword(pw: string): Uint8Array {
	const b = latin1(pw).slice(0, 32);
	return concat([b, PAD.slice(0, 32 - b.length)]);
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

interface Obj {
	dict: string;
	stream?: Uint8Array;
}

export interface PdfSpec {
	/** Content stream of the single page. */
	content: string;
	/** Whether the page has an image XObject /Im1 (1×1 gray). */
	image?: boolean;
	/** Encrypt with this user password (owner password "owner"). */
	userPassword?: string;
	/** Font dictionary for /F1 (default: Helvetica). */
	font?: string;
	/** Page size in points (default A4 portrait 595×842) and /Rotate. */
	size?: [number, number];
	rotate?: number;
}

/**
 * A CJK font that is not embedded: the reader needs Adobe's predefined
 * UniGB-UCS2-H character map (pdfjs-dist/cmaps) to decode its text.
 */
export const CJK_FONT =
	'<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>';

/** Text drawn in CJK_FONT: UCS-2 code units as a hex string. */
export function ucs2(text: string): string {
	return `<${Array.from(text, (c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
}

/** A one-page PDF (default A4 portrait) with Helvetica as /F1. */
export function makePdf(spec: PdfSpec): Uint8Array {
	const resources = `<< /Font << /F1 5 0 R >>${spec.image ? ' /XObject << /Im1 6 0 R >>' : ''} >>`;
	const objects: Obj[] = [
		{ dict: '<< /Type /Catalog /Pages 2 0 R >>' },
		{ dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
		{
			dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${spec.size?.[0] ?? 595} ${spec.size?.[1] ?? 842}]${spec.rotate ? ` /Rotate ${spec.rotate}` : ''} /Resources ${resources} /Contents 4 0 R >>`
		},
		{ dict: '<< >>', stream: latin1(spec.content) },
		{ dict: spec.font ?? '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' }
	];
	if (spec.image)
		objects.push({
			dict: '<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 >>',
			stream: Uint8Array.from([0x80])
		});
	const id = md5(enc.encode(spec.content));
	let encryptRef = '';
	let objectKey: ((n: number) => Uint8Array) | null = null;
	if (spec.userPassword !== undefined) {
		const P = -44; // print allowed, nothing else
		const o = rc4(md5(padPassword('owner')).slice(0, 5), padPassword(spec.userPassword));
		const p = new Uint8Array(4);
		new DataView(p.buffer).setInt32(0, P, true);
		const key = md5(concat([padPassword(spec.userPassword), o, p, id])).slice(0, 5);
		const u = rc4(key, PAD);
		objects.push({
			dict: `<< /Filter /Standard /V 1 /R 2 /O <${hex(o)}> /U <${hex(u)}> /P ${P} >>`
		});
		encryptRef = ` /Encrypt ${objects.length} 0 R`;
		objectKey = (n) =>
			md5(concat([key, Uint8Array.from([n & 0xff, (n >> 8) & 0xff, n >> 16, 0, 0])])).slice(0, 10);
	}
	const parts: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
	const offsets: number[] = [];
	let at = parts[0]?.length ?? 0;
	objects.forEach((obj, i) => {
		const n = i + 1;
		offsets.push(at);
		let chunk: Uint8Array;
		if (obj.stream) {
			const isEncryptDict = encryptRef !== '' && n === objects.length;
			const data = objectKey && !isEncryptDict ? rc4(objectKey(n), obj.stream) : obj.stream;
			const dict = obj.dict.replace(/>>$/, ` /Length ${data.length} >>`);
			chunk = concat([
				latin1(`${n} 0 obj\n${dict}\nstream\n`),
				data,
				latin1('\nendstream\nendobj\n')
			]);
		} else chunk = latin1(`${n} 0 obj\n${obj.dict}\nendobj\n`);
		parts.push(chunk);
		at += chunk.length;
	});
	const xref = [
		`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
		...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
		`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${hex(id)}> <${hex(id)}>]${encryptRef} >>\nstartxref\n${at}\n%%EOF\n`
	].join('');
	parts.push(latin1(xref));
	return concat(parts);
}

/** A page with a ruled 2×2 table and a title line, in PDF content-stream syntax. */
export const TABLE_PAGE = [
	'BT /F1 14 Tf 72 780 Td (Budget 2024) Tj ET',
	'0 0 0 RG 1 w',
	'72 700 m 372 700 l S 72 680 m 372 680 l S 72 660 m 372 660 l S',
	'72 700 m 72 660 l S 222 700 m 222 660 l S 372 700 m 372 660 l S',
	'BT /F1 10 Tf 76 686 Td (Item) Tj ET',
	'BT /F1 10 Tf 226 686 Td (Amount) Tj ET',
	'BT /F1 10 Tf 76 666 Td (Total) Tj ET',
	'BT /F1 10 Tf 226 666 Td (12.50) Tj ET'
].join('\n');
