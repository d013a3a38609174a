/**
 * The 项目绩效目标表 of a synthetic Hebei document: one table per project
 * (项目编码/名称, 预算数, 资金支出计划, 绩效目标, indicator rows in the
 * corpus' patterns). Injected anomalies (wrong-direction satisfaction
 * target, cost indicator in 人, doubled target tokens, per-capita cost far
 * from its peers) are recorded in the ground truth at their line.
 */
import type { Ctx, Injections } from './hebei';
import type { ProjectPlan } from './plan';
import { money } from './text-builder';

/** Indicator patterns of the corpus' 绩效目标表 (name, unit / description, target). */
const QUANTITY: [string, string][] = [
	['补助发放人数', '人'],
	['伤残军人优抚人数', '人'],
	['救助人数', '人'],
	['培训场次', '次'],
	['慰问活动次数', '次'],
	['覆盖社区数量', '个']
];
const QUALITY: [string, string, string][] = [
	['补助资金发放覆盖率', '发放覆盖率', '100%'],
	['审核准确率', '按需申请，审核准确率保障率', '≥98%'],
	['资金使用合规率', '资金使用合规', '100%'],
	['残疾人日常工作保障率', '残疾人日常工作得到保障', '100%']
];
const TIMELINESS: [string, string, string][] = [
	['发放时限', '及时足额发放到位', '每月月底前发放'],
	['项目完成时限', '项目完成时间', '10月底前'],
	['完成工作时间', '完成工作时间', '12月底前']
];
const EFFECT: [string, string, string][] = [
	['社会效益指标', '维护社会稳定', '有效保障'],
	['可持续影响指标', '政策持续发挥作用', '长期'],
	['社会效益指标', '服务对象生活质量', '逐年提升']
];
const SATISFACTION = ['服务对象满意度', '受益群众满意度', '残疾人服务对象满意度'];

/** The per-capita indicator shared by every department: peers can compare it. */
export const PER_CAPITA_NAME = '伤残人员抚恤金人均成本';

export function projectTables(c: Ctx, projects: ProjectPlan[], inj: Injections): void {
	c.b.line('七、部门项目预算安排情况及绩效目标');
	c.b.line();
	// Each injected anomaly goes into one project chosen here.
	const at = (on: boolean) => (on && projects.length > 0 ? c.prng.int(0, projects.length - 1) : -1);
	const wrong = at(inj.wrongDirection);
	const people = at(inj.costInPeople);
	const doubled = at(inj.doubledTarget);
	const outlier = at(inj.perCapitaOutlier);
	// One satisfaction standard per document, like a department's own.
	const sValue = c.prng.pick(['90%', '95%']);
	projects.forEach((p, i) => {
		const title = `${i + 1}、${p.name}绩效目标表`;
		c.b.line(title);
		c.b.line();
		c.b.line('单位：万元');
		c.b.line();
		const amount = money(p.amount);
		c.b.row(['项目编码', p.code, '', '项目名称', p.name, '', '']);
		const amountLine = c.b.row([
			'预算规模及资金用途',
			'预算数',
			amount,
			'其中：财政资金',
			amount,
			'其他资金',
			''
		]);
		for (const column of ['amount', 'fiscal_amount'])
			c.truth.push({
				kind: 'figure',
				doc: c.doc,
				table: 'projects',
				key: p.code,
				column,
				value: amount,
				line: amountLine
			});
		c.b.row(['', `保障${p.name}按时足额发放`, '', '', '', '', '']);
		c.b.row(['资金支出计划（%）', '3月底', '', '6月底', '', '10月底', '']);
		c.b.row(['', '25%', '', '50%', '', '100%', '']);
		c.b.row(['绩效目标', `1. 保障${p.people}名服务对象的补助及时发放。`, '', '', '', '', '']);
		c.b.row(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '']);
		const perCapita = outlier === i ? p.perCapita * 20 : p.perCapita;
		const [qName, qUnit] = c.prng.pick(QUANTITY);
		const n = qUnit === '人' ? p.people : Math.max(1, Math.floor(p.people / 20));
		const [lName, lDesc, lTarget] = c.prng.pick(QUALITY);
		const [tName, tDesc, tTarget] = c.prng.pick(TIMELINESS);
		const [eKind, eName, eTarget] = c.prng.pick(EFFECT);
		const sName = c.prng.pick(SATISFACTION);
		const rows: [string, string, string, string, string, string, string | null][] = [
			[
				'产出指标',
				'数量指标',
				qName,
				qName,
				doubled === i ? `≥${n}≥${n}${qUnit}` : `${n}${qUnit}`,
				'工作计划',
				doubled === i ? 'doubled_target' : null
			],
			['', '质量指标', lName, lDesc, lTarget, '文件要求', null],
			['', '时效指标', tName, tDesc, tTarget, '文件要求', null],
			[
				'',
				'成本指标',
				PER_CAPITA_NAME,
				PER_CAPITA_NAME,
				`≤${money(perCapita)}万元/人`,
				'文件要求、工作计划',
				outlier === i ? 'peer_per_capita_outlier' : null
			],
			[
				'',
				'成本指标',
				'资金完成数量',
				'资金完成数量',
				people === i ? `${p.people}人` : `≤${amount}万元`,
				'上级专款文件要求',
				people === i ? 'cost_unit_headcount' : null
			],
			['效益指标', eKind, eName, eName, eTarget, '工作计划', null],
			[
				'满意度指标',
				'服务对象满意度指标',
				sName,
				sName,
				wrong === i ? `≤${sValue}` : `≥${sValue}`,
				'满意度调查问卷',
				wrong === i ? 'wrong_direction' : null
			]
		];
		for (const [l1, l2, name, desc, target, basis, anomaly] of rows) {
			const line = c.b.row([l1, l2, name, desc, target, basis]);
			c.truth.push({
				kind: 'figure',
				doc: c.doc,
				table: 'indicators',
				key: `${p.code}|${name}`,
				column: 'target_raw',
				value: target,
				line
			});
			if (anomaly)
				c.truth.push({
					kind: 'anomaly',
					doc: c.doc,
					rule: anomaly,
					table: 'indicators',
					line,
					note: `${name}: ${target}`
				});
		}
		c.b.line();
	});
}
