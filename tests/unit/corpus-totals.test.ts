/**
 * Published totals reproduce to the cent: for the five PDFs of
 * ../shared/corpus/pdf and the two 决算 text extractions, the 合计/总计
 * figures in the ingested tables equal the figures printed in the document
 * (read by hand from the text files; 元 tables converted to 万元), every
 * parent = Σ children check holds or is a recorded rounding residue, 决算
 * figures are measured as 'actual' with the 三公 预算数 kept beside the
 * 决算数, and the template PDF ingests as structure without amounts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument, ThreePublicCategory } from '../../src/lib/ingest/model';
import { parseDocumentAsync } from '../../src/lib/ingest/parse-pdf';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

const cache = new Map<string, Promise<ParsedDocument>>();
function parsed(file: string): Promise<ParsedDocument> {
	let p = cache.get(file);
	if (!p) {
		p = readFile(path.join(CORPUS, file)).then((b) =>
			parseDocumentAsync({ name: path.basename(file), bytes: new Uint8Array(b) })
		);
		cache.set(file, p);
	}
	return p;
}

const str = (d: Decimal | null | undefined) => (d ? d.toFixed() : null);
const n = (s: string) => new Decimal(s).toFixed();

interface Printed {
	department_key: string;
	kind: 'budget' | 'final';
	/** [item, amount] of the 收支总表 (table_kind summary), both sides. */
	summary: [string, string][];
	/** 合计 of the 收入总表 (本年收入合计 or 合计 column). */
	income?: string;
	/** 支出总表 合计: total, basic, project. */
	expenditure: [string, string, string];
	/** 一般公共预算财政拨款支出表 合计: total, basic, project. */
	general: [string, string, string];
	/** Level-0 rows of the basic-expenditure economic table: name → total. */
	basic: Record<string, string>;
	/** 三公 from the table: category → [预算数, 决算数] (决算数 undefined for budgets). */
	threePublic: Partial<Record<ThreePublicCategory, [string | null, (string | null)?]>>;
	/** 机关运行经费 (from the table or the narrative). */
	adminOperation: string;
}

const FINANCE: Printed = {
	department_key: '上海市普陀区财政局',
	kind: 'final',
	summary: [
		['本年收入合计', '2946.25'],
		['本年支出合计', '2940.05'],
		['总计', '2995.39']
	],
	income: '2946.25',
	expenditure: ['2940.05', '2336.91', '603.14'],
	general: ['2940.05', '2336.91', '603.14'],
	basic: { 人员经费合计: '2152.26', 公用经费合计: '184.65' },
	// The table prints 0.95 预算数 and leaves every 决算数 blank.
	threePublic: { total: ['0.95', null], reception: ['0.95', null], outbound_travel: [null, null] },
	adminOperation: '184.65'
};

const PLANNING: Printed = {
	department_key: '上海市普陀区规划和自然资源局',
	kind: 'final',
	summary: [
		['本年收入合计', '9746.50'],
		['本年支出合计', '9759.38'],
		['总计', '9859.38']
	],
	income: '9746.50',
	expenditure: ['9759.38', '5377.64', '4381.74'],
	general: ['9746.50', '5364.75', '4381.74'],
	basic: { 人员经费合计: '4884.09', 公用经费合计: '480.66' },
	threePublic: {
		total: ['2.85', '0.39'],
		outbound_travel: ['0', '0'],
		vehicle_total: ['0', '0'],
		vehicle_purchase: ['0', '0'],
		vehicle_operation: ['0', '0'],
		reception: ['2.85', '0.39']
	},
	adminOperation: '142.80'
};

/** 万里街道 2024: summary and functional tables in 元 (156,211,123 元 = 15621.1123 万元). */
const WANLI: Printed = {
	department_key: '上海市普陀区人民政府万里街道办事处',
	kind: 'budget',
	summary: [
		['收入总计', '15621.1123'],
		['支出总计', '15621.1123']
	],
	expenditure: ['15621.1123', '9970.6020', '5650.5103'],
	general: ['15621.1123', '9970.6020', '5650.5103'],
	basic: { 合计: '9970.6020' },
	threePublic: {
		total: ['47.91'],
		outbound_travel: ['0'],
		reception: ['1.35'],
		vehicle_total: ['46.56'],
		vehicle_purchase: ['25'],
		vehicle_operation: ['21.56']
	},
	adminOperation: '443.18'
};

/** 商务委 2025: 371,514,655.00 元 = 37151.4655 万元. */
const COMMERCE: Printed = {
	department_key: '上海市普陀区商务委员会',
	kind: 'budget',
	summary: [
		['收入总计', '37151.4655'],
		['支出总计', '37151.4655']
	],
	expenditure: ['37151.4655', '1983.0655', '35168.4'],
	general: ['37151.4655', '1983.0655', '35168.4'],
	basic: { 合计: '1983.0655' },
	threePublic: { total: ['1.00'], reception: ['1.00'], outbound_travel: [null] },
	adminOperation: '171.01'
};

const SOURCES: [string, Printed][] = [
	['text/shpt_caizhengju_2024_bumen_juesuan.txt', FINANCE],
	['pdf/putuo-finance-bureau-2024-final.pdf', FINANCE],
	['text/shpt_guihua_ziranziyuan_2024_bumen_juesuan.txt', PLANNING],
	['pdf/putuo-planning-resources-bureau-2024-final.pdf', PLANNING],
	['pdf/putuo-wanli-subdistrict-2024-budget.pdf', WANLI],
	['pdf/putuo-commerce-commission-2025-budget.pdf', COMMERCE]
];

describe.each(SOURCES)('%s: printed totals reproduce to the cent', (file, printed) => {
	it('document identity, completeness and measure', async () => {
		const doc = await parsed(file);
		expect(doc.document).toMatchObject({
			department_key: printed.department_key,
			kind: printed.kind,
			tables_missing: ''
		});
		const measure = printed.kind === 'final' ? 'actual' : 'budget';
		const t = doc.tables;
		for (const r of [
			...t.summary,
			...t.income_by_function,
			...t.expenditure_by_function,
			...t.appropriation_by_function,
			...t.basic_by_economic
		])
			expect(r.measure).toBe(measure);
	});

	it('收支总表, 收入总表, 支出总表 and 一般公共预算 totals', async () => {
		const t = (await parsed(file)).tables;
		for (const [item, amount] of printed.summary) {
			const lines = t.summary.filter((r) => r.table_kind === 'summary' && r.item === item);
			expect(lines.length, item).toBeGreaterThan(0);
			for (const r of lines) expect(str(r.amount), item).toBe(n(amount));
		}
		if (printed.income) {
			const total = t.income_by_function.find((r) => r.level === 0);
			expect(str(total?.total ?? total?.current_year)).toBe(n(printed.income));
		}
		const exp = t.expenditure_by_function.find((r) => r.level === 0);
		expect([str(exp?.total), str(exp?.basic), str(exp?.project)]).toEqual(
			printed.expenditure.map(n)
		);
		const gen = t.appropriation_by_function.find((r) => r.fund === 'general' && r.level === 0);
		expect([str(gen?.total), str(gen?.basic), str(gen?.project)]).toEqual(printed.general.map(n));
		for (const [name, total] of Object.entries(printed.basic)) {
			const row = t.basic_by_economic.find((r) => r.level === 0 && r.econ_name === name);
			expect(str(row?.total), name).toBe(n(total));
		}
	});

	it('三公 预算数 beside 决算数, never added together; 机关运行经费', async () => {
		const t = (await parsed(file)).tables;
		const table = t.three_public.filter((r) => r.source === 'table');
		for (const [category, [budget, actual]] of Object.entries(printed.threePublic)) {
			const b = table.filter((r) => r.category === category && r.measure === 'budget');
			expect(
				b.map((r) => str(r.amount)),
				`${category} 预算数`
			).toEqual([budget === null ? null : n(budget)]);
			const a = table.filter((r) => r.category === category && r.measure === 'actual');
			if (printed.kind === 'final')
				expect(
					a.map((r) => str(r.amount)),
					`${category} 决算数`
				).toEqual([actual === null || actual === undefined ? null : n(actual)]);
			else expect(a).toEqual([]);
		}
		// One record per category and measure from the table: no duplicated categories.
		const keys = table.map((r) => `${r.category}/${r.measure}`);
		expect(new Set(keys).size).toBe(keys.length);
		const admin = t.related_expenses.filter((r) => r.category === 'admin_operation');
		expect(admin.length).toBeGreaterThan(0);
		for (const r of admin) expect(str(r.amount)).toBe(n(printed.adminOperation));
		expect(new Set(admin.map((r) => r.measure))).toEqual(
			new Set([printed.kind === 'final' ? 'actual' : 'budget'])
		);
	});

	it('parent = Σ children everywhere, or a recorded rounding residue', async () => {
		const doc = await parsed(file);
		expect(doc.issues.filter((i) => i.code === 'sum_mismatch').map((i) => i.message)).toEqual([]);
		expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const a = doc.accounting;
		expect(a.rows_seen).toBe(a.rows_stored + a.rows_reported);
	});
});

describe('规划局 2024 决算: residues and disagreements the document really has', () => {
	it('302 商品和服务支出 is 0.02 above its printed 款 rows: a recorded residue', async () => {
		const doc = await parsed('text/shpt_guihua_ziranziyuan_2024_bumen_juesuan.txt');
		const residue = doc.issues.find(
			(i) => i.code === 'rounding_residue' && i.table_name === 'basic_by_economic'
		);
		expect(residue?.message).toMatch(/302 .*相差 0\.02 万元/);
	});

	it('the side-by-side economic table keeps every row of both blocks', async () => {
		const doc = await parsed('text/shpt_caizhengju_2024_bumen_juesuan.txt');
		const codes = doc.tables.basic_by_economic.map((r) => r.econ_code);
		// Rows where only the right block prints (302 40, 302 99, 310 …) are rows, not wraps.
		for (const c of ['30239', '30240', '30299', '310', '31002', '31099', '30399'])
			expect(codes, c).toContain(c);
		const other = doc.tables.basic_by_economic.find((r) => r.econ_code === '30239');
		expect(str(other?.total)).toBe('48.49');
		expect(doc.issues.filter((i) => i.code === 'bad_code')).toEqual([]);
	});

	it('收支总表: 本年支出合计 and 结余分配 stay two lines', async () => {
		const doc = await parsed('text/shpt_caizhengju_2024_bumen_juesuan.txt');
		const items = doc.tables.summary.filter((r) => r.table_kind === 'summary').map((r) => r.item);
		expect(items).toContain('本年支出合计');
		expect(items).toContain('结余分配');
		expect(items.some((i) => /合计结余分配/.test(i))).toBe(false);
	});
});

describe('final-accounts-template.pdf: structure, no amounts', () => {
	it('ingests as a 决算 with its standard tables, every amount NULL, no error or warning', async () => {
		const doc = await parsed('pdf/final-accounts-template.pdf');
		expect(doc.document.kind).toBe('final');
		expect(doc.document.department_key).toBeNull();
		expect(doc.document.tables_missing).toBe('');
		expect(doc.issues.filter((i) => i.severity !== 'info')).toEqual([]);
		const t = doc.tables;
		// Structure: the classified tables list their 科目.
		expect(t.expenditure_by_function.map((r) => r.func_code)).toEqual(
			expect.arrayContaining(['205', '20502', '2050205', '207', '20799'])
		);
		expect(t.basic_by_economic.length).toBeGreaterThan(50);
		// No amounts anywhere.
		for (const [name, records] of Object.entries(t))
			for (const r of records as object[])
				for (const [k, v] of Object.entries(r))
					expect(Decimal.isDecimal(v) ? `${name}.${k}=${String(v)}` : null).toBeNull();
		// The `…` rows standing for more 科目 are recorded, not stored, not warned about.
		expect(doc.issues.filter((i) => i.code === 'placeholder_row').length).toBe(6);
	});
});
