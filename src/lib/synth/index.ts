/**
 * Synthetic corpus generator (issue #6): documents in the real Hebei and
 * Shanghai text layouts (every third department is a Shanghai one) with exact ground truth and anomalies injected at known lines.
 * Pure TypeScript, seeded (no Math.random): the same options give the same
 * corpus byte for byte. Department names carry the prefix 【合成】 and the
 * first line of every document says it is synthetic.
 *
 *   for (const doc of generateCorpus({ departments: 20, years: 2, seed: 1 })) …
 */
import {
	economicTable,
	expenditureTable,
	threePublicNarrative,
	threePublicTable,
	type Ctx,
	type Injections
} from './hebei';
import { projectTables } from './hebei-projects';
import { incomeTable } from './hebei-income';
import { summaryTable } from './hebei-summary';
import { planDepartment, type DepartmentPlan } from './plan';
import { renderShanghai } from './shanghai';
import { Prng } from './prng';
import { TextBuilder } from './text-builder';
import type { SynthDocument, TruthLine } from './truth';

export type { SynthDocument, TruthLine, FigureTruth, AnomalyTruth } from './truth';

export const SYNTHETIC_MARKER = '【合成数据 SYNTHETIC】';

export interface CorpusOptions {
	departments: number;
	years: number;
	seed: number;
	/** Last fiscal year (default 2024); years count back from it. */
	lastYear?: number;
	/** Probability of each injected anomaly per document (default 0.25). */
	anomalyRate?: number;
	/** Which layouts to write (default both: every third department is Shanghai). */
	layouts?: 'both' | 'hebei' | 'shanghai';
}

const CITIES = ['石家庄市', '唐山市', '秦皇岛市', '邯郸市', '保定市', '承德市', '沧州市', '廊坊市'];
const SH_DISTRICTS = ['普陀区', '静安区', '长宁区', '徐汇区', '杨浦区', '虹口区'];
const SH_BUREAUS = ['商务委员会', '财政局', '规划和自然资源局', '街道办事处', '民政局'];
const BUREAUS = [
	'民生保障局',
	'退役军人事务局',
	'人力资源和社会保障局',
	'民政局',
	'财政局',
	'卫生健康局'
];

/** 1024 → 一零二四 (department names hold no ASCII digits, like real ones). */
function cjkNumber(n: number): string {
	return Array.from(String(n), (ch) => '零一二三四五六七八九'[Number(ch)] ?? '').join('');
}

/** Lazily generates the corpus, department by department, year by year. */
export function* generateCorpus(opts: CorpusOptions): Generator<SynthDocument> {
	const root = new Prng(opts.seed);
	const last = opts.lastYear ?? 2024;
	const rate = opts.anomalyRate ?? 0.25;
	for (let d = 0; d < opts.departments; d++) {
		const dp = root.fork(d + 1);
		const code = String(100 + d);
		const layouts = opts.layouts ?? 'both';
		const shanghai = layouts === 'shanghai' || (layouts === 'both' && d % 3 === 2);
		const name = shanghai
			? `【合成】上海市${dp.pick(SH_DISTRICTS)}第${cjkNumber(d + 1)}${dp.pick(SH_BUREAUS)}`
			: `【合成】${dp.pick(CITIES)}第${cjkNumber(d + 1)}${dp.pick(BUREAUS)}`;
		const scale = dp.int(1, 5);
		// One structure per department (same 科目, base amounts, projects every
		// year); each year's amounts move by ±5% (plan.ts), so years compare.
		const structure = dp.int(0, 0x7fffffff);
		const planFor = (year: number) =>
			planDepartment(new Prng(structure), scale, shanghai, new Prng(structure ^ (year * 7919)));
		let prior = planFor(last - opts.years).three;
		let prevJump = false;
		for (let y = opts.years - 1; y >= 0; y--) {
			const year = last - y;
			const prng = dp.fork(year);
			const base = planFor(year);
			// Injected 三公 jump: a car purchase of 30 万元 on top of the usual, never in
			// the first year (the Shanghai narrative gives no prior-year total).
			const jump = y < opts.years - 1 && prng.chance(rate / 2);
			const three = jump
				? {
						...base.three,
						vehiclePurchase: base.three.vehiclePurchase + (shanghai ? 300000 : 3000)
					}
				: base.three;
			// The year after a one-off purchase drops back: also a jump for the rule.
			const plan = { ...base, three, threePrior: prior, threeJump: jump !== prevJump };
			prevJump = jump;
			prior = plan.three;
			if (shanghai) {
				const doc = `synth_${String(d + 1).padStart(5, '0')}_${year}_sh.txt`;
				const r = renderShanghai({
					name,
					year,
					doc,
					plan,
					prng,
					marker: SYNTHETIC_MARKER,
					anomalyRate: rate
				});
				yield { name: doc, ...r };
			} else yield generateDocument({ code, name, year, plan, prng, rate, index: d });
		}
	}
}

function generateDocument(a: {
	code: string;
	name: string;
	year: number;
	plan: DepartmentPlan;
	prng: Prng;
	rate: number;
	index: number;
}): SynthDocument {
	const file = `synth_${String(a.index + 1).padStart(5, '0')}_${a.year}.txt`;
	const plan = a.plan;
	const inj: Injections = {
		summaryItem: a.prng.chance(a.rate),
		tableGap: a.prng.chance(a.rate),
		rounding: a.prng.chance(a.rate),
		wrongDirection: a.prng.chance(a.rate),
		costInPeople: a.prng.chance(a.rate),
		doubledTarget: a.prng.chance(a.rate),
		perCapitaOutlier: a.prng.chance(a.rate / 2)
	};
	const truth: TruthLine[] = [];
	const b = new TextBuilder();
	const c: Ctx = {
		b,
		id: { code: a.code, name: a.name, year: a.year },
		truth,
		doc: file,
		prng: a.prng
	};
	b.line(`${SYNTHETIC_MARKER}本文件由 BudgetLens 合成数据生成器生成，并非真实公开文件`);
	b.line();
	b.line(`${a.year} 年部门预算信息公开目录`);
	b.line();
	b.line('部门预算公开表');
	b.line();
	const carry = summaryTable(c, plan, inj.summaryItem);
	incomeTable(c, plan, carry);
	expenditureTable(c, plan, inj);
	economicTable(c, plan);
	threePublicTable(c, plan.three, plan.threeJump);
	b.line(`${a.name} ${a.year} 年部门预算信息公开情况说明`);
	b.line();
	threePublicNarrative(c, plan.three, plan.threePrior);
	projectTables(c, plan.projects, inj);
	return { name: file, text: b.toString(), truth };
}
