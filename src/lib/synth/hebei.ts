/**
 * Renders one synthetic department budget in the Hebei text layout of the
 * corpus (003_*.txt): 部门预算支出总表, 一般公共预算财政拨款基本支出表,
 * 财政拨款“三公”经费支出表, the 情况说明 with this year's and last year's
 * 三公 figures, and one 项目绩效目标表 per project. Page breaks repeat the
 * department line, year, unit and column headers; some pages are "narrow"
 * (names split with spaces, numbers and codes split before their last
 * digits). Every printed figure and every injected anomaly is recorded in
 * the ground truth with its line number.
 */
import type { DepartmentPlan, ThreePublic } from './plan';
import { threeTotal } from './plan';
import type { Prng } from './prng';
import { money, splitNumber, TextBuilder, wrapNarrow } from './text-builder';
import type { TruthLine } from './truth';

export interface HebeiIdentity {
	code: string;
	name: string;
	year: number;
}

export interface Injections {
	/** One 收支总表 expense item 1.00 too high (summary_total_mismatch). */
	summaryItem: boolean;
	/** Add 10.00 to one 类 row of the 支出总表 (children no longer add up). */
	tableGap: boolean;
	/** 合计 of the 支出总表 printed 0.01 below the sum of its 类 rows. */
	rounding: boolean;
	wrongDirection: boolean;
	costInPeople: boolean;
	doubledTarget: boolean;
	perCapitaOutlier: boolean;
}

const ROWS_PER_PAGE = 8;

interface Ctx {
	b: TextBuilder;
	id: HebeiIdentity;
	truth: TruthLine[];
	doc: string;
	prng: Prng;
}

function pageHead(c: Ctx, headers: string[][]): void {
	c.b.line(`${c.id.code} ${c.id.name}`);
	c.b.line();
	c.b.line(`预算年度：${c.id.year}`);
	c.b.line();
	c.b.line('单位：万元');
	c.b.line();
	for (const h of headers) c.b.row(h);
}

/** Emits `rows` page by page; `emit(row, narrow)` writes one row and returns nothing. */
/**
 * Emits `rows` page by page. `emit(row, narrow, breaks)` writes one row;
 * `breaks` is true for the last row of a page that is not the last row of
 * the table: the row may return cells that continue it after the next
 * page's header (a cell wrapped across the page break).
 */
function paged<T>(
	c: Ctx,
	headers: string[][],
	rows: T[],
	emit: (r: T, narrow: boolean, breaks: boolean) => string[] | void
) {
	let carry: string[] | null = null;
	for (let start = 0; start < rows.length; start += ROWS_PER_PAGE) {
		if (start > 0) c.b.line();
		pageHead(c, headers);
		if (carry) c.b.row(carry);
		carry = null;
		const narrow = c.prng.chance(0.3);
		const page = rows.slice(start, start + ROWS_PER_PAGE);
		page.forEach((r, i) => {
			const breaks = i === page.length - 1 && start + ROWS_PER_PAGE < rows.length;
			carry = emit(r, narrow, breaks) ?? null;
		});
	}
}

/**
 * A row cut by a page break, as in the real 收入总表: the name's tail and
 * the amounts' last digit continue after the next page's header
 * (`卫生` / `313.5` … `健康 支出` / `2`). Returns [head cells, tail cells].
 */
function wrapAcrossPage(name: string, amounts: string[]): [string, string[], string[]] {
	const chars = Array.from(name);
	const cut = Math.max(1, Math.floor(chars.length / 2));
	const heads = amounts.map((a) => (a.length > 1 ? a.slice(0, -1) : a));
	const tails = amounts.map((a) => (a.length > 1 ? a.slice(-1) : ''));
	return [chars.slice(0, cut).join(''), heads, [chars.slice(cut).join(''), ...tails]];
}

const cell = (cents: number, narrow: boolean) =>
	cents === 0 ? '' : narrow ? splitNumber(money(cents)) : money(cents);

function expenditureTable(c: Ctx, plan: DepartmentPlan, inj: Injections): void {
	c.b.line('部门预算支出总表');
	c.b.line();
	const headers = [
		[
			'序号',
			'功能分类科目',
			'',
			'合计',
			'基本支出',
			'项目支出',
			'经营支出',
			'上解上级 支出',
			'对附属单 位补助支 出'
		],
		['', '科目 编码', '科目名称', '', '', '', '', '', ''],
		['栏次', '1', '2', '3', '4', '5', '6', '7', '8']
	];
	const leis = plan.func.filter((f) => f.level === 1);
	// Gap: one 项 row printed 10.00 higher, so its 款 no longer equals the sum of its 项 rows.
	const items = plan.func.map((f, i) => ({ f, i })).filter((x) => x.f.level === 3);
	const gapItem = inj.tableGap ? c.prng.pick(items).i : -1;
	let gapParent = -1;
	if (gapItem >= 0)
		for (let i = gapItem; i >= 0; i--)
			if (plan.func[i]?.level === 2) {
				gapParent = i;
				break;
			}
	const sumTotal = leis.reduce((s, f) => s + f.basic + f.project, 0);
	type Row = {
		code: string;
		name: string;
		total: number;
		basic: number;
		project: number;
		anomaly?: string;
	};
	const rows: Row[] = [
		{
			code: '',
			name: '合计',
			total: sumTotal - (inj.rounding ? 1 : 0),
			basic: plan.basicTotal,
			project: plan.projectTotal,
			anomaly: inj.rounding ? 'classified_rounding' : undefined
		}
	];
	plan.func.forEach((f, i) => {
		const gap = i === gapItem ? 1000 : 0;
		rows.push({
			code: f.code,
			name: f.name,
			total: f.basic + f.project + gap,
			basic: f.basic + gap,
			project: f.project,
			anomaly: i === gapParent ? 'classified_gap' : undefined
		});
	});
	let seq = 0;
	paged(c, headers, rows, (r, narrow, breaks) => {
		seq++;
		const name = narrow ? wrapNarrow(r.name, 3) : r.name;
		const code = narrow ? splitNumber(r.code) : r.code;
		const amounts = [cell(r.total, false), cell(r.basic, false), cell(r.project, false)];
		const wrap = breaks && !narrow && r.code !== '' && c.prng.chance(0.5);
		const [head, heads, tail] = wrap
			? wrapAcrossPage(name, amounts)
			: [name, narrow ? amounts.map(splitNumber) : amounts, null];
		const line = c.b.row([String(seq), code, head, ...heads, '', '', '']);
		const key = r.code === '' ? '合计' : r.code;
		const table = 'expenditure_by_function' as const;
		for (const [column, v] of [
			['total', r.total],
			['basic', r.basic],
			['project', r.project]
		] as const)
			if (v !== 0)
				c.truth.push({ kind: 'figure', doc: c.doc, table, key, column, value: money(v), line });
		if (r.anomaly)
			c.truth.push({
				kind: 'anomaly',
				doc: c.doc,
				rule: r.anomaly,
				table,
				line,
				note:
					r.anomaly === 'classified_gap'
						? '款 row 10.00 below the sum of its 项 rows'
						: '合计 0.01 below the 类 rows'
			});
		return tail ? ['', '', ...tail, '', '', ''] : undefined;
	});
	c.b.line();
}

function economicTable(c: Ctx, plan: DepartmentPlan): void {
	c.b.line('部门预算一般公共预算财政拨款基本支出表');
	c.b.line();
	const headers = [
		['序号', '支出部门经济分类科目', '', '一般公共预算基本支出', '', ''],
		['', '科目编码', '科目名称', '合计', '人员经费', '公用经费'],
		['栏次', '1', '2', '3', '4', '5']
	];
	const personnel = plan.econ.filter((e) => e.level === 1).reduce((s, e) => s + e.personnel, 0);
	const pub = plan.econ.filter((e) => e.level === 1).reduce((s, e) => s + e.public, 0);
	const rows = [{ code: '', name: '合计', level: 0, personnel, public: pub }, ...plan.econ];
	let seq = 0;
	paged(c, headers, rows, (r, narrow) => {
		seq++;
		const total = r.personnel + r.public;
		const line = c.b.row([
			String(seq),
			r.code,
			narrow ? wrapNarrow(r.name, 6) : r.name,
			cell(total, narrow),
			cell(r.personnel, narrow),
			cell(r.public, narrow)
		]);
		const key = r.code === '' ? '合计' : r.code;
		for (const [column, v] of [
			['total', total],
			['personnel', r.personnel],
			['public', r.public]
		] as const)
			if (v !== 0)
				c.truth.push({
					kind: 'figure',
					doc: c.doc,
					table: 'basic_by_economic',
					key,
					column,
					value: money(v),
					line
				});
	});
	c.b.line();
}

function threePublicTable(c: Ctx, t: ThreePublic, jump = false): void {
	c.b.line('部门预算财政拨款“三公”经费支出表');
	c.b.line();
	const headers = [
		['序号', '项 目', '资 金 性 质', '', '', ''],
		['', '', '合计', '一般公共预算 财政拨款', '政府性基金 预算拨款', '国有资本经营 预算财政拨款'],
		['栏次', '1', '2', '3', '4', '5']
	];
	const total = threeTotal(t);
	const rows: [string, number, string | null][] = [
		['合计', total, null],
		['“三公”经费 小计', total, 'total'],
		['一、因公出国 (境)费', t.outbound, 'outbound_travel'],
		['其中：教 学科研人员因 公出国(境) 费', 0, null],
		['其 他因公出国 (境)费', t.outbound, null],
		['二、公务用车 购置及运维费', t.vehiclePurchase + t.vehicleOperation, 'vehicle_total'],
		['其中：公 务用车购置费', t.vehiclePurchase, 'vehicle_purchase'],
		['公 务用车运行维 护费', t.vehicleOperation, 'vehicle_operation'],
		['三、公务接待 费', t.reception, 'reception']
	];
	let seq = 0;
	paged(c, headers, rows, ([label, v, category]) => {
		seq++;
		const line = c.b.row([String(seq), label, money0(v), money0(v), '', '']);
		if (category && v !== 0)
			c.truth.push({
				kind: 'figure',
				doc: c.doc,
				table: 'three_public',
				key: category,
				column: 'amount',
				value: money(v),
				year: c.id.year,
				source: 'table',
				line
			});
		if (category === 'total' && jump)
			c.truth.push({
				kind: 'anomaly',
				doc: c.doc,
				rule: 'peer_three_public_jump',
				table: 'three_public',
				line,
				note: '三公 total > 50% and > 5 万元 off last year (one-off car purchase)'
			});
	});
	c.b.line();
}

const money0 = (v: number) => (v === 0 ? '' : money(v));

/** Narrative 三公 figures: this year and the year before, as in 情况说明 section 四. */
function threePublicNarrative(c: Ctx, t: ThreePublic, prior: ThreePublic): void {
	c.b.line('四、财政拨款“三公”经费预算情况及增减变化原因');
	c.b.line();
	const y = c.id.year;
	const part = (p: ThreePublic, sep: string) =>
		`公务出国${fmtN(p.outbound)}万元${sep}公务用车购置费${fmtN(p.vehiclePurchase)}万元${sep}公务用车运行费${fmtN(p.vehicleOperation)}万元${sep}公务接待${fmtN(p.reception)}万元。`;
	const diff = threeTotal(t) - threeTotal(prior);
	const line = c.b.line(
		`部门${y}年“三公经费”为${money(threeTotal(t))}万元，其中：${part(t, '；')}${y - 1}年三公经费为${money(threeTotal(prior))}万元，其中：${part(prior, '，')}${y}年“三公经费”总体比${y - 1}年${diff >= 0 ? '增加' : '减少'}${money(Math.abs(diff))}万元。`
	);
	const push = (year: number, key: string, v: number) =>
		c.truth.push({
			kind: 'figure',
			doc: c.doc,
			table: 'three_public',
			key,
			column: 'amount',
			value: money(v),
			year,
			source: 'narrative',
			line
		});
	push(y, 'total', threeTotal(t));
	push(y - 1, 'total', threeTotal(prior));
	c.b.line();
}

const fmtN = (v: number) => (v === 0 ? '0' : money(v));

export { expenditureTable, economicTable, threePublicTable, threePublicNarrative, type Ctx };
