/**
 * ProjectBuilder: the rows of ONE project 绩效目标表, in either layout:
 *
 *   national/Hebei                     Shanghai 财政项目支出绩效目标填报表
 *   项目编码 │ … │ 项目名称 │ …            项目名称 │ … │ 项目性质 │ … │ 项目类别 │ …
 *   预算规模及资金用途 │ 预算数 │ …         主管部门 / 实施单位 / 计划开始日期 …
 *   │ <资金用途>                          项目资金（元）│ 项目资金总额 │ … (元)
 *   资金支出计划（%）│ 3月底 │ …           项目绩效目标 │ 项目总目标 │ … │ 年度总体目标
 *   绩效目标 │ 1. …                       │ 一级指标 │ 二级指标 │ 三级指标 │ … │ 指标值
 *   一级指标 │ 二级指标 │ 三级指标 │ …
 *
 * Each row is claimed or reported; finish() turns the collected values into
 * ProjectRecord, SpendingPlanRecords and IndicatorRecords.
 */
import type Decimal from 'decimal.js';
import { parseAmount } from '../../amount';
import type { ParseContext } from '../../context';
import { fitsSnapshotDecimal } from '../../normalize/target';
import type { AmountUnit, ParsedTables, ProjectRecord } from '../../model';
import { IndicatorTable, looksLikeIndicatorRow } from './indicators';
import {
	type KvKey,
	isAmountBlockLabel,
	isGoalsHeader,
	isGoalsLabel,
	isIndicatorHeader,
	isPlanRow,
	joinWrapped,
	kvKey,
	squash,
	unwrapCjk
} from './labels';
import { SpendingPlanBuilder } from './spending-plan';

type State = 'head' | 'purpose' | 'plan' | 'goals' | 'form_goals' | 'indicators';

interface KvValue {
	value: string;
	line: number;
}

export class ProjectBuilder {
	private state: State = 'head';
	private readonly kv = new Map<KvKey, KvValue>();
	private readonly purpose: string[] = [];
	private readonly goals: string[] = [];
	private readonly formGoals: { project: string[]; annual: string[] } = { project: [], annual: [] };
	private formGoalCols: { project: number; annual: number } = { project: 1, annual: -1 };
	readonly plan: SpendingPlanBuilder;
	readonly indicators: IndicatorTable;

	constructor(
		private readonly ctx: ParseContext,
		readonly seq: number,
		readonly startLine: number,
		private unit: AmountUnit,
		private readonly title: string | null
	) {
		this.plan = new SpendingPlanBuilder(ctx, ctx.docId);
		this.indicators = new IndicatorTable(ctx, {
			doc_id: ctx.docId,
			project_seq: seq,
			project_code: null
		});
	}

	get hasName(): boolean {
		return this.kv.has('name') || this.kv.has('code');
	}

	/** Consumes a row of this project's table; false when the row is not part of it. */
	row(no: number, cells: string[]): boolean {
		const c0 = cells[0] ?? '';
		if (isIndicatorHeader(cells) && this.indicators.header(no, cells)) {
			this.state = 'indicators';
			return true;
		}
		if (this.state === 'indicators') return this.indicators.row(no, cells);
		if (this.state === 'head' && /^[（(]\d{4}\s*年度?[)）]$/.test(textOf(cells))) {
			this.ctx.claim(no, 'projects', 'header');
			return true;
		}
		if (isAmountBlockLabel(c0) || cells.some((c) => kvKey(c) !== null))
			return this.kvRow(no, cells);
		if (isPlanRow(cells)) {
			this.plan.addRow(no, cells);
			this.state = 'plan';
			this.ctx.claim(no, 'spending_plan');
			return true;
		}
		if (isGoalsHeader(cells)) {
			const s = cells.map(squash);
			this.formGoalCols = {
				project: s.indexOf('项目总目标'),
				annual: s.indexOf('年度总体目标')
			};
			this.state = 'form_goals';
			this.ctx.claim(no, 'projects', 'header');
			return true;
		}
		if (isGoalsLabel(c0)) {
			this.goals.push(textOf(cells.slice(1)));
			this.state = 'goals';
			this.ctx.claim(no, 'projects');
			return true;
		}
		if (looksLikeIndicatorRow(cells) && this.indicators.row(no, cells)) {
			this.state = 'indicators';
			return true;
		}
		const text = c0 === '' ? textOf(cells) : '';
		if (text === '') return false;
		if (this.state === 'form_goals') {
			const { project, annual } = this.formGoalCols;
			const a = project >= 0 ? (cells[project] ?? '') : '';
			const b = annual >= 0 ? (cells[annual] ?? '') : '';
			if (a !== '') this.formGoals.project.push(a);
			if (b !== '') this.formGoals.annual.push(b);
			if (a === '' && b === '') this.formGoals.project.push(text);
		} else if (this.state === 'purpose') this.purpose.push(text);
		else if (this.state === 'goals' || this.state === 'plan') {
			// After the plan the `绩效目标` label is sometimes lost: the text is still the goals.
			this.goals.push(text);
			this.state = 'goals';
		} else return false;
		this.ctx.claim(no, 'projects', 'continuation');
		return true;
	}

	private kvRow(no: number, cells: string[]): boolean {
		const c0 = squash(cells[0] ?? '');
		if (c0.includes('（元）')) this.unit = '元';
		else if (c0.includes('（万元）')) this.unit = '万元';
		const used = new Set<number>();
		cells.forEach((cell, i) => {
			const key = kvKey(cell);
			if (key === null || used.has(i)) return;
			let value = '';
			for (let j = i + 1; j < cells.length; j++) {
				const c = cells[j] ?? '';
				if (c === '') continue;
				if (kvKey(c) !== null) break;
				value = c;
				used.add(j);
				break;
			}
			if (!this.kv.has(key)) this.kv.set(key, { value, line: no });
		});
		if (isAmountBlockLabel(cells[0] ?? '')) this.state = 'purpose';
		this.ctx.claim(no, 'projects');
		return true;
	}

	private amount(key: KvKey): Decimal | null {
		const v = this.kv.get(key);
		if (!v || v.value === '') return null;
		const r = parseAmount(v.value, this.unit);
		if (r.ok && (r.value === null || fitsSnapshotDecimal(r.value))) return r.value;
		if (r.ok) {
			this.ctx.report(
				v.line,
				'projects',
				'warning',
				'bad_amount',
				`项目金额 ${v.value.slice(0, 40)} 超出可存储范围 (amount too large to store)`
			);
			return null;
		}
		this.ctx.report(v.line, 'projects', 'warning', 'bad_amount', `项目金额无法读取 (${r.reason})`);
		return null;
	}

	private text(key: KvKey): string | null {
		const v = this.kv.get(key)?.value ?? '';
		return v === '' ? null : v;
	}

	/** Emits the records of this project into `out`. */
	finish(out: ParsedTables): void {
		const ctx = this.ctx;
		let name = this.text('name') ?? this.title;
		if (name === null) {
			ctx.report(
				this.startLine,
				'projects',
				'warning',
				'project_name_missing',
				'绩效目标表没有项目名称 (project without a name)'
			);
			name = '';
		}
		const code = this.text('code');
		const amount = this.amount('amount');
		const fiscal = this.amount('fiscal');
		const other = this.amount('other');
		this.crossCheck(amount, fiscal, other);
		const formGoals = [this.formGoals.project.join(''), this.formGoals.annual.join('')];
		const [pg, ag] = formGoals;
		const goals =
			this.goals.length > 0
				? this.goals.join('\n')
				: pg && ag && pg !== ag
					? `项目总目标：${pg}\n年度总体目标：${ag}`
					: pg || ag || null;
		const rec: ProjectRecord = {
			doc_id: ctx.docId,
			project_seq: this.seq,
			project_code: code === null ? null : squash(code),
			project_name: name,
			amount,
			fiscal_amount: fiscal,
			other_amount: other,
			purpose: this.purpose.length > 0 ? unwrapCjk(this.purpose.reduce(joinWrapped, '')) : null,
			goals: goals === null ? null : unwrapCjk(goals),
			managing_department: this.text('managing_department'),
			implementing_unit: this.text('implementing_unit'),
			project_nature: this.text('project_nature'),
			project_category: this.text('project_category'),
			start_date: this.text('start_date'),
			end_date: this.text('end_date'),
			source_line: this.kv.get('name')?.line ?? this.kv.get('code')?.line ?? this.startLine
		};
		out.projects.push(rec);
		ctx.noteTable('projects');
		if (this.plan.size > 0) {
			out.spending_plan.push(...this.plan.records(this.seq));
			ctx.noteTable('spending_plan');
		}
		if (this.indicators.records.length > 0) {
			for (const ind of this.indicators.records) ind.project_code = rec.project_code;
			out.indicators.push(...this.indicators.records);
			ctx.noteTable('indicators');
		}
	}

	private crossCheck(amount: Decimal | null, fiscal: Decimal | null, other: Decimal | null): void {
		const line = this.kv.get('amount')?.line ?? this.startLine;
		const annual = this.amount('annual_amount');
		const annualFiscal = this.amount('annual_fiscal');
		const differ = (a: Decimal | null, b: Decimal | null) =>
			a !== null && b !== null && !a.equals(b);
		if (differ(amount, annual))
			this.ctx.report(
				line,
				'projects',
				'info',
				'project_amount_mismatch',
				`项目资金总额 ${amount?.toString()} 与年度资金申请总额 ${annual?.toString()} 不一致 (万元)`
			);
		if (differ(fiscal, annualFiscal))
			this.ctx.report(
				this.kv.get('annual_fiscal')?.line ?? line,
				'projects',
				'warning',
				'project_amount_mismatch',
				`财政资金 ${fiscal?.toString()} 与当年财政拨款 ${annualFiscal?.toString()} 不一致 (万元)`
			);
		if (amount !== null && fiscal !== null && !fiscal.plus(other ?? 0).equals(amount))
			this.ctx.report(
				line,
				'projects',
				'warning',
				'project_amount_mismatch',
				`财政资金 ${fiscal.toString()} + 其他资金 ${(other ?? 0).toString()} ≠ 预算数 ${amount.toString()} (万元)`
			);
	}
}

/** The non-empty cells of a row joined as one text. */
function textOf(cells: string[]): string {
	return cells.filter((c) => c !== '').join(' ');
}
