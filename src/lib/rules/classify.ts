/**
 * What kind of indicator a 绩效指标 row is, read from its 二级指标, name,
 * description and unit: satisfaction, coverage/timeliness rates, cost,
 * quantity, per-capita cost; and what kind of unit it carries (money,
 * head count, percent). Plain substring tests only (no backtracking regexes).
 */
import type { IndicatorRecord } from '../ingest/model';

const COUNT_UNITS = new Set([
	'人',
	'人次',
	'户',
	'户次',
	'家',
	'个',
	'名',
	'位',
	'次',
	'场',
	'场次',
	'所',
	'处',
	'台',
	'辆',
	'件',
	'批',
	'项'
]);

/** Unit with spaces and brackets removed, ／ → /. */
export function cleanUnit(unit: string | null): string {
	if (!unit) return '';
	return unit.replace(/[\s（）()]/g, '').replace(/[／·•*×]/g, '/');
}

export function isMoneyUnit(unit: string | null): boolean {
	const u = cleanUnit(unit);
	return u.startsWith('元') || u.startsWith('万元') || u.startsWith('亿元') || u.startsWith('千元');
}

/** Money with a per-beneficiary part: 元/人, 万元/户/年… */
export function isPerUnitMoney(unit: string | null): boolean {
	return (
		isMoneyUnit(unit) &&
		cleanUnit(unit).includes('/') &&
		!/^(万?元)\/(年|月)$/.test(cleanUnit(unit))
	);
}

export function isCountUnit(unit: string | null): boolean {
	return COUNT_UNITS.has(cleanUnit(unit));
}

export function isPercent(unit: string | null): boolean {
	const u = cleanUnit(unit);
	return u === '%' || u === '％';
}

const text = (i: IndicatorRecord): string => `${i.name} ${i.description ?? ''}`;

export function isSatisfaction(i: IndicatorRecord): boolean {
	return i.name.includes('满意') || (i.level2 ?? '').includes('满意');
}

/** Rates that should be high: coverage, timeliness, completion, pass rates. */
export function isHighIsGoodRate(i: IndicatorRecord): boolean {
	const n = i.name;
	if (!n.includes('率')) return false;
	const bad = [
		'差错率',
		'失误率',
		'投诉率',
		'发生率',
		'事故率',
		'损失率',
		'误差率',
		'空置率',
		'返贫率',
		'退回率',
		'逾期率',
		'偏差率',
		'变动率',
		'增长率',
		'下降率',
		'死亡率',
		'复发率',
		'违规率',
		'失业率',
		'超支率',
		'流失率',
		'故障率',
		'缺陷率'
	];
	if (bad.some((b) => n.includes(b))) return false;
	const good = [
		'覆盖率',
		'及时率',
		'完成率',
		'到位率',
		'合格率',
		'达标率',
		'兑现率',
		'知晓率',
		'发放率',
		'执行率',
		'参与率',
		'通过率',
		'准确率',
		'保障率',
		'落实率',
		'办结率',
		'受理率',
		'使用率',
		'验收率',
		'答复率',
		'回复率',
		'办结率',
		'结案率',
		'响应率',
		'接待率'
	];
	return good.some((g) => n.includes(g));
}

export function isCoverageOrTimeliness(i: IndicatorRecord): boolean {
	return ['覆盖率', '及时率', '到位率', '按时完成率', '发放率'].some((g) => i.name.includes(g));
}

export function isCostIndicator(i: IndicatorRecord): boolean {
	return (i.level2 ?? '').includes('成本');
}

export function isQuantityIndicator(i: IndicatorRecord): boolean {
	return (i.level2 ?? '').includes('数量');
}

export function isTimeIndicator(i: IndicatorRecord): boolean {
	return (i.level2 ?? '').includes('时效');
}

/** Name or description says the amount is per beneficiary (人均, 户均, 每人…). */
export function saysPerCapita(i: IndicatorRecord): boolean {
	const t = text(i);
	return ['人均', '户均', '每人', '每户', '人/年', '每名', '生均'].some((k) => t.includes(k));
}

/** Placeholder rows (`无`, `/`, `—`) that declare the absence of an indicator. */
export function isPlaceholder(value: string | null): boolean {
	const v = (value ?? '').trim();
	return ['', '无', '/', '—', '-', '——', '不适用', '不涉及', '暂无', '无此项'].includes(v);
}

/** A target that names a date or deadline (10月底前, 2024年12月31日前). */
export function isDateTarget(raw: string | null): boolean {
	const r = raw ?? '';
	return (
		r.includes('月底') ||
		r.includes('日前') ||
		r.includes('月前') ||
		r.includes('年底') ||
		r.includes('季度') ||
		r.includes('月份') ||
		/\d{4}年\d{1,2}月/.test(r)
	);
}

const VAGUE = [
	'有效保障',
	'有所提高',
	'有所提升',
	'有所改善',
	'有所增强',
	'按实际发生',
	'按实际',
	'逐年上升',
	'逐年提高',
	'逐步提高',
	'稳步提升',
	'不断提高',
	'进一步',
	'明显提升',
	'显著',
	'持续',
	'良好',
	'较好',
	'有效',
	'提高',
	'提升',
	'改善',
	'保障'
];

/** A target without any number that only expresses a direction or a wish. */
export function isVagueTarget(raw: string | null, hasValue: boolean): boolean {
	if (hasValue || raw === null || isPlaceholder(raw) || isDateTarget(raw)) return false;
	if (/\d/.test(raw)) return false;
	return VAGUE.some((v) => raw.includes(v));
}
