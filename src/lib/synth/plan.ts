/**
 * The numbers behind one synthetic document: a department's functional
 * expenditure tree (项 amounts split into 基本/项目, summed up to 款, 类
 * and 合计), its basic expenditure by economic code, 三公 figures for the
 * year and the year before, and projects whose amounts add up to 项目支出.
 * All amounts are integers in cents of 万元 (exact); rendering turns them
 * into decimal strings.
 */
import { ECONOMIC_TREE, FUNCTION_TREE, type FuncItem } from './codes';
import type { Prng } from './prng';

export interface FuncLine {
	code: string;
	name: string;
	level: 1 | 2 | 3;
	basic: number;
	project: number;
}

export interface EconLine {
	code: string;
	name: string;
	level: 1 | 2;
	personnel: number;
	public: number;
}

export interface ThreePublic {
	outbound: number;
	vehiclePurchase: number;
	vehicleOperation: number;
	reception: number;
}

export interface ProjectPlan {
	code: string;
	name: string;
	amount: number;
	/** Per-capita cost in cents of 万元 per person, and the head count. */
	perCapita: number;
	people: number;
}

export interface DepartmentPlan {
	func: FuncLine[];
	econ: EconLine[];
	basicTotal: number;
	projectTotal: number;
	three: ThreePublic;
	threePrior: ThreePublic;
	/**
	 * Injected: 三公 differs > 50% and > 5 万元 from the previous year (a car
	 * purchase this year, or last year's one-off purchase): peer_three_public_jump.
	 */
	threeJump?: boolean;
	projects: ProjectPlan[];
}

export const threeTotal = (t: ThreePublic): number =>
	t.outbound + t.vehiclePurchase + t.vehicleOperation + t.reception;

const PROJECT_NAMES = [
	'困难群众救助补助资金',
	'优抚对象补助资金',
	'残疾人事业发展补助资金',
	'就业创业补助资金',
	'退役士兵安置补助资金',
	'社会保险经办服务经费',
	'民兵训练经费',
	'劳动人事争议仲裁经费'
];

/** Splits `total` cents into `n` positive parts (n ≥ 1). */
function split(prng: Prng, total: number, n: number): number[] {
	if (n <= 1) return [total];
	const weights = Array.from({ length: n }, () => 1 + prng.next() * 4);
	const sum = weights.reduce((a, b) => a + b, 0);
	const parts = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
	const rest = total - parts.reduce((a, b) => a + b, 0);
	parts[0] = (parts[0] as number) + rest;
	return parts;
}

/**
 * `yuan`: amounts are whole 元 (Shanghai layout) instead of cents of 万元;
 * 三公 figures stay whole 百元 so they print exactly in 万元.
 */
export function planDepartment(
	prng: Prng,
	scale: number,
	yuan = false,
	year: Prng = prng
): DepartmentPlan {
	const unit = yuan ? 97 : 1;
	// Structure and base amounts come from `prng` (the same stream every year of a
	// department); `year` moves each amount by ±5%, so years are comparable.
	const vary = (v: number) =>
		v === 0 ? 0 : Math.max(1, Math.round(v * (0.95 + year.next() * 0.1)));
	const func: FuncLine[] = [];
	const leis = prng.sample(FUNCTION_TREE, prng.int(2, 5));
	let projectTotal = 0;
	for (const lei of leis) {
		const kuans = prng.sample(lei.kuans, prng.int(1, lei.kuans.length));
		const leiLine: FuncLine = { code: lei.code, name: lei.name, level: 1, basic: 0, project: 0 };
		func.push(leiLine);
		for (const kuan of kuans) {
			const kuanLine: FuncLine = { ...kuan, level: 2, basic: 0, project: 0 };
			func.push(kuanLine);
			for (const item of prng.sample<FuncItem>(kuan.items, prng.int(1, kuan.items.length))) {
				const hasBasic = func.length === 2 || prng.chance(0.6);
				const basic = hasBasic ? vary(prng.int(20000, 200000) * scale * unit) : 0;
				const project =
					!hasBasic || prng.chance(0.4) ? vary(prng.int(100, 150000) * scale * unit) : 0;
				func.push({ code: item.code, name: item.name, level: 3, basic, project });
				kuanLine.basic += basic;
				kuanLine.project += project;
				projectTotal += project;
			}
			leiLine.basic += kuanLine.basic;
			leiLine.project += kuanLine.project;
		}
	}
	const basicTotal = func.filter((f) => f.level === 1).reduce((s, f) => s + f.basic, 0);

	const m = yuan ? 100 : 1;
	const varyM = (v: number) => (v === 0 ? 0 : Math.max(m, Math.round(vary(v) / m) * m));
	const three: ThreePublic = {
		outbound: varyM(prng.chance(0.15) ? prng.int(100, 3000) * m : 0),
		vehiclePurchase: varyM(prng.chance(0.1) ? prng.int(1000, 3000) * m : 0),
		vehicleOperation: varyM(prng.int(200, 2000) * m),
		reception: varyM(prng.int(50, 500) * m)
	};
	const drift = (v: number) =>
		v === 0 ? 0 : Math.max(m, Math.round((v + prng.int(-(v >> 3), v >> 3)) / m) * m);
	const threePrior: ThreePublic = {
		outbound: drift(three.outbound),
		vehiclePurchase: 0,
		vehicleOperation: drift(three.vehicleOperation),
		reception: drift(three.reception)
	};

	// Economic table: personnel and public columns add up to the basic total.
	const publicShare = Math.max(threeTotal(three) + 100, Math.floor(basicTotal * 0.12));
	const publicTotal = Math.min(publicShare, basicTotal - 1);
	const personnelTotal = basicTotal - publicTotal;
	const econ: EconLine[] = [];
	const [wage, goods, family] = ECONOMIC_TREE as [
		(typeof ECONOMIC_TREE)[number],
		(typeof ECONOMIC_TREE)[number],
		(typeof ECONOMIC_TREE)[number]
	];
	const familyTotal = Math.floor(personnelTotal * 0.05);
	const wageTotal = personnelTotal - familyTotal;
	const addLei = (lei: typeof wage, total: number, fixed: Map<string, number> = new Map()) => {
		const free = lei.items.filter((i) => !fixed.has(i.code));
		const picked = prng.sample(free, prng.int(1, free.length));
		const rest = total - [...fixed.values()].reduce((a, b) => a + b, 0);
		const parts = split(prng, rest, picked.length);
		const amounts = new Map(fixed);
		picked.forEach((p, i) => amounts.set(p.code, parts[i] as number));
		const col = lei.column;
		econ.push({
			code: lei.code,
			name: lei.name,
			level: 1,
			personnel: col === 'personnel' ? total : 0,
			public: col === 'public' ? total : 0
		});
		for (const item of lei.items) {
			const v = amounts.get(item.code);
			if (v === undefined || v === 0) continue;
			econ.push({
				code: item.code,
				name: item.name,
				level: 2,
				personnel: col === 'personnel' ? v : 0,
				public: col === 'public' ? v : 0
			});
		}
	};
	addLei(wage, wageTotal);
	const fixed = new Map<string, number>([['30217', three.reception]]);
	if (three.vehicleOperation > 0) fixed.set('30231', three.vehicleOperation);
	addLei(goods, publicTotal, fixed);
	if (familyTotal > 0) addLei(family, familyTotal);

	const nProjects = projectTotal > 0 ? prng.int(2, 10) : 0;
	const amounts = split(prng, projectTotal, nProjects);
	// One per-capita standard per department: its projects do not conflict.
	const perCapita = prng.int(60, 80);
	const projects: ProjectPlan[] = amounts.map((amount, i) => ({
		code: `1303${String(prng.int(10, 99))}24P00${String(prng.int(100000, 999999))}${i}`,
		name: prng.pick(PROJECT_NAMES),
		amount,
		perCapita,
		// Head count × per-capita cost stays within the project's amount.
		people: Math.max(1, Math.min(prng.int(20, 400), Math.floor(amount / 80)))
	}));
	return { func, econ, basicTotal, projectTotal, three, threePrior, projects };
}
