/**
 * ParseContext: the bookkeeping every recognizer shares while parsing one
 * document. Recognizers *claim* the table rows they consume and *report*
 * problems; at the end `finish()` turns every table row nobody claimed into a
 * parse issue carrying its raw text, so nothing in the source is lost.
 */
import type { ParseIssueRecord, RowAccounting, Severity } from './model';
import type { SourceLine, SourceText } from './reader/text';

export type ClaimRole = 'data' | 'header' | 'continuation' | 'note';

export class ParseContext {
	readonly issues: ParseIssueRecord[] = [];
	/** line number → table that consumed it */
	private readonly claims = new Map<number, { table: string; role: ClaimRole }>();
	private readonly reported = new Set<number>();
	/** Standard tables recognized, in order of appearance. */
	readonly tablesFound: string[] = [];

	constructor(
		readonly docId: string,
		readonly source: SourceText
	) {}

	get lines(): SourceLine[] {
		return this.source.lines;
	}

	line(no: number): SourceLine | undefined {
		return this.source.lines[no - 1];
	}

	isClaimed(no: number): boolean {
		return this.claims.has(no);
	}

	claimedBy(no: number): string | undefined {
		return this.claims.get(no)?.table;
	}

	/** Marks a source line as consumed by `table`. */
	claim(no: number, table: string, role: ClaimRole = 'data'): void {
		if (!this.claims.has(no)) this.claims.set(no, { table, role });
	}

	noteTable(table: string): void {
		if (!this.tablesFound.includes(table)) this.tablesFound.push(table);
	}

	/** Records a parse issue about a source line, keeping its raw text. */
	report(
		no: number | null,
		table: string,
		severity: Severity,
		code: string,
		message: string
	): void {
		const line = no === null ? undefined : this.line(no);
		if (no !== null) this.reported.add(no);
		this.issues.push({
			doc_id: this.docId,
			table_name: table,
			source_line: no,
			severity,
			code,
			message: line
				? `${this.source.name} 第${no}行 (${table}): ${message}`
				: `${this.source.name} (${table}): ${message}`,
			raw: line ? line.text : null
		});
	}

	/**
	 * Closes the books: every table row neither claimed nor reported becomes
	 * an `unrecognized_row` issue. Returns the row accounting.
	 */
	finish(): RowAccounting {
		let seen = 0;
		let stored = 0;
		let reported = 0;
		for (const l of this.source.lines) {
			if (!l.isRow || l.cells.every((c) => c === '')) continue;
			seen++;
			if (this.claims.has(l.no)) stored++;
			else {
				if (!this.reported.has(l.no))
					this.report(
						l.no,
						'unrecognized',
						'info',
						'unrecognized_row',
						'表格行未能归入任何标准表 (table row not recognized)'
					);
				reported++;
			}
		}
		return { rows_seen: seen, rows_stored: stored, rows_reported: reported };
	}
}
