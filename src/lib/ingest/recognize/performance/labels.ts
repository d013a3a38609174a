/**
 * Vocabulary of the 绩效目标表 layouts (national/Hebei and Shanghai): label
 * normalization, the key–value labels of the project header block, the
 * 一级/二级指标 names, and the cells of a 资金支出计划 (spending plan).
 */

/** Removes all whitespace (wrapped labels print as `预算规模及 资金用途`) and unifies brackets. */
export function squash(s: string): string {
	const hit = squashCache.get(s);
	if (hit !== undefined) return hit;
	const r = s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：');
	if (squashCache.size >= 4096) squashCache.clear();
	if (s.length <= 200) squashCache.set(s, r);
	return r;
}

/** Cells repeat a lot (labels, 指标 names) and each is squashed several times. */
const squashCache = new Map<string, string>();

/** Key–value labels of the project block, keyed by their squashed form. */
export const KV_LABELS = {
	项目编码: 'code',
	项目代码: 'code',
	项目名称: 'name',
	预算数: 'amount',
	项目资金总额: 'amount',
	年度资金总额: 'amount',
	'年度资金总额：': 'amount',
	'其中：财政拨款': 'fiscal',
	'其中：财政资金': 'fiscal',
	财政资金: 'fiscal',
	其他资金: 'other',
	年度资金申请总额: 'annual_amount',
	'其中：当年财政拨款': 'annual_fiscal',
	上年结转资金: 'annual_carryover',
	主管部门: 'managing_department',
	主管部门及代码: 'managing_department',
	实施单位: 'implementing_unit',
	项目性质: 'project_nature',
	项目类别: 'project_category',
	计划开始日期: 'start_date',
	计划完成日期: 'end_date'
} as const;

export type KvKey = (typeof KV_LABELS)[keyof typeof KV_LABELS];

export function kvKey(cell: string): KvKey | null {
	const k = squash(cell);
	return Object.prototype.hasOwnProperty.call(KV_LABELS, k)
		? KV_LABELS[k as keyof typeof KV_LABELS]
		: null;
}

/** Row labels in column 0 that open a block. */
export function isAmountBlockLabel(cell: string): boolean {
	const s = squash(cell);
	return s.startsWith('预算规模') || s.startsWith('项目资金');
}

export function isPlanLabel(cell: string): boolean {
	return squash(cell).startsWith('资金支出计划');
}

export function isGoalsLabel(cell: string): boolean {
	const s = squash(cell);
	return [
		'绩效目标',
		'项目绩效目标',
		'年度绩效目标',
		'总体目标',
		'年度目标',
		'年度总体目标'
	].includes(s);
}

/** Shanghai `项目 绩效 目标 │ 项目总目标 │ … │ 年度总体目标`. */
export function isGoalsHeader(cells: string[]): boolean {
	const s = cells.map(squash).filter((c) => c !== '');
	return (
		(s.includes('项目总目标') || s.includes('年度总体目标')) &&
		s.every((c) => GOALS_HEADER_CELLS.has(c))
	);
}
const GOALS_HEADER_CELLS = new Set(['项目绩效目标', '绩效目标', '项目总目标', '年度总体目标']);

/** First row of a Shanghai-style form: `财政项目支出绩效目标填报表`. */
export function isFormTitle(cell: string): boolean {
	const s = squash(cell);
	return (
		s.endsWith('绩效目标填报表') || s.endsWith('绩效目标申报表') || s.endsWith('项目支出绩效目标表')
	);
}

/** A printed table title `12、XXX绩效目标表` (narrative line). */
export function isProjectTitle(text: string): boolean {
	const s = squash(text);
	return (
		/绩效目标(?:表|填报表|申报表)$/.test(s) &&
		!s.includes('整体绩效目标') &&
		!/^(?:详见|见|参见)/.test(s)
	);
}

export function stripTitle(text: string): string {
	return text
		.trim()
		.replace(/^\d+\s*[、.．]\s*/, '')
		.replace(/绩效目标(?:表|填报表|申报表)$/, '')
		.trim();
}

export const LEVEL1 = new Set(['产出指标', '效益指标', '满意度指标', '成本指标']);

/** A 二级指标 name such as 数量指标, 社会效益指标, 服务对象满意度指标. */
export function isLevel2Like(cell: string): boolean {
	const s = squash(cell);
	if (s === '成本指标') return true;
	return s.length >= 4 && s.length <= 12 && s.endsWith('指标') && !LEVEL1.has(s);
}

export function isLevel1(cell: string): boolean {
	return LEVEL1.has(squash(cell));
}

/** The indicator header row: `一级指标 │ 二级指标 │ 三级指标 │ …`. */
export function isIndicatorHeader(cells: string[]): boolean {
	const s = cells.map(squash);
	return s.includes('一级指标') && s.includes('三级指标');
}

export type PlanCell =
	| { kind: 'label'; label: string }
	| { kind: 'percent'; value: string }
	| { kind: 'both'; label: string; value: string };

const PERIOD =
	/^(?:\d{1,2}月(?:底|末|份)?|第[一二三四1-4]季度|[一二三四1-4]季度|上半年|下半年|年底|全年)$/;
const PERCENT = /^(\d{1,3}(?:\.\d+)?)%$/;

/** Classifies one cell of a 资金支出计划 block; null when it is something else. */
export function planCell(cell: string): PlanCell | null {
	const s = squash(cell).replace(/％/g, '%');
	// Plan cells are short (`10月底`, `12月底 100%`); never scan long text.
	if (s.length > 16) return null;
	if (PERIOD.test(s)) return { kind: 'label', label: s };
	const pct = PERCENT.exec(s);
	if (pct) return { kind: 'percent', value: pct[1] ?? '' };
	// `12月底 100%` printed in one cell.
	const both = /^(.+?)(\d{1,3}(?:\.\d+)?)%$/.exec(s);
	if (both && PERIOD.test(both[1] ?? ''))
		return { kind: 'both', label: both[1] ?? '', value: both[2] ?? '' };
	return null;
}

/** True when every non-empty cell (ignoring a leading 资金支出计划 label) is a plan cell. */
export function isPlanRow(cells: string[]): boolean {
	let any = false;
	for (let i = 0; i < cells.length; i++) {
		const c = cells[i] ?? '';
		if (c === '') continue;
		if (i === 0 && isPlanLabel(c)) continue;
		if (planCell(c) === null) return false;
		any = true;
	}
	return any;
}

/** Joins a wrapped fragment onto text: no space between CJK characters. */
export function joinWrapped(a: string, b: string): string {
	if (a === '') return b;
	if (b === '') return a;
	const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
	return cjk.test(a.slice(-1)) || cjk.test(b.slice(0, 1)) ? a + b : `${a} ${b}`;
}

const CJK = '\\u3400-\\u9fff\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff1f“”';
const WRAP_SPACE = new RegExp(`([${CJK}])[ \\t]+(?=[${CJK}])`, 'g');

/** Drops the spaces the extraction put where a cell wrapped between two CJK characters. */
export function unwrapCjk(s: string): string {
	return s.replace(WRAP_SPACE, '$1');
}
