/**
 * 绩效 and narrative figures across every document of the real corpus
 * (../shared/corpus/text): provenance and row accounting of indicators, which
 * documents hold 绩效目标表, and narrative 三公/机关运行经费 statements by region.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../src/lib/ingest/model';
import { parseCorpus } from './corpus';

const parse = parseCorpus;

const HEBEI = '003_c74cb92536c64254.txt';
const HEBEI_PERF = '000_afc2415f3e911a99.txt';
const WANLI_2023 = 'shpt_wanli_jiedao_2023_bumen_yusuan.txt';
const WANLI_2024 = 'shpt_wanli_jiedao_2024_bumen_yusuan.txt';

const lineText = (d: ParsedDocument, no: number) => d.lines[no - 1]?.text ?? '';

describe('every corpus document', () => {
	const files = [
		HEBEI,
		HEBEI_PERF,
		WANLI_2023,
		WANLI_2024,
		'shpt_shangwuwei_2025_bumen_yusuan.txt',
		'sh_shi_caizhengju_2025_danwei_yusuan.txt',
		'shpt_caizhengju_2024_bumen_juesuan.txt',
		'shpt_guihua_ziranziyuan_2024_bumen_juesuan.txt',
		'js_renda_changweihui_2017_bumen_yusuan.txt',
		'js_renda_changweihui_2018_bumen_yusuan.txt',
		'js_renda_changweihui_2019_bumen_yusuan.txt'
	];

	it.each(files)('%s: indicators have levels and a source line holding them', (file) => {
		const d = parse(file);
		for (const i of d.tables.indicators) {
			expect(i.level1, `line ${i.source_line}`).toBeTruthy();
			expect(i.level2, `line ${i.source_line}`).toBeTruthy();
			const text = lineText(d, i.source_line).replace(/\s/g, '');
			const name = i.name.replace(/\s/g, '');
			const target = (i.target_raw ?? '').replace(/\s/g, '');
			// A cell continued after a page break keeps the line where its first part is.
			const cells = lineText(d, i.source_line)
				.split('\t')
				.map((c) => c.replace(/\s/g, ''));
			const ok =
				text.includes(name) ||
				(target !== '' && text.includes(target)) ||
				cells.some((c) => c !== '' && name.startsWith(c));
			expect(ok, `line ${i.source_line}: ${i.name}`).toBe(true);
		}
	});

	it.each(files)('%s: every row inside a 绩效目标表 is claimed or reported', (file) => {
		const d = parse(file);
		const starts = d.tables.projects.map((p) => p.source_line);
		const ends = d.tables.indicators
			.filter((i) => i.project_seq !== null)
			.map((i) => i.source_line);
		if (starts.length === 0) return;
		const from = Math.min(...starts);
		const to = Math.max(...ends);
		const unrecognized = d.issues.filter(
			(i) =>
				i.code === 'unrecognized_row' &&
				i.source_line !== null &&
				i.source_line >= from &&
				i.source_line <= to
		);
		expect(unrecognized).toEqual([]);
	});

	it('only the three documents with 绩效目标表 have projects', () => {
		const counts = Object.fromEntries(files.map((f) => [f, parse(f).tables.projects.length]));
		expect(counts).toEqual({
			...Object.fromEntries(files.map((f) => [f, 0])),
			[HEBEI]: 53,
			[HEBEI_PERF]: 13,
			[WANLI_2023]: 5
		});
	});

	it('万里 2024 states only a change against 2023: no 2023 figure is invented', () => {
		const d = parse(WANLI_2024);
		const narrative = d.tables.three_public.filter((r) => r.source === 'narrative');
		expect(narrative.find((r) => r.category === 'total')?.amount?.toFixed(2)).toBe('47.91');
		expect(narrative.every((r) => r.fiscal_year === 2024)).toBe(true);
		// Its quarterly plan has no project table after it.
		expect(d.tables.spending_plan).toHaveLength(0);
		expect(d.issues.some((i) => i.code === 'plan_unattached' && i.source_line === 593)).toBe(true);
	});

	it('Jiangsu 2019 narrative: current-year figures only, the page-broken sentence joined', () => {
		const d = parse('js_renda_changweihui_2019_bumen_yusuan.txt');
		const narrative = d.tables.three_public.filter((r) => r.source === 'narrative');
		expect(
			Object.fromEntries(
				narrative.map((r) => [r.category, `${r.fiscal_year}:${r.amount?.toString()}`])
			)
		).toEqual({
			outbound_travel: '2019:199.25',
			vehicle_total: '2019:183.6',
			reception: '2019:384.75',
			vehicle_purchase: '2019:0',
			vehicle_operation: '2019:183.6'
		});
	});

	it('narrative 机关运行经费/会议费/培训费 become related_expenses', () => {
		const rel = (file: string) =>
			parse(file)
				.tables.related_expenses.filter((r) => r.source === 'narrative')
				.map((r) => `${r.fiscal_year}:${r.category}:${r.measure}:${r.amount?.toFixed(2)}`);
		expect(rel(HEBEI)).toEqual(['2024:admin_operation:budget:489.53']);
		expect(rel('sh_shi_caizhengju_2025_danwei_yusuan.txt')).toEqual([
			'2025:admin_operation:budget:2517.78'
		]);
		expect(rel('js_renda_changweihui_2019_bumen_yusuan.txt')).toEqual([
			'2019:meeting:budget:1469.73',
			'2019:training:budget:363.38',
			'2019:admin_operation:budget:1642.08'
		]);
		expect(rel('shpt_caizhengju_2024_bumen_juesuan.txt')).toEqual([
			'2024:admin_operation:actual:184.65'
		]);
	});

	it('final accounts: narrative budget and 决算 figures are told apart', () => {
		const d = parse('shpt_guihua_ziranziyuan_2024_bumen_juesuan.txt');
		const n = (measure: string) =>
			d.tables.three_public.find(
				(r) => r.source === 'narrative' && r.category === 'total' && r.measure === measure
			);
		expect(n('budget')?.amount?.toFixed(2)).toBe('2.85');
		expect(n('actual')?.amount?.toFixed(2)).toBe('0.39');
	});
});
