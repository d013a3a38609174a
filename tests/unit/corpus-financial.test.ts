/**
 * Financial tables and identity on the real corpus (../shared/corpus/text),
 * asserting figures read by hand from the documents.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/lib/ingest';
import { ParseContext } from '../../src/lib/ingest/context';
import { sumDifferences, residueLimit } from '../../src/lib/ingest/normalize/checks';
import { readText } from '../../src/lib/ingest/reader/text';
import { segmentTables } from '../../src/lib/ingest/recognize/financial/segment';
import { CORPUS_TEXT_DIR, parseCorpus } from './corpus';

const dir = CORPUS_TEXT_DIR;
const parse = parseCorpus;
const str = (d: { toFixed(n: number): string } | null | undefined) =>
	d === null || d === undefined ? null : d.toFixed(2);
const str4 = (d: { toFixed(n: number): string } | null | undefined) =>
	d === null || d === undefined ? null : d.toFixed(4);

const budgets = existsSync(dir)
	? readdirSync(dir).filter(
			(f) => f.endsWith('.txt') && (/^003_/.test(f) || /yusuan/.test(f)) && !/juesuan/.test(f)
		)
	: [];

describe('corpus: identity of every document', () => {
	const expected: [string, string | null, string, string, number, string, string, string][] = [
		[
			'000_afc2415f3e911a99.txt',
			'130001',
			'承德高新技术产业开发区退役军人事务局',
			'河北省承德市',
			2024,
			'budget',
			'unit',
			'hebei'
		],
		[
			'003_c74cb92536c64254.txt',
			'323',
			'秦皇岛经济技术开发区民生保障局',
			'河北省秦皇岛市',
			2024,
			'budget',
			'department',
			'hebei'
		],
		[
			'js_renda_changweihui_2017_bumen_yusuan.txt',
			null,
			'江苏省人大常委会办公厅',
			'江苏省',
			2017,
			'budget',
			'department',
			'jiangsu'
		],
		[
			'js_renda_changweihui_2019_bumen_yusuan.txt',
			null,
			'江苏省人大常委会办公厅',
			'江苏省',
			2019,
			'budget',
			'department',
			'jiangsu'
		],
		[
			'sh_shi_caizhengju_2025_danwei_yusuan.txt',
			null,
			'上海市财政局',
			'上海市',
			2025,
			'budget',
			'unit',
			'shanghai'
		],
		[
			'shpt_shangwuwei_2025_bumen_yusuan.txt',
			null,
			'上海市普陀区商务委员会',
			'上海市普陀区',
			2025,
			'budget',
			'department',
			'shanghai'
		],
		[
			'shpt_guihua_ziranziyuan_2024_bumen_juesuan.txt',
			null,
			'上海市普陀区规划和自然资源局',
			'上海市普陀区',
			2024,
			'final',
			'department',
			'generic'
		],
		[
			'shpt_caizhengju_2024_bumen_juesuan.txt',
			null,
			'上海市普陀区财政局',
			'上海市普陀区',
			2024,
			'final',
			'department',
			'generic'
		]
	];
	for (const [name, code, dept, region, year, kind, scope, layout] of expected)
		it(name, () => {
			expect(parse(name).document).toMatchObject({
				department_code: code,
				department_name: dept,
				region,
				fiscal_year: year,
				kind,
				scope,
				layout
			});
		});
});

describe('corpus: Hebei 003 (秦皇岛经济技术开发区民生保障局 2024)', () => {
	const name = '003_c74cb92536c64254.txt';
	const doc = () => parse(name);

	it('identifies the document', () => {
		expect(doc().document).toMatchObject({
			department_code: '323',
			department_name: '秦皇岛经济技术开发区民生保障局',
			region: '河北省秦皇岛市',
			fiscal_year: 2024,
			kind: 'budget',
			scope: 'department',
			layout: 'hebei',
			amount_unit: '万元'
		});
	});

	it('reads the 支出总表: 合计 6473.03 = basic 4005.78 + project 2467.25, 类 208 = 5818.53', () => {
		const exp = doc().tables.expenditure_by_function;
		const total = exp.find((r) => r.level === 0);
		expect([str(total?.total), str(total?.basic), str(total?.project)]).toEqual([
			'6473.03',
			'4005.78',
			'2467.25'
		]);
		expect(total?.basic?.plus(total.project ?? 0).equals(total.total ?? -1)).toBe(true);
		expect(str(exp.find((r) => r.func_code === '208')?.total)).toBe('5818.53');
		// The 类 rows add up to 6473.04: a published 0.01 residue, recorded as an issue.
		expect(
			doc().issues.some(
				(i) =>
					i.code === 'rounding_residue' &&
					i.table_name === 'expenditure_by_function' &&
					i.source_line === total?.source_line
			)
		).toBe(true);
	});

	it('reads the 收入总表 with split figures and codes', () => {
		const inc = doc().tables.income_by_function;
		const code = (c: string) => inc.find((r) => r.func_code === c);
		expect(str(code('20809')?.total)).toBe('239.62');
		expect(str(code('2080901')?.total)).toBe('152.00');
		expect(str(code('210')?.total)).toBe('313.52');
		expect(code('210')?.func_name).toBe('卫生健康支出');
		expect(str(code('229')?.carryover)).toBe('23.31');
		expect(str(inc.find((r) => r.level === 0)?.carryover)).toBe('205.70');
	});

	it('reads the economic table and the 三公 table', () => {
		const econ = doc().tables.basic_by_economic;
		expect(str(econ.find((r) => r.econ_code === '30101')?.total)).toBe('1390.61');
		expect(str(econ.find((r) => r.level === 0)?.public)).toBe('489.53');
		const tp = doc().tables.three_public.filter((r) => r.source === 'table');
		const cat = (c: string) => str(tp.find((r) => r.category === c)?.amount);
		expect([cat('total'), cat('vehicle_operation'), cat('reception')]).toEqual([
			'9.74',
			'8.04',
			'1.70'
		]);
		expect(tp.every((r) => r.fiscal_year === 2024 && r.measure === 'budget')).toBe(true);
	});

	it('reads the summaries with per-fund columns, procurement and assets', () => {
		const s = doc().tables.summary;
		const approp = s.find(
			(r) => r.table_kind === 'appropriation_summary' && r.item === '本年支出合计'
		);
		expect([str(approp?.amount), str(approp?.general), str(approp?.gov_fund)]).toEqual([
			'6473.03',
			'6449.52',
			'23.51'
		]);
		expect(str(s.find((r) => r.table_kind === 'summary' && r.item === '收入总计')?.amount)).toBe(
			'6473.03'
		);
		expect(doc().tables.procurement.map((r) => [r.item_name, str(r.amount)])).toEqual([
			['其他社会服务', '40.50']
		]);
		const assets = doc().tables.assets;
		expect(assets.find((r) => r.item === '资产总额')).toMatchObject({ declared_unit: '万元' });
		expect(str(assets.find((r) => r.item === '资产总额')?.amount)).toBe('4106681.79');
		expect(str(assets.find((r) => r.item.startsWith('2、车辆'))?.quantity)).toBe('6.00');
	});
});

describe('corpus: Shanghai budgets', () => {
	it('万里 2024: 元 totals, 301 2 → 30102, 三公 above an empty-table note', () => {
		const doc = parse('shpt_wanli_jiedao_2024_bumen_yusuan.txt');
		expect(doc.document).toMatchObject({
			department_name: '上海市普陀区人民政府万里街道办事处',
			region: '上海市普陀区',
			fiscal_year: 2024,
			layout: 'shanghai',
			amount_unit: '元'
		});
		const total = doc.tables.summary.find(
			(r) => r.table_kind === 'summary' && r.item === '收入总计'
		);
		expect(str4(total?.amount)).toBe('15621.1123');
		expect(str4(doc.tables.expenditure_by_function.find((r) => r.level === 0)?.total)).toBe(
			'15621.1123'
		);
		expect(str4(doc.tables.basic_by_economic.find((r) => r.econ_code === '30102')?.total)).toBe(
			'1662.3810'
		);
		expect(doc.tables.basic_by_economic.find((r) => r.econ_code === '30107')?.econ_name).toBe(
			'绩效工资'
		);
		const tp = Object.fromEntries(
			doc.tables.three_public
				.filter((r) => r.source === 'table')
				.map((r) => [r.category, str(r.amount)])
		);
		expect(tp).toMatchObject({
			total: '47.91',
			vehicle_purchase: '25.00',
			vehicle_operation: '21.56',
			reception: '1.35'
		});
		const admin = doc.tables.related_expenses.find(
			(r) => r.category === 'admin_operation' && r.source === 'table'
		);
		expect(str(admin?.amount)).toBe('443.18');
		expect(
			doc.issues.some(
				(i) => i.code === 'note_contradicts_figures' && i.table_name === 'three_public'
			)
		).toBe(true);
		// The empty 政府性基金 / 国有资本经营 tables produce no rows.
		expect(doc.tables.appropriation_by_function.every((r) => r.fund === 'general')).toBe(true);
	});

	it('万里 2023, 商务委 2025 and 财政局 2025 (unit) totals and 三公', () => {
		const cases: [string, string, string, string][] = [
			['shpt_wanli_jiedao_2023_bumen_yusuan.txt', '16497.8640', '22.91', '786.09'],
			['shpt_shangwuwei_2025_bumen_yusuan.txt', '37151.4655', '1.00', '171.01'],
			['sh_shi_caizhengju_2025_danwei_yusuan.txt', '17191.5169', '346.30', '2517.78']
		];
		for (const [name, total, threePublic, admin] of cases) {
			const doc = parse(name);
			expect(str4(doc.tables.summary.find((r) => r.item === '收入总计')?.amount), name).toBe(total);
			expect(
				str(
					doc.tables.three_public.find((r) => r.category === 'total' && r.source === 'table')
						?.amount
				),
				name
			).toBe(threePublic);
			expect(
				str(
					doc.tables.related_expenses.find(
						(r) => r.category === 'admin_operation' && r.source === 'table'
					)?.amount
				),
				name
			).toBe(admin);
		}
		const unit = parse('sh_shi_caizhengju_2025_danwei_yusuan.txt');
		expect(unit.document.scope).toBe('unit');
		const tp = Object.fromEntries(
			unit.tables.three_public
				.filter((r) => r.source === 'table')
				.map((r) => [r.category, str(r.amount)])
		);
		expect(tp).toMatchObject({
			outbound_travel: '288.70',
			reception: '25.40',
			vehicle_operation: '32.20'
		});
	});
});

describe('corpus: Jiangsu 江苏省人大常委会办公厅 2017–2019', () => {
	const cases = [
		{
			year: 2017,
			total: '13649.07',
			tp: ['833.60', '222.50', '183.60', '427.50'],
			meeting: '1305.25',
			training: '403.75',
			admin: '5619.31'
		},
		{
			year: 2018,
			total: '15897.44',
			tp: ['833.60', '222.50', '183.60', '427.50'],
			meeting: '1305.25',
			training: '403.75',
			admin: '1579.38'
		},
		{
			year: 2019,
			total: '18330.37',
			tp: ['767.60', '199.25', '183.60', '384.75'],
			meeting: '1469.73',
			training: '363.38',
			admin: '1642.08'
		}
	];
	for (const c of cases)
		it(`${c.year}: totals, 三公, 会议费/培训费, 机关运行经费`, () => {
			const doc = parse(`js_renda_changweihui_${c.year}_bumen_yusuan.txt`);
			expect(doc.document).toMatchObject({
				department_name: '江苏省人大常委会办公厅',
				region: '江苏省',
				fiscal_year: c.year
			});
			const s = doc.tables.summary.filter((r) => r.table_kind === 'summary');
			expect(str(s.find((r) => r.item === '收入合计')?.amount)).toBe(c.total);
			expect(str(s.find((r) => r.item === '支出合计')?.amount)).toBe(c.total);
			expect(str(doc.tables.expenditure_by_function.find((r) => r.level === 0)?.total)).toBe(
				c.total
			);
			expect(str(doc.tables.income_by_function.find((r) => r.level === 0)?.total)).toBe(c.total);
			const tp = doc.tables.three_public.filter((r) => r.source === 'table');
			const cat = (k: string) => str(tp.find((r) => r.category === k)?.amount);
			expect([
				cat('total'),
				cat('outbound_travel'),
				cat('vehicle_total'),
				cat('reception')
			]).toEqual(c.tp);
			const rel = (k: string) =>
				str(
					doc.tables.related_expenses.find((r) => r.category === k && r.source === 'table')?.amount
				);
			expect([rel('meeting'), rel('training'), rel('admin_operation')]).toEqual([
				c.meeting,
				c.training,
				c.admin
			]);
		});
});

describe('corpus: every budget document', () => {
	it('finds the budget documents', () => {
		expect(budgets.length).toBeGreaterThanOrEqual(8);
	});

	for (const name of budgets)
		it(`${name}: parents add up, every table row accounted for`, () => {
			const doc = parse(name);
			const t = doc.tables;
			const groups = [
				t.income_by_function.map((r) => ({
					code: r.func_code,
					name: r.func_name,
					level: r.level,
					total: r.total,
					source_line: r.source_line
				})),
				t.expenditure_by_function.map((r) => ({
					code: r.func_code,
					name: r.func_name,
					level: r.level,
					total: r.total,
					source_line: r.source_line
				})),
				...(['general', 'gov_fund', 'soe_capital'] as const).map((fund) =>
					t.appropriation_by_function
						.filter((r) => r.fund === fund)
						.map((r) => ({
							code: r.func_code,
							name: r.func_name,
							level: r.level,
							total: r.total,
							source_line: r.source_line
						}))
				),
				t.basic_by_economic.map((r) => ({
					code: r.econ_code,
					name: r.econ_name,
					level: r.level,
					total: r.total,
					source_line: r.source_line
				}))
			];
			for (const rows of groups)
				for (const d of sumDifferences(rows)) {
					expect(
						d.difference.abs().lte(residueLimit(d.printed)),
						`${name} line ${d.parent.source_line}`
					).toBe(true);
					expect(
						doc.issues.some(
							(i) => i.code === 'rounding_residue' && i.source_line === d.parent.source_line
						)
					).toBe(true);
				}
			// No unrecognized row inside a recognized table.
			const ctx = new ParseContext('x', readText(name, readFileSync(path.join(dir, name), 'utf8')));
			const inTables = new Set(segmentTables(ctx).flatMap((s) => s.rows.map((r) => r.line.no)));
			const stray = doc.issues.filter(
				(i) => i.code === 'unrecognized_row' && inTables.has(i.source_line ?? -1)
			);
			expect(stray.map((i) => i.raw)).toEqual([]);
			expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
			const a = doc.accounting;
			expect(a.rows_seen).toBe(a.rows_stored + a.rows_reported);
			expect(doc.document.tables_found).toMatch(/summary/);
		});
});

describe('corpus: final accounts never crash', () => {
	for (const name of [
		'shpt_caizhengju_2024_bumen_juesuan.txt',
		'shpt_guihua_ziranziyuan_2024_bumen_juesuan.txt'
	])
		it(`${name}: read as final accounts, 三公 measured as actual`, () => {
			const doc = parse(name);
			expect(doc.document.kind).toBe('final');
			expect(doc.tables.summary.length).toBeGreaterThan(0);
			expect(
				doc.tables.three_public
					.filter((r) => r.source === 'table')
					.every((r) => ['budget', 'actual'].includes(r.measure))
			).toBe(true);
			expect(doc.issues.filter((i) => i.code === 'recognizer_failed')).toEqual([]);
		});

	it('财政局 2024 决算: 收入决算表 合计 2946.25 and 三公 预算数 0.95', () => {
		const doc = parse('shpt_caizhengju_2024_bumen_juesuan.txt');
		expect(str(doc.tables.income_by_function.find((r) => r.level === 0)?.total)).toBe('2946.25');
		const budgetTotal = doc.tables.three_public.find(
			(r) => r.source === 'table' && r.category === 'total' && r.measure === 'budget'
		);
		expect(str(budgetTotal?.amount)).toBe('0.95');
	});
});

describe('corpus: mutated documents', () => {
	it('never crash and keep rows_seen = rows_stored + rows_reported', () => {
		const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')) : [];
		expect(names.length).toBeGreaterThan(0);
		// Deterministic mutations: dropped, doubled, cut and salted lines.
		let seed = 7;
		const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const salt = ['\t', '合计', '1,2,3', '301', '20805 01', '单位：元', '注：本表为空表', '表'];
		for (let k = 0; k < 24; k++) {
			const name = names[k % names.length] ?? '';
			const out: string[] = [];
			for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
				const r = rnd();
				if (r < 0.05) continue;
				if (r < 0.1) out.push(line, line);
				else if (r < 0.2) out.push(`${line}\t${salt[Math.floor(rnd() * salt.length)] ?? ''}`);
				else if (r < 0.25) out.push(line.slice(0, Math.floor(rnd() * line.length)));
				else out.push(line);
			}
			const doc = parseText(`mutated-${name}`, out.join('\n'));
			const a = doc.accounting;
			expect(a.rows_seen, name).toBe(a.rows_stored + a.rows_reported);
			expect(
				doc.issues.filter((i) => i.code === 'recognizer_failed'),
				name
			).toEqual([]);
		}
	});
});
