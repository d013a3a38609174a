/**
 * Byte ranges of the row groups of a Parquet file, read from its footer
 * (Thrift compact protocol, FileMetaData → RowGroup → ColumnChunk →
 * ColumnMetaData), so the browser can range-request exactly the row groups it
 * needs. A column chunk starts at its dictionary page (when it has one) or
 * its first data page and is `total_compressed_size` bytes long; the chunks
 * of a row group are contiguous. Only the fields needed are kept; every
 * other field is skipped by type. Pure; no parquet-wasm.
 */

export interface ByteRange {
	/** First byte. */
	start: number;
	/** One past the last byte. */
	end: number;
}

export class FooterError extends Error {
	override name = 'FooterError';
}

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1

/** Length of the Thrift footer from the last 8 bytes of a file (or of its tail). */
export function footerLength(tail: Uint8Array): number {
	const n = tail.length;
	if (n < 8 || MAGIC.some((b, i) => tail[n - 4 + i] !== b)) {
		throw new FooterError('不是 Parquet 文件（缺少 PAR1 结尾）');
	}
	return new DataView(tail.buffer, tail.byteOffset + n - 8, 4).getUint32(0, true);
}

class Reader {
	at = 0;
	constructor(private readonly b: Uint8Array) {}

	byte(): number {
		if (this.at >= this.b.length) throw new FooterError('Parquet 文件尾部不完整');
		return this.b[this.at++]!;
	}

	varint(): bigint {
		let v = 0n;
		let shift = 0n;
		for (;;) {
			const x = this.byte();
			v |= BigInt(x & 0x7f) << shift;
			if ((x & 0x80) === 0) return v;
			shift += 7n;
			if (shift > 70n) throw new FooterError('Parquet 文件尾部无效');
		}
	}

	int(): number {
		const v = this.varint();
		return Number((v >> 1n) ^ -(v & 1n));
	}

	skip(type: number): void {
		switch (type) {
			case 1:
			case 2:
				return;
			case 3:
				this.at++;
				return;
			case 4:
			case 5:
			case 6:
				this.varint();
				return;
			case 7:
				this.at += 8;
				return;
			case 8: {
				const n = Number(this.varint()); // read before `this.at`
				this.at += n;
				return;
			}
			case 9:
			case 10: {
				const { size, elem } = this.listHeader();
				for (let i = 0; i < size; i++) this.skip(elem === 1 || elem === 2 ? 3 : elem);
				return;
			}
			case 11: {
				const size = Number(this.varint());
				if (size === 0) return;
				const kv = this.byte();
				for (let i = 0; i < size; i++) {
					this.skip(kv >> 4);
					this.skip(kv & 0x0f);
				}
				return;
			}
			case 12:
				this.struct(() => false);
				return;
			default:
				throw new FooterError(`Parquet 文件尾部含未知类型 ${type}`);
		}
	}

	listHeader(): { size: number; elem: number } {
		const h = this.byte();
		const size = h >> 4 === 15 ? Number(this.varint()) : h >> 4;
		return { size, elem: h & 0x0f };
	}

	/** Read a struct; `field(id, type)` consumes the fields it wants and returns true. */
	struct(field: (id: number, type: number) => boolean): void {
		let id = 0;
		for (;;) {
			const h = this.byte();
			if (h === 0) return;
			const type = h & 0x0f;
			const delta = h >> 4;
			id = delta === 0 ? this.int() : id + delta;
			if (!field(id, type)) this.skip(type);
		}
	}

	list(each: () => void): void {
		const { size } = this.listHeader();
		for (let i = 0; i < size; i++) each();
	}
}

function columnRange(r: Reader): ByteRange | null {
	let range: ByteRange | null = null;
	r.struct((id, type) => {
		if (id !== 3 || type !== 12) return false; // ColumnChunk.meta_data
		let data = -1;
		let dict = -1;
		let size = 0;
		r.struct((mid) => {
			if (mid === 7) size = r.int();
			else if (mid === 9) data = r.int();
			else if (mid === 11) dict = r.int();
			else return false;
			return true;
		});
		const start = dict > 0 && (data < 0 || dict < data) ? dict : data;
		if (start >= 0) range = { start, end: start + size };
		return true;
	});
	return range;
}

/** Byte range of every row group, in file order, from the Thrift footer bytes. */
export function rowGroupRanges(footer: Uint8Array): ByteRange[] {
	const r = new Reader(footer);
	const out: ByteRange[] = [];
	r.struct((id, type) => {
		if (id !== 4 || type !== 9) return false; // FileMetaData.row_groups
		r.list(() => {
			let start = Infinity;
			let end = 0;
			r.struct((gid, gtype) => {
				if (gid !== 1 || gtype !== 9) return false; // RowGroup.columns
				r.list(() => {
					const c = columnRange(r);
					if (c) {
						start = Math.min(start, c.start);
						end = Math.max(end, c.end);
					}
				});
				return true;
			});
			out.push(start === Infinity ? { start: 0, end: 0 } : { start, end });
		});
		return true;
	});
	return out;
}
