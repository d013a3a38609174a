/**
 * Table segmentation: finds each standard financial table by its title and
 * collects the table rows that belong to it, with the amount unit declared
 * on the page they sit on.
 *
 * A title counts only when table rows follow it before the next title (so a
 * table of contents, whose entries follow each other, is skipped), and never
 * when it carries dot leaders or a page number. A table runs until the next
 * title or until a line of narrative, a section heading or a note
 * (`注：…`, `本表为空表`) closes it; page furniture between pages (department
 * header, `预算年度：2024`, `单位：万元`, page numbers) does not close it.
 */
import { detectUnit } from '../../amount';
import type { ParseContext } from '../../context';
import type { AmountUnit } from '../../model';
import type { SourceLine } from '../../reader/text';
import { matchTitle, type TitleMatch } from './titles';

export interface SegmentRow {
	line: SourceLine;
	/** Unit declared most recently before this row within the table. */
	unit: AmountUnit | null;
}

export interface TableSegment {
	match: TitleMatch;
	titleLine: number;
	rows: SegmentRow[];
	/** First unit the table declares, as printed ('万元' / '元'); null when none. */
	declaredUnit: AmountUnit | null;
	notes: { line: number; text: string }[];
}

/** How far (in lines) the first row of a table may sit below its title. */
const TITLE_REACH = 15;

function titleOf(line: SourceLine): TitleMatch | null {
	const text = line.text.trim();
	if (text === '' || /…|\.{4,}|·{4,}/.test(text)) return null;
	if (line.isRow) {
		const filled = line.cells.filter((c) => c !== '');
		if (filled.length !== 1) return null;
		return matchTitle(filled[0] ?? '');
	}
	return matchTitle(text);
}

const NOTE =
	/^(注[:：\s]|注$|说明[:：])|本表为空表|无相关收支|^[（(]?无.{1,20}(支出|收入|经费|预算)[）)]?$/;

const YEAR_PIECE = /^((预算|决算)?年度?|度)?[:：]?\s*(20\d\d)?$/;

/** A wrapped piece of the department page header (`障局`, `生保障局`, `常委会办公厅`). */
function isNamePiece(part: string, department: string | null): boolean {
	if (part !== '' && department?.endsWith(part)) return true;
	if (part.length < 2) return false;
	if (department && department.includes(part)) return true;
	return part.length <= 8 && /(局|厅|委|办|会|室|处|中心|院|所|站|队|街道|办事处)$/.test(part);
}

/**
 * Page furniture that may sit between two pages of one table: department
 * header (whole or wrapped), 预算年度, unit line, page number. Any other
 * text — even a short heading — closes the table.
 */
export function isPageFurniture(text: string, department: string | null = null): boolean {
	const t = text.trim();
	if (/^\d{3,9}\s/.test(t)) return true;
	if (/(预算|决算)年度|编制(部门|单位)|部门(名称)?\s*[:：]|单位\s*[:：]|截止(时间|日期)/.test(t))
		return true;
	if (/^[─—\-\s]*\d{1,3}[─—\-\s]*$/.test(t) || /^第\s*\d+\s*页/.test(t)) return true;
	if (t.length > 20) return false;
	return t
		.split(/\s+/)
		.every((part) => (part !== '' && YEAR_PIECE.test(part)) || isNamePiece(part, department));
}

export function segmentTables(ctx: ParseContext, department: string | null = null): TableSegment[] {
	const lines = ctx.lines;
	const candidates: { index: number; match: TitleMatch }[] = [];
	lines.forEach((line, index) => {
		const match = titleOf(line);
		if (match) candidates.push({ index, match });
	});
	const accepted = candidates.filter((c, k) => {
		const next = candidates[k + 1]?.index ?? lines.length;
		const limit = Math.min(next, c.index + TITLE_REACH + 1);
		for (let j = c.index + 1; j < limit; j++) if (lines[j]?.isRow) return true;
		return false;
	});
	return accepted.map((c, k) => {
		const end = accepted[k + 1]?.index ?? lines.length;
		const title = lines[c.index];
		const segment: TableSegment = {
			match: c.match,
			titleLine: title?.no ?? c.index + 1,
			rows: [],
			declaredUnit: null,
			notes: []
		};
		let unit: AmountUnit | null = null;
		let closed = false;
		if (title) {
			const u = detectUnit(title.text);
			if (u) unit = segment.declaredUnit = u;
		}
		for (let j = c.index + 1; j < end && !closed; j++) {
			const line = lines[j];
			if (!line) break;
			const u = detectUnit(line.text);
			if (u) {
				unit = u;
				segment.declaredUnit ??= u;
			} else if (/单位\s*[:：]\s*(亿元|千元|百万元|百元)/.test(line.text))
				ctx.report(
					line.no,
					c.match.family,
					'warning',
					'unit_unsupported',
					'金额单位不是万元或元，金额按此前声明的单位读取 (unsupported amount unit)'
				);
			const text = line.text.trim();
			if (line.isRow) {
				if (line.cells.every((cell) => cell === '')) continue;
				const filled = line.cells.filter((cell) => cell !== '');
				const joined = filled.join('');
				if (NOTE.test(joined) && filled.length === 1) {
					segment.notes.push({ line: line.no, text: joined });
					ctx.claim(line.no, c.match.family, 'note');
					closed = true;
					continue;
				}
				// Another table's title printed as a row (`财政项目支出绩效目标填报表 ⇥ ⇥`).
				if (filled.length === 1 && /表$/.test(joined.replace(/\s+/g, ''))) {
					closed = true;
					continue;
				}
				segment.rows.push({ line, unit });
				continue;
			}
			if (text === '') continue;
			if (NOTE.test(text)) {
				segment.notes.push({ line: line.no, text });
				closed = true;
			} else if (!u && !isPageFurniture(text, department)) closed = true;
		}
		return segment;
	});
}

/**
 * Claims the table-of-contents rows (`部门预算收支总表 ⇥ 1`: a title and a page
 * number) that precede the first table, so they are not reported as
 * unrecognized rows. Only documents with a 目录 heading have them.
 */
export function claimContents(ctx: ParseContext): void {
	const lines = ctx.lines;
	const toc = lines.findIndex((l, i) => i < 60 && /目\s*录/.test(l.text));
	if (toc < 0) return;
	for (let j = toc + 1; j < Math.min(lines.length, toc + 80); j++) {
		const line = lines[j];
		if (!line || !line.isRow) continue;
		const filled = line.cells.filter((c) => c !== '');
		if (filled.length !== 2 || !/^\d{1,3}$/.test(filled[1] ?? '')) continue;
		if ((filled[0] ?? '').length > 60) continue;
		ctx.claim(line.no, 'contents', 'note');
	}
}
