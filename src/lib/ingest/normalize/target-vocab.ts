/**
 * Vocabulary of printed 绩效 targets: operator words and symbols before the
 * number (`不低于`, `≥`), operator suffixes (`以上`), and unit tokens
 * (`万元`, `人次`, `个工作日`) from which compound units are built.
 */
import type { TargetOp } from '../model';

/** Operator words and symbols that may precede the number, longest first. */
export const PREFIX_OPS: readonly (readonly [string, TargetOp])[] = [
	['大于或等于', '≥'],
	['小于或等于', '≤'],
	['大于等于', '≥'],
	['小于等于', '≤'],
	['不低于', '≥'],
	['不少于', '≥'],
	['不小于', '≥'],
	['不高于', '≤'],
	['不超过', '≤'],
	['不多于', '≤'],
	['不大于', '≤'],
	['控制在', '≤'],
	['至少', '≥'],
	['最少', '≥'],
	['至多', '≤'],
	['最多', '≤'],
	['达到', '≥'],
	['大于', '>'],
	['高于', '>'],
	['多于', '>'],
	['超过', '>'],
	['小于', '<'],
	['低于', '<'],
	['少于', '<'],
	['等于', '='],
	['>=', '≥'],
	['<=', '≤'],
	['≥', '≥'],
	['≤', '≤'],
	['>', '>'],
	['<', '<'],
	['=', '='],
	['达', '≥']
];

/** Suffixes after number and unit that imply an operator. */
export const SUFFIX_OPS: readonly (readonly [string, TargetOp])[] = [
	['及以上', '≥'],
	['以上', '≥'],
	['及以下', '≤'],
	['以下', '≤'],
	['以内', '≤']
];

/**
 * Unit tokens, matched longest first. Compound units are built from these
 * with `/` or `每` (`万元/人/年`, `元/每本`) and parenthesized groups
 * (`万元/（人*年）`).
 */
export const UNIT_TOKENS: readonly string[] = [
	'个工作日',
	'工作日',
	'平方公里',
	'平方米',
	'立方米',
	'千瓦时',
	'万人次',
	'人/次',
	'人次',
	'户次',
	'台次',
	'批次',
	'个月',
	'小时',
	'分钟',
	'季度',
	'公里',
	'千米',
	'公斤',
	'万元',
	'亿元',
	'千元',
	'人数',
	'课时',
	'学时',
	'%',
	'‰',
	'℃',
	'元',
	'人',
	'户',
	'个',
	'次',
	'家',
	'台',
	'套',
	'张',
	'本',
	'册',
	'份',
	'场',
	'天',
	'日',
	'周',
	'月',
	'年',
	'米',
	'辆',
	'件',
	'项',
	'所',
	'间',
	'床',
	'座',
	'名',
	'度',
	'分',
	'期',
	'批',
	'部',
	'支',
	'篇',
	'条',
	'处',
	'亩',
	'吨',
	'班',
	'块',
	'只',
	'棵',
	'株',
	'kg',
	'km',
	'm²',
	'㎡'
]
	.slice()
	.sort((a, b) => b.length - a.length);
