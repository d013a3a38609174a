/**
 * Normalizing indicator and project names so that the same benefit lines up
 * across departments (`义务兵家庭优待金标准`, `义务兵家庭优待金（街道）` →
 * `义务兵家庭优待金`), and parsing cost units (`万元/人`, `元/人/月`, `元/户·年`).
 * Both are SQL expressions (DuckDB RE2 regexes: linear time, no backtracking).
 */

/** SQL: the grouping key for a name column. */
export function normalizedNameSql(column: string): string {
	const noBrackets = `regexp_replace(${column}, '[（(【\\[][^）)】\\]]*[）)】\\]]', '', 'g')`;
	const noPunct = `regexp_replace(${noBrackets}, '[\\s\\x{3000}“”"‘’''、，,。.：:；;—-]', '', 'g')`;
	const noPer = `regexp_replace(${noPunct}, '人均|户均|平均|每人|每户', '', 'g')`;
	return `regexp_replace(${noPer}, '(补助|发放)?(标准|成本|费用|金额|支出)$', '')`;
}

/** SQL: a unit with spaces and brackets removed, ／ · • * × 每 turned into '/' (元每人 → 元/人). */
export function cleanUnitSql(column: string): string {
	const noSpace = `regexp_replace(coalesce(${column}, ''), '[\\s（）()]', '', 'g')`;
	const slashes = `regexp_replace(${noSpace}, '[／·•*×每]', '/', 'g')`;
	return `regexp_replace(${slashes}, '/+', '/', 'g')`;
}

/**
 * Cost unit pattern on a cleaned unit: money, optional period before the
 * beneficiary, beneficiary, optional period after. Groups: 1 money (元|万元),
 * 2 period, 3 per (人|户|人次), 4 period.
 */
export const COST_UNIT_PATTERN = '^(万元|元)/(?:(年|月)/)?(人次|人|户)(?:/?(年|月))?$';

/**
 * A money unit with no beneficiary (元, 万元/年): the beneficiary is then read
 * from the indicator name (人均 → 人, 户均 → 户). Groups: 1 money, 2 period.
 */
export const MONEY_ONLY_PATTERN = '^(万元|元)(?:/(年|月))?$';

/** Units a 数量指标 counts beneficiaries in. */
export const BENEFICIARY_UNITS = ['人', '户', '人次'] as const;
