/**
 * The SQL expressions the per-capita view groups and converts with
 * (queries/indicator-name.ts), evaluated in DuckDB on real-world spellings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector, type NodeConnector } from '../../src/lib/db/node';
import {
	cleanUnitSql,
	COST_UNIT_PATTERN,
	MONEY_ONLY_PATTERN,
	normalizedNameSql
} from '../../src/lib/queries/indicator-name';

let db: NodeConnector;
beforeAll(async () => {
	db = await openNodeConnector();
});
afterAll(async () => {
	await db.close();
});

async function evaluate(expr: string, value: string): Promise<string | null> {
	const r = await db.query({ sql: `SELECT ${expr} AS v FROM (SELECT $1 AS x)`, params: [value] });
	const v = r.rows[0]?.v;
	return v === null || v === undefined ? null : String(v);
}

describe('normalizedNameSql', () => {
	it.each([
		['义务兵家庭优待金', '义务兵家庭优待金'],
		['义务兵家庭优待金人均成本', '义务兵家庭优待金'],
		['义务兵家庭优待金标准', '义务兵家庭优待金'],
		['义务兵家庭优待金（街道）', '义务兵家庭优待金'],
		['人均 救助成本', '救助'],
		['60 周岁以上烈士子女生活补助人均成本', '60周岁以上烈士子女生活'],
		['参站、参试退伍军人生活补贴人均成本', '参站参试退伍军人生活补贴'],
		['“八一”慰问优抚对象人均成本', '八一慰问优抚对象']
	])('%s → %s', async (name, key) => {
		expect(await evaluate(normalizedNameSql('x'), name)).toBe(key);
	});
});

describe('cost units', () => {
	const per = `nullif(regexp_extract(${cleanUnitSql('x')}, '${COST_UNIT_PATTERN}', 3), '')`;
	const money = `nullif(regexp_extract(${cleanUnitSql('x')}, '${COST_UNIT_PATTERN}', 1), '')`;
	const period = `coalesce(nullif(regexp_extract(${cleanUnitSql('x')}, '${COST_UNIT_PATTERN}', 2), ''), nullif(regexp_extract(${cleanUnitSql('x')}, '${COST_UNIT_PATTERN}', 4), ''))`;
	it.each<[string, string | null, string | null, string | null]>([
		['万元/人', '万元', '人', null],
		['元/人/月', '元', '人', '月'],
		['元/月/人', '元', '人', '月'],
		['万元/（人*年）', '万元', '人', '年'],
		['元/人·年', '元', '人', '年'],
		['元 / 户', '元', '户', null],
		['元/人次', '元', '人次', null],
		['元每人每月', '元', '人', '月'],
		['元/人/天', null, null, null],
		['人', null, null, null],
		['元/每本', null, null, null],
		['%', null, null, null]
	])('%s → %s per %s per %s', async (unit, m, p, t) => {
		expect(await evaluate(money, unit)).toBe(m);
		expect(await evaluate(per, unit)).toBe(p);
		expect(await evaluate(period, unit)).toBe(t);
	});

	it('reads bare money units whose beneficiary comes from the name', async () => {
		const re = `regexp_matches(${cleanUnitSql('x')}, '${MONEY_ONLY_PATTERN}')`;
		expect(await evaluate(re, '万元')).toBe('true');
		expect(await evaluate(re, '万元/年')).toBe('true');
		expect(await evaluate(re, '元/人')).toBe('false');
	});
});
