/**
 * recognizeProjects: finds every project 绩效目标表 in a document and hands
 * its rows to a ProjectBuilder. A table starts at a `项目编码`/`项目名称`
 * row (national/Hebei) or a `…绩效目标填报表` title row (Shanghai); it ends
 * at the next table, a printed title (`12、XXX绩效目标表`) or narrative text.
 * Page numbers and `单位：万元` lines do not end a table, and indicator rows
 * that follow narrative noise resume the table they belong to. Indicator rows
 * under a `部门整体绩效目标` heading (no project) are department-level.
 */
import { detectUnit } from '../../amount';
import type { ParseContext } from '../../context';
import type { AmountUnit, ParsedTables } from '../../model';
import { IndicatorTable, looksLikeIndicatorRow } from './indicators';
import {
	isAmountBlockLabel,
	isFormTitle,
	isGoalsLabel,
	isIndicatorHeader,
	isPlanLabel,
	isProjectTitle,
	kvKey,
	squash,
	stripTitle
} from './labels';
import { ProjectBuilder } from './project-builder';
import { PAGE_NUMBER } from './stream';

/** How many lines after a printed title its table may start. */
const TITLE_REACH = 12;

export function recognizeProjects(ctx: ParseContext, out: ParsedTables): void {
	let current: ProjectBuilder | null = null;
	let resumable: ProjectBuilder | null = null;
	let title: string | null = null;
	/** Line of the printed title; a title only announces a table that follows closely. */
	let titleLine = 0;
	let unit: AmountUnit | null = null;
	let seq = out.projects.length;
	/** A department-level 整体绩效目标 table (indicators with project_seq NULL). */
	let dept: IndicatorTable | null = null;
	const endDept = () => {
		const d = dept as IndicatorTable | null;
		if (d && d.records.length > 0) {
			out.indicators.push(...d.records);
			ctx.noteTable('indicators');
		}
		dept = null;
	};

	/** Finishes the table that narrative text interrupted; it can no longer resume. */
	const finalize = () => {
		const r = resumable as ProjectBuilder | null;
		if (r) r.finish(out);
		resumable = null;
	};
	/** Narrative text interrupts the table; indicator rows may still resume it. */
	const suspend = () => {
		if (current === null) return;
		finalize();
		resumable = current;
		current = null;
	};
	const closeAll = () => {
		endDept();
		finalize();
		const c = current as ProjectBuilder | null;
		if (c) c.finish(out);
		current = null;
	};
	const start = (no: number) => {
		closeAll();
		seq++;
		const announced = title !== null && no - titleLine <= TITLE_REACH ? title : null;
		current = new ProjectBuilder(ctx, seq, no, unit ?? '万元', announced);
		title = null;
	};

	for (const line of ctx.lines) {
		if (!line.isRow) {
			const text = line.text.trim();
			if (text === '' || PAGE_NUMBER.test(text)) continue;
			if (squash(text).includes('整体绩效目标') && text.length <= 40) {
				closeAll();
				dept = new IndicatorTable(ctx, {
					doc_id: ctx.docId,
					project_seq: null,
					project_code: null
				});
				continue;
			}
			if (isProjectTitle(text)) {
				closeAll();
				title = stripTitle(text);
				titleLine = line.no;
				unit = null;
				continue;
			}
			const declared = detectUnit(text);
			if (declared !== null && text.length <= 30) {
				unit = declared;
				continue;
			}
			suspend();
			continue;
		}
		const cells = line.cells;
		if (cells.every((c) => c === '') || ctx.isClaimed(line.no)) continue;
		if (cells.some((c) => isFormTitle(c))) {
			start(line.no);
			ctx.claim(line.no, 'projects', 'header');
			continue;
		}
		// `项目编码 │ … │ 项目名称 │ …`; a lone `项目名称 │ X` row also opens a table, but
		// not a wide header row that merely has a 项目名称 column (政府采购表).
		const keys = cells.map(kvKey);
		const filled = cells.filter((c) => c !== '').length;
		const opensProject =
			(keys.includes('code') || (keys[0] === 'name' && filled <= 3)) &&
			((current as ProjectBuilder | null)?.hasName ?? true) &&
			((title !== null && line.no - titleLine <= TITLE_REACH) ||
				performanceRowFollows(ctx, line.no));
		if (opensProject) start(line.no);
		if (
			current === null &&
			resumable !== null &&
			(isIndicatorHeader(cells) || looksLikeIndicatorRow(cells))
		) {
			current = resumable;
			resumable = null;
			ctx.report(
				line.no,
				'indicators',
				'info',
				'table_resumed',
				'绩效指标表在其他文字之后继续 (indicator table resumed after intervening text)'
			);
		}
		const builder = current as ProjectBuilder | null;
		const deptTable = dept as IndicatorTable | null;
		if (builder === null && deptTable !== null) {
			if (isIndicatorHeader(cells)) deptTable.header(line.no, cells);
			else if (deptTable.hasHeader || looksLikeIndicatorRow(cells)) deptTable.row(line.no, cells);
			continue;
		}
		if (builder === null) continue;
		if (!builder.row(line.no, cells))
			ctx.report(
				line.no,
				'projects',
				'warning',
				'unrecognized_performance_row',
				'绩效目标表中无法识别的行 (row inside a 绩效目标表 that could not be read)'
			);
	}
	closeAll();
}

/**
 * A `项目编码`/`项目名称` row opens a 绩效目标表 only when a printed title
 * announced one or a row typical of these tables follows within a few rows
 * (a 收支表 or 项目支出表 can have a 项目名称 column too).
 */
function performanceRowFollows(ctx: ParseContext, no: number): boolean {
	let seen = 0;
	for (let i = no; i < Math.min(ctx.lines.length, no + 30) && seen < 4; i++) {
		const l = ctx.lines[i];
		if (!l || !l.isRow) continue;
		seen++;
		const c0 = l.cells[0] ?? '';
		if (isAmountBlockLabel(c0) || isPlanLabel(c0) || isGoalsLabel(c0) || isIndicatorHeader(l.cells))
			return true;
	}
	return false;
}
