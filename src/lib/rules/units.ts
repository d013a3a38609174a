/**
 * Incoherent units (family 'unit') and misfiled indicators (family
 * 'boilerplate'): a cost counted in 人/户, a rate counted in 人, 户数 in 人,
 * a per-capita cost without its per-unit, money under 时效/数量指标 and
 * deadlines under 成本/数量指标.
 */
import {
	cleanUnit,
	isCostIndicator,
	isCountUnit,
	isDateTarget,
	isMoneyUnit,
	isPerUnitMoney,
	isPlaceholder,
	isQuantityIndicator,
	isTimeIndicator,
	saysPerCapita
} from './classify';
import { indicatorEvidence, indicatorLabel, type RuleInput } from './context';

export function unitRules(input: RuleInput): void {
	const { sink } = input;
	for (const i of input.doc.tables.indicators) {
		if (isPlaceholder(i.name)) continue;
		const where = {
			project_code: i.project_code,
			table_name: 'indicators',
			source_line: i.source_line
		};
		const label = indicatorLabel(input, i);
		const ev = indicatorEvidence(i);
		const unit = cleanUnit(i.target_unit);
		const v = i.target_value;
		if (isCostIndicator(i) && v !== null && isCountUnit(i.target_unit)) {
			sink.add('cost_unit_headcount', {
				...where,
				message: `${label}是成本指标，目标值“${i.target_raw}”的单位却是“${unit}”而不是金额。`,
				evidence: ev
			});
		} else if (
			i.name.endsWith('率') &&
			v !== null &&
			isCountUnit(i.target_unit) &&
			!isQuantityIndicator(i)
		) {
			sink.add('rate_unit_headcount', {
				...where,
				message: `${label}是比率指标，目标值“${i.target_raw}”却以“${unit}”计量。`,
				evidence: ev
			});
		}
		if (
			v !== null &&
			((i.name.includes('户数') && unit === '人') || (i.name.includes('人数') && unit === '户'))
		) {
			sink.add('household_in_people', {
				...where,
				message: `${label}按名称应以“${unit === '人' ? '户' : '人'}”计，目标值“${i.target_raw}”却以“${unit}”计。`,
				evidence: ev
			});
		}
		if (
			isCostIndicator(i) &&
			v !== null &&
			isMoneyUnit(i.target_unit) &&
			!isPerUnitMoney(i.target_unit) &&
			(saysPerCapita(i) || i.name.includes('标准'))
		) {
			sink.add('per_capita_without_per_unit', {
				...where,
				message: `${label}是人均（标准）成本，目标值“${i.target_raw}”的单位却只有“${unit}”，缺少“/人”或“/户”。`,
				evidence: ev
			});
		}
		misfiled(input, i, where, label, ev);
	}
}

function misfiled(
	input: RuleInput,
	i: Parameters<typeof indicatorEvidence>[0],
	where: { project_code: string | null; table_name: string; source_line: number },
	label: string,
	ev: Record<string, unknown>
): void {
	const money = i.target_value !== null && isMoneyUnit(i.target_unit);
	if (money && (isTimeIndicator(i) || isQuantityIndicator(i))) {
		input.sink.add('misfiled_indicator', {
			...where,
			message: `${label}的目标值“${i.target_raw}”是金额，应放在成本指标下。`,
			evidence: { ...ev, expected_level2: '成本指标' }
		});
	} else if (
		isDateTarget(i.target_raw) &&
		(isCostIndicator(i) || isQuantityIndicator(i)) &&
		!money
	) {
		input.sink.add('misfiled_indicator', {
			...where,
			message: `${label}的目标值“${i.target_raw}”是时限，应放在时效指标下。`,
			evidence: { ...ev, expected_level2: '时效指标' }
		});
	}
}
