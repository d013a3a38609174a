/**
 * Malformed targets (family 'target'): rates above 100%, doubled tokens,
 * rates without a percent sign, 数量/成本 indicators without a number,
 * higher-is-better indicators capped from above or set below common floors,
 * and vague targets counted per project.
 */
import Decimal from 'decimal.js';
import type { IndicatorRecord } from '../ingest/model';
import { parseTarget } from '../ingest/normalize/target';
import {
	isCostIndicator,
	isHighIsGoodRate,
	isPercent,
	isPlaceholder,
	isQuantityIndicator,
	isSatisfaction,
	isVagueTarget
} from './classify';
import { indicatorEvidence, indicatorLabel, type RuleInput } from './context';

const HUNDRED = new Decimal(100);

function isDoubled(i: IndicatorRecord): boolean {
	return i.target_raw !== null && parseTarget(i.target_raw).flags.includes('doubled');
}

export function targetRules(input: RuleInput): void {
	const { sink } = input;
	for (const i of input.doc.tables.indicators) {
		if (isPlaceholder(i.name) && isPlaceholder(i.target_raw)) continue;
		const where = {
			project_code: i.project_code,
			table_name: 'indicators',
			source_line: i.source_line
		};
		const label = indicatorLabel(input, i);
		const ev = indicatorEvidence(i);
		const doubled = isDoubled(i);
		if (doubled) {
			sink.add('doubled_target', {
				...where,
				message: `${label}的目标值“${i.target_raw}”中数字重复出现，真实目标无法确定。`,
				evidence: ev
			});
		}
		const v = i.target_value;
		if (v !== null && isPercent(i.target_unit) && v.gt(HUNDRED) && !doubled) {
			sink.add('rate_over_100', {
				...where,
				message: `${label}的目标值为 ${v.toString()}%，比率不可能超过 100%。`,
				evidence: { ...ev, limit: '100' }
			});
		}
		if (
			v !== null &&
			!doubled &&
			i.name.endsWith('率') &&
			(i.target_unit === null || i.target_unit.trim() === '')
		) {
			sink.add('rate_without_unit', {
				...where,
				message: `${label}是比率指标，目标值“${i.target_raw}”却没有百分号。`,
				evidence: ev
			});
		}
		if (
			(isQuantityIndicator(i) || isCostIndicator(i)) &&
			v === null &&
			!doubled &&
			!isPlaceholder(i.target_raw) &&
			!isPlaceholder(i.name)
		) {
			sink.add('quantity_without_number', {
				...where,
				message: `${label}的目标值“${i.target_raw ?? ''}”不含数字，无法考核。`,
				evidence: ev
			});
		}
		const highIsGood = isSatisfaction(i) || isHighIsGoodRate(i);
		if (highIsGood && (i.target_op === '≤' || i.target_op === '<') && v !== null) {
			sink.add('wrong_direction', {
				...where,
				message: `${label}越高越好，目标却写成“${i.target_raw}”（上限），方向反了。`,
				evidence: { ...ev, expected_op: '≥' }
			});
		} else if (highIsGood && v !== null && isPercent(i.target_unit) && !doubled) {
			const floor = isSatisfaction(i) ? 80 : 60;
			if (v.lt(floor))
				sink.add('below_floor', {
					...where,
					message: `${label}的目标仅为 ${v.toString()}%，低于常见下限 ${floor}%。`,
					evidence: { ...ev, floor: String(floor) }
				});
		}
	}
	vagueTargets(input);
}

/** One info flag per project (and one for the department-level set) with vague targets. */
function vagueTargets(input: RuleInput): void {
	const groups = new Map<number | null, IndicatorRecord[]>();
	for (const i of input.doc.tables.indicators) {
		if (isPlaceholder(i.name) && isPlaceholder(i.target_raw)) continue;
		const list = groups.get(i.project_seq) ?? [];
		list.push(i);
		groups.set(i.project_seq, list);
	}
	for (const [seq, list] of groups) {
		const vague = list.filter((i) => isVagueTarget(i.target_raw, i.target_value !== null));
		const first = vague[0];
		if (!first) continue;
		const p = seq === null ? undefined : input.projects.get(seq);
		const owner = p ? `项目“${p.project_name.slice(0, 24)}”` : '部门整体绩效目标';
		input.sink.add('vague_targets', {
			project_code: first.project_code,
			table_name: 'indicators',
			source_line: first.source_line,
			message: `${owner}的 ${list.length} 个指标中有 ${vague.length} 个目标不可衡量（如“${first.target_raw}”）。`,
			evidence: {
				project_seq: seq,
				indicators: list.length,
				vague: vague.length,
				examples: vague
					.slice(0, 5)
					.map((i) => ({ line: i.source_line, name: i.name, target_raw: i.target_raw }))
			}
		});
	}
}
