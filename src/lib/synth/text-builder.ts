/**
 * Line-by-line text builder for the synthetic documents: tracks the
 * 1-based line number of every emitted line (ground truth points at it)
 * and reproduces the extraction artefacts of the real text layout:
 * cells split with spaces in narrow columns (`社会保 障和就 业支出`),
 * numbers and codes split before their last digits (`239.6 2`, `20809 01`).
 */
export class TextBuilder {
	private readonly out: string[] = [];

	/** Line number the next emitted line will get. */
	get nextLine(): number {
		return this.out.length + 1;
	}

	/** Emits one line; returns its line number. */
	line(text = ''): number {
		this.out.push(text);
		return this.out.length;
	}

	row(cells: readonly string[]): number {
		return this.line(cells.join('\t'));
	}

	toString(): string {
		return `${this.out.join('\n')}\n`;
	}
}

/** `社会保障和就业支出` → `社会保 障和就 业支出` (every `width` characters). */
export function wrapNarrow(text: string, width: number): string {
	const chars = Array.from(text);
	const parts: string[] = [];
	for (let i = 0; i < chars.length; i += width) parts.push(chars.slice(i, i + width).join(''));
	return parts.join(' ');
}

/** `239.62` → `239.6 2`, `2080901` → `20809 01`: the extraction's split. */
export function splitNumber(text: string): string {
	if (/^\d{7}$/.test(text)) return `${text.slice(0, 5)} ${text.slice(5)}`;
	if (/^\d+\.\d\d$/.test(text) && text.length >= 6) return `${text.slice(0, -1)} ${text.slice(-1)}`;
	return text;
}

/** Cents (integer) → `1234.56`. */
export function money(cents: number): string {
	const neg = cents < 0;
	const abs = Math.abs(cents);
	const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
	return neg ? `-${s}` : s;
}

/** Cents → `1,234,567.00` for 元 tables (cents of 元). */
export function moneyThousands(cents: number): string {
	const [int, frac] = money(cents).split('.') as [string, string];
	return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}
