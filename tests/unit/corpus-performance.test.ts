/**
 * 绩效 content of the real corpus (../shared/corpus/text), with figures read
 * by hand from the documents: project tables, spending plans, indicators,
 * department-level indicators and narrative 三公 figures.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/lib/ingest/amount';
import type { ParsedDocument } from '../../src/lib/ingest/model';
import { parseCorpus } from './corpus';

const parse = parseCorpus;

const HEBEI = '003_c74cb92536c64254.txt';
const HEBEI_PERF = '000_afc2415f3e911a99.txt';
const WANLI_2023 = 'shpt_wanli_jiedao_2023_bumen_yusuan.txt';

const sumAmounts = (d: ParsedDocument) =>
	d.tables.projects.reduce((s, p) => s.plus(p.amount ?? 0), new Decimal(0));
const lineText = (d: ParsedDocument, no: number) => d.lines[no - 1]?.text ?? '';

describe('003 (Hebei, full disclosure): 53 project 绩效目标表', () => {
	const d = parse(HEBEI);

	it('finds 53 projects in document order with their 项目编码', () => {
		expect(d.tables.projects).toHaveLength(53);
		expect(d.tables.projects.map((p) => p.project_seq)).toEqual(
			Array.from({ length: 53 }, (_, i) => i + 1)
		);
		expect(d.tables.projects[0]?.project_code).toBe('13031123P00AN9710383M');
		expect(d.tables.projects.every((p) => /^1303112[34]P/.test(p.project_code ?? ''))).toBe(true);
		expect(d.tables.projects[16]?.project_name).toBe('北医三院人员工资和保险费用');
	});

	it('reads amounts exactly (spot checks)', () => {
		const amount = (seq: number) => d.tables.projects[seq - 1]?.amount?.toFixed(2);
		expect(amount(1)).toBe('23.31');
		expect(amount(7)).toBe('320.00');
		expect(amount(17)).toBe('528.00');
		expect(amount(48)).toBe('102.34');
		expect(amount(53)).toBe('21.17');
		expect(d.tables.projects[0]?.fiscal_amount?.toFixed(2)).toBe('23.31');
		expect(d.tables.projects[0]?.other_amount).toBeNull();
	});

	it('project budgets sum to 2467.26, 0.01 more than the 项目支出 the document states', () => {
		expect(sumAmounts(d).toFixed(2)).toBe('2467.26');
		const stated = /项目支出(\d+\.\d+)万元/.exec(d.lines.map((l) => l.text).join('\n'));
		expect(stated?.[1]).toBe('2467.25');
		expect(
			sumAmounts(d)
				.minus(stated?.[1] ?? '0')
				.toFixed(2)
		).toBe('0.01');
	});

	it('reads the 资金支出计划 percents, including the late 12月底 column', () => {
		const plan = (seq: number) =>
			d.tables.spending_plan
				.filter((s) => s.project_seq === seq)
				.map((s) => `${s.period}=${s.percent?.toString() ?? ''}`);
		expect(plan(1)).toEqual(['3月底=10', '6月底=20', '10月底=30']);
		expect(plan(2)).toEqual(['3月底=20', '6月底=40', '10月底=60', '12月底=100']);
		// Printed twice (lines 1259–1262): stored once.
		expect(plan(7)).toEqual(['3月底=25', '6月底=50', '10月底=75']);
		expect(plan(13)).toEqual(['3月底=25', '6月底=50', '10月底=75', '12月底=100']);
	});

	it('has ≤0.71万元/人 cost indicators parsed as ≤, 0.71, 万元/人', () => {
		const hits = d.tables.indicators.filter((i) => i.target_raw === '≤0.71万元/人');
		expect(hits.length).toBeGreaterThanOrEqual(3);
		for (const h of hits) {
			expect([h.target_op, h.target_value?.toFixed(2), h.target_unit]).toEqual([
				'≤',
				'0.71',
				'万元/人'
			]);
			expect(h.level2).toBe('成本指标');
		}
	});

	it('keeps the satisfaction target written as ≤90%', () => {
		const hit = d.tables.indicators.find(
			(i) => i.level1 === '满意度指标' && i.target_raw === '≤90%'
		);
		expect(hit).toMatchObject({ project_seq: 27, name: '退休军转干部满意度', target_op: '≤' });
		expect(hit?.target_value?.toString()).toBe('90');
	});

	it('keeps cost indicators whose unit is a head count (1200 人)', () => {
		const hit = d.tables.indicators.find((i) => i.target_raw === '1200 人');
		expect(hit).toMatchObject({ level2: '成本指标', name: '儿童辅具补助标准', target_unit: '人' });
		expect(hit?.target_value?.toString()).toBe('1200');
		expect(hit?.project_seq).toBe(6);
	});

	it('keeps the doubled ≥5≥5个 and ≤380380 as raw text with a doubled_target issue', () => {
		for (const raw of ['≥5≥5个', '≤380380', '≥95≥95%']) {
			const hit = d.tables.indicators.find((i) => i.target_raw === raw);
			expect(hit?.project_seq).toBe(48);
			const issue = d.issues.find(
				(i) => i.code === 'doubled_target' && i.source_line === hit?.source_line
			);
			expect(issue?.raw).toContain(raw);
		}
		expect(d.tables.indicators.find((i) => i.target_raw === '≤380380')?.target_value).toBeNull();
	});

	it('repairs the shifted row and skips the duplicated continuation fragment (project 4)', () => {
		const p4 = d.tables.indicators.filter((i) => i.project_seq === 4);
		expect(p4).toHaveLength(12);
		const shifted = p4.find((i) => i.source_line === 1183);
		expect(shifted).toMatchObject({
			level1: '产出指标',
			level2: '成本指标',
			name: '60周岁以上农村籍退役士兵生活补助人均成本',
			target_raw: '≤0.07万元/人'
		});
		const contd = d.tables.indicators.find((i) => i.source_line === 1630);
		expect(contd?.name).toBe('提升基层社会救助经办服务能力');
	});

	it('reads the department-level 绩效指标 lines of 部门整体绩效目标', () => {
		const dept = d.tables.indicators.filter((i) => i.project_seq === null);
		expect(dept).toHaveLength(34);
		expect(dept[0]).toMatchObject({
			seq: 1,
			level1: '分项绩效目标',
			level2: '残疾人管理服务工作',
			name: '全区残疾人管理服务工作完成率',
			target_raw: '100%',
			source_line: 940
		});
		expect(dept.find((i) => i.name === '提供康复服务人数')?.target_value?.toString()).toBe('23');
		expect(dept.filter((i) => i.target_raw === '100%')).toHaveLength(27);
	});

	it('reads the prior-year 三公 stated only in the narrative', () => {
		const n = (year: number, category: string) =>
			d.tables.three_public.find(
				(r) => r.source === 'narrative' && r.fiscal_year === year && r.category === category
			);
		expect(n(2023, 'total')?.amount?.toFixed(2)).toBe('9.97');
		expect(n(2023, 'vehicle_operation')?.amount?.toFixed(2)).toBe('8.24');
		expect(n(2023, 'reception')?.amount?.toFixed(2)).toBe('1.73');
		expect(n(2023, 'outbound_travel')?.amount?.toFixed(2)).toBe('0.00');
		expect(n(2023, 'vehicle_purchase')?.amount?.toFixed(2)).toBe('0.00');
		expect(n(2023, 'vehicle_total')).toBeUndefined();
		expect(n(2023, 'total')?.measure).toBe('budget');
		expect(lineText(d, n(2023, 'total')?.source_line ?? 0)).toContain('2023年三公经费为9.97万元');
		// The current year as the narrative states it, for comparison with the table.
		expect(n(2024, 'total')?.amount?.toFixed(2)).toBe('9.74');
		expect(n(2024, 'vehicle_operation')?.amount?.toFixed(2)).toBe('8.04');
	});
});

describe('000 (Hebei, 绩效文本 only): 13 projects', () => {
	const d = parse(HEBEI_PERF);

	it('finds 13 projects summing to 445.97', () => {
		expect(d.tables.projects).toHaveLength(13);
		expect(d.tables.projects[6]).toMatchObject({
			project_code: '13081124P00015910002C',
			project_name: '退役士兵一次性经济补助'
		});
		expect(d.tables.projects[6]?.amount?.toFixed(2)).toBe('210.00');
		expect(sumAmounts(d).toFixed(2)).toBe('445.97');
	});

	it('reads ≥390 人 and joins wrapped names', () => {
		const hit = d.tables.indicators.find((i) => i.target_raw === '≥390 人');
		expect([hit?.target_op, hit?.target_value?.toString(), hit?.target_unit]).toEqual([
			'≥',
			'390',
			'人'
		]);
		expect(d.tables.indicators.some((i) => i.name === '困难退役军人中接受资助的人数覆盖率')).toBe(
			true
		);
		// `│社会效益指 │ …` continued by `│标 │ …` after the page break.
		expect(d.tables.indicators.find((i) => i.source_line === 389)?.level2).toBe('社会效益指标');
	});

	it('reads the department-level rates stated in its 分项绩效目标 prose', () => {
		const dept = d.tables.indicators.filter((i) => i.project_seq === null);
		expect(dept).toHaveLength(12);
		expect(dept[0]).toMatchObject({
			level1: '分项绩效目标',
			level2: '扎实抓好双拥、优抚优待和褒扬纪念工作',
			name: '服务对象满意度',
			target_raw: '达到95%以上',
			target_op: '≥',
			target_unit: '%'
		});
	});

	it('has no 三公 figures (the document states none)', () => {
		expect(d.tables.three_public).toHaveLength(0);
	});
});

describe('万里街道 2023 (Shanghai): 5 财政项目支出绩效目标填报表', () => {
	const d = parse(WANLI_2023);

	it('reads 5 projects with amounts converted from 元', () => {
		expect(d.tables.projects.map((p) => p.amount?.toFixed(4))).toEqual([
			'410.0000',
			'635.1000',
			'456.3800',
			'759.5500',
			'1090.3043'
		]);
		expect(sumAmounts(d).toFixed(4)).toBe('3351.3343');
		expect(d.tables.projects[0]).toMatchObject({
			project_name: '新建万里街道社区公共服务中心',
			project_nature: '阶段性项目',
			project_category: '特定目标类',
			managing_department: '上海市普陀区人民政府万里街道办事处',
			start_date: '2023-01-01',
			end_date: '2023-12-31'
		});
	});

	it('flags the 当年财政拨款 (11,419,043) that disagrees with 财政资金 (10,903,043)', () => {
		const issue = d.issues.find((i) => i.code === 'project_amount_mismatch');
		expect(issue?.source_line).toBe(698);
		expect(issue?.severity).toBe('warning');
	});

	it('attaches the quarterly 用款计划 to the project whose table follows it', () => {
		expect(
			d.tables.spending_plan.map((s) => [s.project_seq, s.period, s.amount?.toFixed(2)])
		).toEqual([
			[1, '第一季度', '25.88'],
			[1, '第二季度', '180.74'],
			[1, '第三季度', '186.60'],
			[1, '第四季度', '16.78']
		]);
	});

	it('reads the Shanghai target formats', () => {
		const t = (raw: string) => d.tables.indicators.find((i) => i.target_raw === raw);
		expect(t('≥13459.00(平方米)')?.target_unit).toBe('平方米');
		expect(t('=100.00(%)')?.target_op).toBe('=');
		expect(t('>6.00(次)')?.target_value?.toString()).toBe('6');
		expect(t('90.00(度)')?.target_op).toBeNull();
		expect(d.tables.indicators.filter((i) => i.project_seq === 4)).toHaveLength(43);
	});
});
