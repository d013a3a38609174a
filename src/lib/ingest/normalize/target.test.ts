import { describe, expect, it } from 'vitest';
import { parseTarget, readUnit } from './target';

function p(raw: string): [string | null, string | null, string | null] {
	const t = parseTarget(raw);
	return [t.op, t.value === null ? null : t.value.toString(), t.unit];
}

describe('parseTarget: operator, exact value and unit', () => {
	it.each([
		['≥390人', '≥', '390', '人'],
		['≥390 人', '≥', '390', '人'],
		['≤0.71万元/人', '≤', '0.71', '万元/人'],
		['1.8 万元/（人*年）', null, '1.8', '万元/（人*年）'],
		['500 元/（人*年）', null, '500', '元/（人*年）'],
		['≥13459.00(平方米)', '≥', '13459', '平方米'],
		['=100.00(%)', '=', '100', '%'],
		['>6.00(次)', '>', '6', '次'],
		['90.00(度)', null, '90', '度'],
		['≤5 个工作日', '≤', '5', '个工作日'],
		['≤20元/每本', '≤', '20', '元/每本'],
		['100%', null, '100', '%'],
		['100 %', null, '100', '%'],
		['≥90 %', '≥', '90', '%'],
		['不低于50%', '≥', '50', '%'],
		['不少于100人', '≥', '100', '人'],
		['不超过3万元', '≤', '3', '万元'],
		['小于5次', '<', '5', '次'],
		['大于2个', '>', '2', '个'],
		['达到95%', '≥', '95', '%'],
		['95%以上', '≥', '95', '%'],
		['达到95%以上', '≥', '95', '%'],
		['<0.98万元', '<', '0.98', '万元'],
		['＞90％', '>', '90', '%'],
		['>=80%', '≥', '80', '%'],
		['1200 人', null, '1200', '人'],
		['≤0.2 万元/人/年', '≤', '0.2', '万元/人/年'],
		['185 元/人/天', null, '185', '元/人/天'],
		['1500 元/户·年', null, '1500', '元/户·年'],
		['≤200元／人', '≤', '200', '元／人'],
		['≤1300 元/月/人', '≤', '1300', '元/月/人'],
		['≥120.00(人次)', '≥', '120', '人次'],
		['=5.00(万人次)', '=', '5', '万人次'],
		['≥10人次', '≥', '10', '人次'],
		['12人', null, '12', '人'],
		['1.6万元', null, '1.6', '万元'],
		['2年', null, '2', '年'],
		['412.29 平方米', null, '412.29', '平方米'],
		['补贴对象生活改善度不低于80%', '≥', '80', '%'],
		['开展不低于5次的社区法治宣传活动', '≥', '5', '次'],
		['开展至少1次团体心理治疗', '≥', '1', '次'],
		['可控性100%', null, '100', '%'],
		['11', null, '11', null],
		['≥5 完成', '≥', '5', null],
		['4,100,000.00元', null, '4100000', '元']
	])('%s', (raw, op, value, unit) => {
		expect(p(raw)).toEqual([op, value, unit]);
	});

	it('keeps the value exact (no float rounding)', () => {
		const t = parseTarget('≤0.07万元/人');
		expect(t.value?.toFixed(4)).toBe('0.0700');
		expect(parseTarget('0.1').value?.plus('0.2').toString()).toBe('0.3');
		expect(parseTarget('≥13459.00(平方米)').value?.toFixed(2)).toBe('13459.00');
	});

	it('always keeps the raw text', () => {
		expect(parseTarget(' ≥390 人 ').raw).toBe(' ≥390 人 ');
		expect(parseTarget('有效保障').raw).toBe('有效保障');
	});
});

describe('parseTarget: texts without a number', () => {
	it.each([
		'按实际发生',
		'有效保障',
		'比上年有所提高',
		'10月底前',
		'12 月底前',
		'每年7月底前发放生活补贴',
		'2024年12月31日前（其中康复训练儿童自安置康复机构之日起不超过10个月。',
		'9月30日前完成',
		'2023-12-31',
		'',
		'   ',
		'逐年上升'
	])('%s', (raw) => {
		expect(p(raw)).toEqual([null, null, null]);
	});

	it('marks deadlines as dates and ranges as ranges', () => {
		expect(parseTarget('10月底前').flags).toContain('date');
		expect(parseTarget('14~24℃').flags).toContain('range');
		expect(p('80-90%')).toEqual([null, null, null]);
	});
});

describe('parseTarget: extraction-doubled tokens', () => {
	it('flags ≥5≥5个 and keeps only the first token', () => {
		const t = parseTarget('≥5≥5个');
		expect(t.flags).toContain('doubled');
		expect([t.op, t.value?.toString(), t.unit]).toEqual(['≥', '5', '个']);
	});

	it('flags ≥95≥95%', () => {
		const t = parseTarget('≥95≥95%');
		expect(t.flags).toContain('doubled');
		expect(t.unit).toBe('%');
	});

	it('flags ≤380380 without guessing a value', () => {
		const t = parseTarget('≤380380');
		expect(t.flags).toContain('doubled');
		expect(t.op).toBe('≤');
		expect(t.value).toBeNull();
	});

	it('does not flag ordinary numbers or years', () => {
		expect(parseTarget('≤380').flags).toEqual([]);
		expect(parseTarget('1000 人').flags).toEqual([]);
		expect(parseTarget('2020年').flags).not.toContain('doubled');
		expect(parseTarget('≤1010元').flags).not.toContain('doubled');
		expect(parseTarget('≤1010元').value?.toString()).toBe('1010');
		expect(parseTarget('9090%').flags).toContain('doubled');
		expect(parseTarget('100100').flags).toContain('doubled');
	});

	it('flags several different numbers', () => {
		const t = parseTarget('慰问人数不少于100人,宣传用品不少于20000份');
		expect([t.op, t.value?.toString(), t.unit]).toEqual(['≥', '100', '人']);
		expect(t.flags).toContain('multiple_values');
	});
});

describe('parseTarget: adversarial input returns quickly', () => {
	it.each([
		['very long digits', '9'.repeat(200_000)],
		['long comma digits', '1,'.repeat(50_000)],
		['only symbols', '≥≤<>=%/（）()'.repeat(10_000)],
		['operators and numbers', '≥1'.repeat(50_000)],
		['long prose', '比上年有所提高'.repeat(20_000)],
		['unit soup', '1万元/人/年/人/年'.repeat(5_000)],
		['parens', '1（'.repeat(50_000)]
	])('%s', (_name, raw) => {
		const t = parseTarget(raw);
		expect(t.raw).toBe(raw);
		expect(t.flags).toContain('truncated');
	});

	it('keeps values the snapshot DECIMAL columns cannot hold out of target_value', () => {
		const t = parseTarget('≥' + '1234567890'.repeat(3) + '1人');
		expect(t.value).toBeNull();
		expect(t.flags).toContain('out_of_range');
		expect(parseTarget('123456789012人').value?.toString()).toBe('123456789012');
		expect(parseTarget('≥' + '7'.repeat(30) + '≥' + '7'.repeat(30)).value).toBeNull();
	});

	it('handles control and odd characters', () => {
		expect(p('\u0000\u0001≥')).toEqual([null, null, null]);
		expect(p('≥')).toEqual([null, null, null]);
		expect(p('%')).toEqual([null, null, null]);
	});
});

describe('readUnit', () => {
	it('reads compound and parenthesized units', () => {
		expect(readUnit('万元/人/年 其他').unit).toBe('万元/人/年');
		expect(readUnit('(平方米)').unit).toBe('平方米');
		expect(readUnit('（不是单位的很长的一段文字）').unit).toBeNull();
		expect(readUnit('完成').unit).toBeNull();
	});
});
