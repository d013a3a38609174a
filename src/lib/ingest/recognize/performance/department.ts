/**
 * Department-level 整体绩效目标 indicators (project_seq NULL), read from the
 * narrative section `部门整体绩效目标`:
 *
 *   （二）分项绩效目标                      → level1 '分项绩效目标'
 *   一、残疾人管理服务工作                  → level2 (the work area)
 *   1、绩效目标：维护残疾人权益…             → description
 *   绩效指标：全区残疾人管理服务工作完成率 100%  → name + target
 *   提供康复服务人数 23 人                  → a further indicator of the same goal
 *
 * When the section states no `绩效指标：` lines at all, rates stated in the
 * prose (`服务对象满意度达到95%以上`) are taken instead.
 */
import type { ParseContext } from '../../context';
import type { IndicatorRecord } from '../../model';
import { parseTarget } from '../../normalize/target';
import type { SourceLine } from '../../reader/text';
import { isProjectTitle, squash } from './labels';

const SUBSECTION = /(总体绩效目标|分项绩效目标)$/;
const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*(.+)$/;
const SECTION_END =
	/^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、.*(?:项目|专项资金|政府采购|国有资产|名词解释|其他需要说明))/;
const GOAL = /^\d+\s*[、.．]\s*绩效目标[:：](.*)$/;
const EXPLICIT = /^(?:绩效指标[:：]\s*)+(.*)$/;
/** `名称 23 人`, `全区…完成率 100%`: a name, then a figure with an optional short unit. */
const NAME_FIGURE = /^(\S.{1,60}?)\s*((?:[≥≤><=]\s*)?\d+(?:\.\d+)?\s*[%％]?[\u4e00-\u9fa5]{0,3})$/;
/** `名称 23 人` lines are short; longer text is prose, not an indicator line. */
const MAX_FIGURE_LINE = 120;
const PROSE_RATE =
	/([^，。；、：:\s]{2,30}?(?:率|度|覆盖面))\s*((?:(?:达到|达|为|不低于|保持)\s*)?\d+(?:\.\d+)?\s*%(?:以上|以下)?)/g;

interface Section {
	from: number;
	to: number;
}

function sections(lines: SourceLine[]): Section[] {
	const out: Section[] = [];
	let open: number | null = null;
	lines.forEach((l, i) => {
		const t = l.text.trim();
		if (l.isRow) {
			if (open !== null && l.cells.some((c) => c !== '')) {
				out.push({ from: open, to: i });
				open = null;
			}
			return;
		}
		if (squash(t).includes('部门整体绩效目标') && t.length <= 40) {
			if (open !== null) out.push({ from: open, to: i });
			open = i + 1;
			return;
		}
		if (open !== null && (SECTION_END.test(t) || isProjectTitle(t))) {
			out.push({ from: open, to: i });
			open = null;
		}
	});
	if (open !== null) out.push({ from: open, to: lines.length });
	return out;
}

export function recognizeDepartmentIndicators(ctx: ParseContext, out: IndicatorRecord[]): void {
	const found: IndicatorRecord[] = [];
	for (const sec of sections(ctx.lines)) {
		const lines = ctx.lines.slice(sec.from, sec.to).filter((l) => l.text.trim() !== '');
		const explicit = lines.some((l) => EXPLICIT.test(l.text.trim()));
		let level1: string | null = null;
		let level2: string | null = null;
		let goal: string | null = null;
		let afterExplicit = false;
		const push = (l: SourceLine, name: string, target: string) => {
			const t = parseTarget(target);
			found.push({
				doc_id: ctx.docId,
				project_seq: null,
				project_code: null,
				seq: 0,
				level1: level1 ?? '部门整体绩效目标',
				level2: level2 ?? level1 ?? '部门整体绩效目标',
				name,
				description: goal,
				target_raw: target,
				target_op: t.op,
				target_value: t.value,
				target_unit: t.unit,
				basis: null,
				source_line: l.no
			});
		};
		for (const l of lines) {
			const t = l.text.trim();
			const sub = SUBSECTION.exec(
				squash(t).replace(/^[（(]?[一二三四五六七八九十]+[)）、.．]?/, '')
			);
			if (sub && t.length <= 20) {
				level1 = sub[1] ?? null;
				level2 = null;
				afterExplicit = false;
				continue;
			}
			const goalMatch = GOAL.exec(t);
			if (goalMatch) {
				goal = (goalMatch[1] ?? '').trim() || null;
				afterExplicit = false;
				if (!explicit) prose(l, goalMatch[1] ?? '', push);
				continue;
			}
			const heading = HEADING.exec(t);
			if (heading && t.length <= 40 && !t.includes('：')) {
				level2 = (heading[1] ?? '').replace(/[。；]$/, '').trim();
				goal = null;
				afterExplicit = false;
				continue;
			}
			const ex = EXPLICIT.exec(t);
			if (ex) {
				const body = (ex[1] ?? '').trim();
				const m = body.length <= MAX_FIGURE_LINE ? NAME_FIGURE.exec(body) : null;
				if (m) push(l, (m[1] ?? '').trim(), (m[2] ?? '').trim());
				else
					ctx.report(
						l.no,
						'indicators',
						'info',
						'department_indicator_unread',
						'部门整体绩效指标没有可识别的指标值 (department indicator without a readable target)'
					);
				afterExplicit = true;
				continue;
			}
			if (explicit && afterExplicit && !t.includes('：') && !t.includes('。')) {
				const m = t.length <= MAX_FIGURE_LINE ? NAME_FIGURE.exec(t) : null;
				if (m) push(l, (m[1] ?? '').trim(), (m[2] ?? '').trim());
				continue;
			}
			if (!explicit) {
				const body = t.replace(/^.*?绩效目标[:：]/, '');
				if (body !== t) goal = body.trim() || null;
				prose(l, body, push);
			}
		}
	}
	found.forEach((r, i) => (r.seq = i + 1));
	out.push(...found);
	if (found.length > 0) ctx.noteTable('indicators');
}

function prose(
	l: SourceLine,
	text: string,
	push: (l: SourceLine, name: string, target: string) => void
): void {
	for (const m of text.matchAll(PROSE_RATE)) push(l, (m[1] ?? '').trim(), (m[2] ?? '').trim());
}
