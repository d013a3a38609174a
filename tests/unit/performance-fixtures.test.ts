/**
 * The 绩效 recognizers on small hand-written fixtures that reproduce the
 * layouts and the extraction damage seen in real documents (page breaks,
 * continuations, shifted rows, doubled values, duplicated plan blocks).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../src/lib/ingest/context';
import { emptyTables } from '../../src/lib/ingest/model';
import { readText } from '../../src/lib/ingest/reader/text';
import { recognizeIdentity } from '../../src/lib/ingest/recognize/identity';
import {
	recognizeNarrative,
	recognizePerformance
} from '../../src/lib/ingest/recognize/performance';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/ingest/performance');

function run(file: string) {
	const src = readText(file, readFileSync(path.join(DIR, file), 'utf8'));
	const ctx = new ParseContext('fixture', src);
	const identity = recognizeIdentity(ctx);
	const out = emptyTables();
	recognizePerformance(ctx, out, identity);
	recognizeNarrative(ctx, out, { ...identity, fiscal_year: 2024 });
	const accounting = ctx.finish();
	const codes = (code: string) => ctx.issues.filter((i) => i.code === code);
	return { ctx, out, accounting, codes };
}

describe('Hebei-style project tables', () => {
	const { out, accounting, codes, ctx } = run('hebei-projects.txt');
	const [p1, p2] = out.projects;

	it('finds both projects, in order, and not the procurement table', () => {
		expect(out.projects.map((p) => p.project_seq)).toEqual([1, 2]);
		expect(p1?.project_code).toBe('13030024P00AB0000001X');
		expect(p1?.project_name).toBe('示例残疾人康复补助资金');
		expect(p2?.project_code).toBeNull();
		expect(p2?.project_name).toBe('示例无编码项目');
	});

	it('reads the amounts exactly, with wrapped labels', () => {
		expect(p1?.amount?.toFixed(2)).toBe('12.50');
		expect(p1?.fiscal_amount?.toFixed(2)).toBe('12.00');
		expect(p1?.other_amount?.toFixed(2)).toBe('0.50');
		expect(p2?.other_amount).toBeNull();
	});

	it('reads purpose and goals, joining wrapped goal rows', () => {
		expect(p1?.purpose).toBe('用于残疾儿童康复救助');
		expect(p1?.goals).toBe('1. 完成康复救助。\n2. 提高生活质量。');
		// The 绩效目标 label lost after the plan: the text is still the goals.
		expect(p2?.goals).toBe('1. 按时完成。');
	});

	it('pairs the spending plan by column, once, with the late 12月底 period', () => {
		const plan = out.spending_plan.filter((s) => s.project_seq === 1);
		expect(plan.map((s) => [s.period, s.percent?.toString() ?? null])).toEqual([
			['3月底', '25'],
			['6月底', '50'],
			['10月底', '75'],
			['12月底', '100']
		]);
		const plan2 = out.spending_plan.filter((s) => s.project_seq === 2);
		expect(plan2.map((s) => [s.period, s.percent?.toString() ?? null])).toEqual([
			['3月底', null],
			['6月底', '20'],
			['10月底', '40'],
			['12月底', '100']
		]);
	});

	it('fills levels down and shifts a row that lost its first cell', () => {
		const ind = out.indicators.filter((i) => i.project_seq === 1);
		expect(ind.every((i) => i.level1 !== null && i.level2 !== null)).toBe(true);
		const shifted = ind.find((i) => i.name === '辅具适配人均成本');
		expect(shifted).toMatchObject({
			level1: '产出指标',
			level2: '成本指标',
			target_raw: '≤0.2万元/人'
		});
		expect(codes('row_shifted')).toHaveLength(1);
	});

	it('does not append a continuation fragment the row already printed', () => {
		expect(ind(out, '辅具适配人均成本')).toBeDefined();
		expect(codes('continuation_overlap').map((i) => i.source_line)).toEqual([24]);
	});

	it('appends a genuine continuation after a page break', () => {
		const rec = out.indicators.find((i) => i.name === '提升服务');
		expect(rec?.description).toBe('提升基层社会救助经办服务能力');
		expect(rec?.basis).toBe('秦政发【2017】9 号《关于加强基层社会救助的意见》');
		expect(ctx.claimedBy(30)).toBe('indicators');
	});

	it('parses targets and reports doubled values without fixing them', () => {
		expect(ind(out, '救助人数')).toMatchObject({ target_op: '≥', target_unit: '人' });
		expect(ind(out, '救助人数')?.target_value?.toString()).toBe('390');
		expect(ind(out, '人均救助标准')?.target_unit).toBe('万元/人');
		const doubled = codes('doubled_target');
		expect(doubled.map((i) => i.raw?.includes('≥5≥5个') || i.raw?.includes('≤380380'))).toEqual([
			true,
			true
		]);
		expect(ind(out, '补贴单位个数')?.target_raw).toBe('≥5≥5个');
		expect(ind(out, '资金支出金额')?.target_value).toBeNull();
		expect(ind(out, '服务对象满意度')?.target_op).toBe('≤');
	});

	it('gives every indicator a source line holding its name or target', () => {
		for (const i of out.indicators) {
			const text = ctx.line(i.source_line)?.text ?? '';
			expect(text.includes(i.name) || (i.target_raw !== null && text.includes(i.target_raw))).toBe(
				true
			);
		}
	});

	it('accounts for every row: claimed, or reported with its raw text', () => {
		const note = codes('unrecognized_performance_row');
		expect(note.map((i) => i.raw)).toEqual(['备注\t示例备注']);
		// Only the procurement header (not ours) is left to finish().
		expect(codes('unrecognized_row').map((i) => i.source_line)).toEqual([50]);
		expect(accounting.rows_seen).toBe(accounting.rows_stored + accounting.rows_reported);
	});
});

function ind(out: ReturnType<typeof emptyTables>, name: string) {
	return out.indicators.find((i) => i.name === name);
}

describe('Shanghai 财政项目支出绩效目标填报表', () => {
	const { out, accounting, codes } = run('shanghai-form.txt');
	const p = out.projects[0];

	it('reads the key–value block, converting 元 to 万元', () => {
		expect(out.projects).toHaveLength(1);
		expect(p).toMatchObject({
			project_name: '示例社区服务中心',
			project_nature: '阶段性项目',
			project_category: '特定目标类',
			managing_department: '示例街道办事处',
			implementing_unit: '示例街道办事处',
			start_date: '2023-01-01',
			end_date: '2023-12-31',
			project_code: null
		});
		expect(p?.amount?.toFixed(4)).toBe('410.0000');
		expect(p?.fiscal_amount?.toFixed(4)).toBe('410.0000');
		expect(p?.other_amount?.toFixed(4)).toBe('0.0000');
	});

	it('reports a 当年财政拨款 that disagrees with 财政资金', () => {
		expect(codes('project_amount_mismatch').map((i) => i.severity)).toEqual(['warning']);
	});

	it('keeps both goal texts, unwrapping CJK line breaks', () => {
		expect(p?.goals).toBe('项目总目标：建成社区服务中心。\n年度总体目标：完成主体工程。');
	});

	it('maps indicator columns from the header and fills levels down', () => {
		expect(out.indicators.map((i) => [i.level1, i.level2, i.name, i.target_op])).toEqual([
			['产出指标', '数量指标', '规划建筑面积', '≥'],
			['产出指标', '数量指标', '活动场次', '='],
			['产出指标', '质量指标', '居民参与率', '≥'],
			['满意度指标', '服务对象满意度指标', '居民满意度', null]
		]);
		expect(out.indicators[0]?.target_value?.toFixed(2)).toBe('13459.00');
		expect(out.indicators[0]?.target_unit).toBe('平方米');
		expect(out.indicators[3]?.target_unit).toBe('度');
	});

	it('attaches the narrative quarterly plan to the project after it', () => {
		expect(out.spending_plan.map((s) => [s.project_seq, s.period, s.amount?.toFixed(2)])).toEqual([
			[1, '第一季度', '100.00'],
			[1, '第二季度', '150.00'],
			[1, '第三季度', '100.00'],
			[1, '第四季度', '60.00']
		]);
		expect(out.spending_plan.every((s) => s.percent === null)).toBe(true);
		expect(codes('plan_sum_mismatch')).toHaveLength(0);
	});

	it('claims every row', () => {
		expect(accounting.rows_reported).toBe(0);
		expect(accounting.rows_stored).toBe(accounting.rows_seen);
	});
});

describe('department-level 整体绩效目标', () => {
	it('reads explicit 绩效指标 lines and the figures listed after them', () => {
		const { out, codes } = run('department-explicit.txt');
		const dept = out.indicators.filter((i) => i.project_seq === null);
		expect(dept.map((i) => [i.seq, i.level1, i.level2, i.name, i.target_raw])).toEqual([
			[1, '分项绩效目标', '残疾人管理服务工作', '全区残疾人管理服务工作完成率', '100%'],
			[2, '分项绩效目标', '残疾人管理服务工作', '残疾人服务满意率', '≥95%'],
			[3, '分项绩效目标', '残疾人管理服务工作', '提供康复服务人数', '23 人']
		]);
		expect(dept[0]?.description).toBe('维护残疾人权益，为残疾人服务；');
		expect(dept[1]?.target_op).toBe('≥');
		expect(dept[2]?.target_unit).toBe('人');
		expect(codes('department_indicator_unread').map((i) => i.source_line)).toEqual([25]);
	});

	it('falls back to rates stated in the prose, and stops at the section end', () => {
		const { out } = run('department-prose.txt');
		expect(
			out.indicators.map((i) => [i.level1, i.level2, i.name, i.target_raw, i.target_op])
		).toEqual([
			['分项绩效目标', '扎实抓好优抚工作', '服务对象满意度', '达到95%以上', '≥'],
			['分项绩效目标', '做好信访工作', '确保信访事项按时答复率', '95%以上', '≥']
		]);
	});
});

describe('narrative 三公 figures', () => {
	const { out, codes } = run('narrative-three-public.txt');
	const figure = (year: number, category: string) =>
		out.three_public.find((r) => r.fiscal_year === year && r.category === category);

	it('reads the prior year stated only in the text', () => {
		expect(figure(2023, 'total')?.amount?.toFixed(2)).toBe('6.02');
		expect(figure(2023, 'vehicle_operation')?.amount?.toFixed(2)).toBe('4.52');
		expect(figure(2023, 'reception')?.amount?.toFixed(2)).toBe('1.50');
		expect(figure(2023, 'outbound_travel')?.amount?.toFixed(2)).toBe('0.00');
		expect(figure(2023, 'vehicle_total')).toBeUndefined();
		expect(out.three_public.every((r) => r.source === 'narrative' && r.measure === 'budget')).toBe(
			true
		);
		expect(figure(2023, 'total')?.source_line).toBe(3);
	});

	it('never turns a change (比2023年…增加25万元, 减少0.62万元) into a figure', () => {
		const amounts = out.three_public.map((r) => r.amount?.toFixed(2));
		expect(amounts).not.toContain('25.00');
		expect(amounts).not.toContain('0.62');
		expect(amounts).not.toContain('0.42');
	});

	it('reads the current year, vehicle_total only where stated, and flags conflicts', () => {
		expect(figure(2024, 'total')?.amount?.toFixed(2)).toBe('5.40');
		expect(figure(2024, 'vehicle_total')?.amount?.toFixed(2)).toBe('28.80');
		expect(figure(2024, 'reception')?.amount?.toFixed(2)).toBe('1.30');
		const conflicts = codes('narrative_conflict');
		expect(conflicts.length).toBeGreaterThanOrEqual(3);
		expect(conflicts.every((c) => c.severity === 'warning')).toBe(true);
	});

	it('reads 机关运行经费 and 会议费 as related_expenses, with thousands separators', () => {
		expect(
			out.related_expenses.map((r) => [r.fiscal_year, r.category, r.amount?.toFixed(2), r.source])
		).toEqual([
			[2024, 'admin_operation', '1120.50', 'narrative'],
			[2024, 'meeting', '12.50', 'narrative']
		]);
	});

	it('joins a figure split by a page number but ignores shares and unlabelled table text', () => {
		expect(codes('narrative_conflict').some((c) => c.message.includes('222.5'))).toBe(true);
		expect(out.three_public.map((r) => r.amount?.toString())).not.toContain('8.75');
		expect(out.three_public.map((r) => r.amount?.toString())).not.toContain('183.6');
	});
});
