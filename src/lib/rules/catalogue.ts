/**
 * The rule catalogue of the outlier engine: every rule that can raise a
 * 异常指标 flag, with its id, family, severity, Chinese title and a one-line
 * explanation. Single-document rules (TypeScript, ingest time) and peer rules
 * (SQL over whatever is loaded) share this one list; docs/rules.md documents
 * each entry with an example from real data. Pure TypeScript.
 */
import type { Severity } from '../ingest/model';

export type RuleFamily = 'target' | 'unit' | 'sum' | 'text' | 'peer' | 'boilerplate';

/** Where a rule runs: 'document' at ingest time, 'peer' as SQL over loaded data. */
export type RuleScope = 'document' | 'peer';

export interface RuleDef {
	id: string;
	family: RuleFamily;
	scope: RuleScope;
	severity: Severity;
	/** 中文标题 */
	title: string;
	/** 中文说明：规则检查什么、为什么值得核实 */
	explanation: string;
}

export const FAMILY_TITLES: Record<RuleFamily, string> = {
	target: '目标值格式异常',
	unit: '计量单位不匹配',
	sum: '数字不平衡',
	text: '文字与表格矛盾',
	peer: '同类比较离群',
	boilerplate: '套话与错填'
};

const doc = (
	id: string,
	family: RuleFamily,
	severity: Severity,
	title: string,
	explanation: string
): RuleDef => ({ id, family, scope: 'document', severity, title, explanation });

const peer = (id: string, severity: Severity, title: string, explanation: string): RuleDef => ({
	id,
	family: 'peer',
	scope: 'peer',
	severity,
	title,
	explanation
});

export const RULES: readonly RuleDef[] = [
	doc(
		'rate_over_100',
		'target',
		'error',
		'比率超过100%',
		'以百分比表示的指标目标值超过 100%，比率不可能超过全部。'
	),
	doc(
		'doubled_target',
		'target',
		'error',
		'目标值重复',
		'指标值中同一数字或符号连续出现两次（如“≥5≥5个”“≤380380”），多为填报或提取时重复，真实目标无法确定。'
	),
	doc(
		'rate_without_unit',
		'target',
		'warning',
		'比率缺少百分号',
		'名称为“…率”的指标目标值是裸数字，读者无法判断是百分比还是其他数量。'
	),
	doc(
		'quantity_without_number',
		'target',
		'warning',
		'数量/成本指标无数值',
		'数量指标或成本指标的目标值不含数字，无法考核。'
	),
	doc(
		'wrong_direction',
		'target',
		'error',
		'目标方向错误',
		'满意度、覆盖率、及时率等越高越好的指标被设定为上限（≤、<），方向反了。'
	),
	doc(
		'below_floor',
		'target',
		'warning',
		'目标低于常见下限',
		'满意度目标低于 80%、及时率或覆盖率低于 60%，低于通常的考核下限。'
	),
	doc(
		'vague_targets',
		'target',
		'info',
		'模糊目标（按项目计）',
		'项目中不可衡量的目标（“有效保障”“比上年有所提高”“按实际发生”等）的个数。'
	),
	doc(
		'cost_unit_headcount',
		'unit',
		'error',
		'成本指标以人数计量',
		'成本指标的单位是“人”“户”“家”等计数单位而不是金额，数值无法理解为成本。'
	),
	doc(
		'rate_unit_headcount',
		'unit',
		'error',
		'比率指标以人数计量',
		'覆盖率、合格率等比率指标的单位是“人”“户”等计数单位。'
	),
	doc(
		'household_in_people',
		'unit',
		'warning',
		'户数以人计',
		'名称为“户数”的指标以“人”计量（或“人数”以“户”计量）。'
	),
	doc(
		'per_capita_without_per_unit',
		'unit',
		'warning',
		'人均成本缺少“/人”',
		'名称写明人均、户均或补助标准的成本指标，单位只有金额（元、万元），缺少“/人”“/户”。'
	),
	doc(
		'classified_rounding',
		'sum',
		'info',
		'分类合计尾差',
		'分类表中上级科目与下级科目之和相差不超过 0.01 万元，属四舍五入尾差。'
	),
	doc(
		'classified_gap',
		'sum',
		'error',
		'分类合计不符',
		'分类表中上级科目（或合计行）与下级科目之和相差超过 0.01 万元。'
	),
	doc(
		'summary_unbalanced',
		'sum',
		'error',
		'收支总表不平衡',
		'收支总表的收入总计与支出总计不等，或本年合计加结转不等于总计。'
	),
	doc(
		'summary_total_mismatch',
		'sum',
		'error',
		'收支总表合计行不符',
		'收支总表一侧各项之和与“本年收入（支出）合计”不等。'
	),
	doc(
		'projects_vs_project_spending',
		'sum',
		'warning',
		'项目金额与项目支出不符',
		'绩效目标表中各项目预算数之和与支出总表的项目支出合计不等（含 0.01 的尾差）。'
	),
	doc(
		'three_public_parts',
		'sum',
		'error',
		'三公经费分项与合计不符',
		'因公出国（境）费、公务用车购置及运行费、公务接待费之和不等于三公经费合计，或车辆购置与运行之和不等于公务用车小计。'
	),
	doc(
		'three_public_narrative',
		'text',
		'error',
		'三公经费表与说明不符',
		'情况说明中的三公经费数字与三公经费表不一致。'
	),
	doc(
		'three_public_empty_note',
		'text',
		'warning',
		'三公表有数却注明为空',
		'三公经费表有非零金额，但表下说明称本部门没有三公经费（或该表为空表）。'
	),
	doc(
		'cost_cap_vs_amount',
		'sum',
		'warning',
		'成本上限与项目金额不符',
		'以万元计的总成本指标远高于项目自身预算数（超过 1.5 倍），或远低于预算数（不足一半）。'
	),
	doc(
		'per_capita_times_count',
		'sum',
		'warning',
		'人均成本×人数超出项目金额',
		'声明的人均成本乘以受益人数，超过项目预算数的 1.2 倍。'
	),
	doc(
		'implausible_scale',
		'sum',
		'error',
		'金额量级不可信',
		'以万元标示的金额比部门全年支出还大 50 倍以上，很可能是以元填报却标为万元。'
	),
	doc(
		'text_amount_mismatch',
		'text',
		'warning',
		'文字中的预算数与表不符',
		'项目用途或目标文字写明的金额（“预算数 X 万元”，或与预算数同一量级的金额）与该项目表中的预算数不一致；相差不超过 0.01 万元时为四舍五入（提示）。'
	),
	doc(
		'text_satisfaction_mismatch',
		'text',
		'warning',
		'文字承诺的满意度与指标不符',
		'绩效目标文字承诺的满意度（如“达到95%以上”）高于表中满意度指标的目标值。'
	),
	doc(
		'text_target_mismatch',
		'text',
		'warning',
		'部门目标与项目指标不符',
		'部门整体绩效目标中对某项比率（到位率、覆盖率、及时率等）的承诺，高于对应项目同名指标的目标值。'
	),
	doc(
		'text_count_mismatch',
		'text',
		'info',
		'文字中的人数与指标不符',
		'项目目标文字写明的受益人数与该项目数量指标的人数都不相同。'
	),
	doc(
		'misfiled_indicator',
		'boilerplate',
		'warning',
		'指标归类错误',
		'指标放错了二级指标：金额目标放在时效或数量指标下，日期目标放在成本或数量指标下。'
	),
	doc(
		'identical_indicator_sets',
		'boilerplate',
		'info',
		'多个项目指标完全相同',
		'两个以上项目的绩效指标（名称与目标值）完全相同，可能照抄。'
	),
	doc(
		'copied_text',
		'boilerplate',
		'info',
		'项目说明照抄',
		'项目的用途或目标文字提到的是另一个项目的名称，可能从其他项目复制而来。'
	),
	peer(
		'peer_per_capita_outlier',
		'warning',
		'人均成本偏离同类',
		'同类人均成本（按规范化名称与单位分组，跨部门跨年度）与组中位数相差超过 3.5 个稳健标准差（MAD×1.4826），或偏离中位数 5 倍以上。'
	),
	peer(
		'peer_target_conflict',
		'info',
		'同一指标目标不同',
		'同一部门同一年度的两个项目使用同名同单位的指标，却设定了不同的目标值。'
	),
	peer(
		'peer_three_public_jump',
		'warning',
		'三公经费同比大幅变动',
		'同一部门三公经费合计（预算数）比上一年度变动超过 50% 且超过 5 万元。'
	),
	peer(
		'peer_share_jump',
		'info',
		'支出结构同比突变',
		'同一部门某功能分类（类）占支出合计的比重比上一年度变动超过 10 个百分点。'
	)
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): RuleDef {
	const r = BY_ID.get(id);
	if (!r) throw new Error(`unknown rule id: ${id}`);
	return r;
}

export const PEER_RULE_IDS: readonly string[] = RULES.filter((r) => r.scope === 'peer').map(
	(r) => r.id
);
