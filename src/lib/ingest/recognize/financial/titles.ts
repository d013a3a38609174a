/**
 * Standard financial table titles under their regional names (Hebei
 * `部门预算收支总表`, Shanghai `2024年部门财务收支预算总表`, Jiangsu
 * `公开 01表 收支预算总表`, final accounts `收入支出决算总表`…), mapped to one
 * table family each. Matching works on the title text only, never on file
 * or department names.
 */
import type { FundType } from '../../model';

/** Fund of a table; 'all' = every 财政拨款 fund together (Jiangsu 05/06 tables). */
export type TableFund = FundType | 'all';

export type TableFamily =
	| 'summary'
	| 'appropriation_summary'
	| 'income'
	| 'expenditure'
	| 'appropriation'
	| 'basic_economic'
	| 'three_public'
	| 'admin_operation'
	| 'procurement'
	| 'assets';

export interface TitleMatch {
	family: TableFamily;
	/** Fund of an appropriation or economic table. */
	fund: TableFund | null;
	/** The title as printed (whitespace removed). */
	title: string;
}

/** Strips numbering, table numbers, years and trailing labels from a title cell. */
export function cleanTitle(raw: string): string {
	let t = raw.replace(/\s+/g, '');
	// Jiangsu 2019 packs the title, table number, department and unit in one cell.
	t = t.replace(/(公开表[一二三四五六七八九十\d]+|部门(名称)?[:：]|单位[:：]).*$/, '');
	t = t.replace(/^公开\d{1,2}表/, '');
	t = t.replace(/^(第[一二三四五六七八九十]+部分)/, '');
	t = t.replace(/^([一二三四五六七八九十]+|\d{1,2})[、.．]/, '');
	t = t.replace(/^(20\d\d)年度?/, '');
	return t;
}

interface Rule {
	re: RegExp;
	family: TableFamily;
	fund?: TableFund;
}

// Order matters: the first matching rule wins.
const RULES: Rule[] = [
	{ re: /三公.{0,2}经费/, family: 'three_public' },
	{ re: /机关运行经费(支出)?(预算|决算)?表$/, family: 'admin_operation' },
	{ re: /政府采购(支出)?(预算|决算)(表)?$/, family: 'procurement' },
	{ re: /(固定资产|国有资产|资产)占用(情况)?表$/, family: 'assets' },
	{ re: /财政拨款收(入)?支(出)?(预算|决算)?总表$/, family: 'appropriation_summary' },
	{ re: /收(入)?支(出)?(预算|决算)?总表$/, family: 'summary' },
	{ re: /一般公共预算.*基本支出.*表/, family: 'basic_economic', fund: 'general' },
	{ re: /财政拨款基本支出.*表/, family: 'basic_economic', fund: 'all' },
	{ re: /政府性基金.*(支出|收入支出).*表/, family: 'appropriation', fund: 'gov_fund' },
	{ re: /国有资本经营.*(支出|收入支出).*表/, family: 'appropriation', fund: 'soe_capital' },
	{ re: /一般公共预算.*支出.*表/, family: 'appropriation', fund: 'general' },
	{ re: /财政拨款支出(预算|决算)?表/, family: 'appropriation', fund: 'all' },
	{ re: /收入(预算|决算)?总?表$/, family: 'income' },
	{ re: /支出(预算|决算)?总?表$/, family: 'expenditure' }
];

/** Matches a cleaned title against the standard families. */
export function matchTitle(raw: string): TitleMatch | null {
	const title = cleanTitle(raw);
	if (title.length < 4 || title.length > 45) return null;
	if (!/表(（[^）]{1,8}）)?$|政府采购(支出)?预算$/.test(title)) return null;
	if (/绩效|目录|说明|情况表?$/.test(title) && !/占用情况表$/.test(title)) return null;
	// A sentence pointing at a table (`详见政府采购预算表`) is not its title.
	if (/^(详见|参见|见|附)|[，。；]/.test(title)) return null;
	for (const r of RULES)
		if (r.re.test(title)) return { family: r.family, fund: r.fund ?? null, title };
	return null;
}
