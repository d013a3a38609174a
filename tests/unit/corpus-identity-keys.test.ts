/**
 * documents.department_key, scope and tables_missing on the text corpus:
 * one key per department across years, distinct keys for distinct
 * departments, and the standard tables each document really lacks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/lib/ingest/model';
import { parseDocument } from '../../src/lib/ingest/parse';

const dir = path.resolve(process.cwd(), '../shared/corpus/text');
const docs = new Map<string, DocumentRecord>(
	readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.map((f) => [
			f,
			parseDocument({ name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }).document
		])
);
const doc = (name: string): DocumentRecord => {
	const d = docs.get(name);
	if (!d) throw new Error(`missing corpus file ${name}`);
	return d;
};

describe('department_key on the corpus', () => {
	it('万里街道 2023 and 2024 share one key', () => {
		const a = doc('shpt_wanli_jiedao_2023_bumen_yusuan.txt');
		const b = doc('shpt_wanli_jiedao_2024_bumen_yusuan.txt');
		expect(a.department_key).toBe('上海市普陀区人民政府万里街道办事处');
		expect(b.department_key).toBe(a.department_key);
		expect(a.fiscal_year).not.toBe(b.fiscal_year);
	});

	it('江苏省人大常委会办公厅 2017–2019 share one key', () => {
		const keys = ['2017', '2018', '2019'].map(
			(y) => doc(`js_renda_changweihui_${y}_bumen_yusuan.txt`).department_key
		);
		expect(keys).toEqual([
			'江苏省人大常委会办公厅',
			'江苏省人大常委会办公厅',
			'江苏省人大常委会办公厅'
		]);
	});

	it('distinct departments get distinct keys; the region completes a bare name', () => {
		const keys = [...docs.values()].map((d) => d.department_key);
		expect(keys.every((k) => k !== null && k !== '')).toBe(true);
		// 11 files: 万里 ×2 and 江苏 ×3 share keys → 8 departments.
		expect(new Set(keys).size).toBe(8);
		// 上海市财政局 (city) and 上海市普陀区财政局 (district) stay apart.
		expect(doc('sh_shi_caizhengju_2025_danwei_yusuan.txt').department_key).toBe('上海市财政局');
		expect(doc('shpt_caizhengju_2024_bumen_juesuan.txt').department_key).toBe('上海市普陀区财政局');
		expect(doc('003_c74cb92536c64254.txt').department_key).toBe(
			'河北省秦皇岛市秦皇岛经济技术开发区民生保障局'
		);
	});
});

describe('scope and completeness on the corpus', () => {
	it('scope: 单位 for the unit budgets, 部门 elsewhere', () => {
		const units = [...docs.entries()].filter(([, d]) => d.scope === 'unit').map(([f]) => f);
		expect(units.sort()).toEqual([
			'000_afc2415f3e911a99.txt',
			'sh_shi_caizhengju_2025_danwei_yusuan.txt'
		]);
	});

	it('names the standard tables a document does not print', () => {
		// Its contents list the 国有资本经营预算财政拨款支出表 (page 41), the body never prints it.
		expect(doc('003_c74cb92536c64254.txt').tables_missing).toBe('soe_capital');
		// The 绩效-only text prints none of the financial tables.
		expect(doc('000_afc2415f3e911a99.txt').tables_missing.split(',')).toHaveLength(9);
		// Jiangsu 2017–2019 predate the 国有资本经营 table: eight expected, all printed.
		const js = doc('js_renda_changweihui_2018_bumen_yusuan.txt');
		expect(js.tables_expected.split(',')).not.toContain('soe_capital');
		expect(js.tables_missing).toBe('');
		// Both 决算 print all nine (the 政府性基金 and 国有资本 ones empty, with a note).
		for (const f of [
			'shpt_caizhengju_2024_bumen_juesuan.txt',
			'shpt_guihua_ziranziyuan_2024_bumen_juesuan.txt'
		]) {
			expect(doc(f).tables_expected.split(',')).toHaveLength(9);
			expect(doc(f).tables_missing, f).toBe('');
		}
	});
});
