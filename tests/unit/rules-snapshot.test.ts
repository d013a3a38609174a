/**
 * The default snapshot (static/data/default, rebuilt with `npm run snapshot`)
 * ships the flags: the 异常指标 queries of src/lib/queries/flags.ts and the
 * quality score run on it through the Node connector, and each README
 * anomaly is listed with its message and the text of its source line.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeConnector, type NodeConnector } from '../../src/lib/db/node';
import { flagCountsQuery, flagsQuery } from '../../src/lib/queries/flags';
import { qualityByDepartmentQuery, qualityByProjectQuery } from '../../src/lib/rules/sql';
import { RULES } from '../../src/lib/rules/catalogue';
import { economicTreeQuery } from '../../src/lib/queries/department';

const DIR = path.resolve(process.cwd(), 'static/data/default');
let conn: NodeConnector;

beforeAll(async () => {
	expect(existsSync(path.join(DIR, 'flags.parquet'))).toBe(true);
	conn = await openNodeConnector({ parquetDir: DIR });
}, 60_000);
afterAll(async () => {
	await conn?.close();
});

describe('flags in the default snapshot', () => {
	it('lists each README anomaly with its message and source line text', async () => {
		const rows = (await conn.query(flagsQuery({}, { offset: 0, limit: 100_000 }))).rows;
		const find = (rule: string, fragment: string) =>
			rows.find((r) => r.rule_id === rule && String(r.line_text ?? '').includes(fragment));
		for (const [rule, fragment] of [
			['wrong_direction', '≤90%'],
			['cost_unit_headcount', '1200 人'],
			['doubled_target', '≥5≥5个'],
			['doubled_target', '≤380380'],
			['implausible_scale', '4106681.79'],
			['three_public_empty_note', '故本表为空表'],
			['projects_vs_project_spending', '2467.25']
		] as const) {
			const r = find(rule, fragment);
			expect(r, `${rule} ${fragment}`).toBeDefined();
			expect(String(r!.message)).toMatch(/[\u4e00-\u9fff]/);
			expect(r!.department_name).toBeTruthy();
		}
	});

	it('counts flags by rule and department, every rule id known to the catalogue', async () => {
		const rows = (await conn.query(flagCountsQuery())).rows;
		const known = new Set(RULES.map((r) => r.id));
		expect(rows.length).toBeGreaterThan(10);
		for (const r of rows) expect(known.has(String(r.rule_id))).toBe(true);
		const total = rows.reduce((a, r) => a + Number(r.n), 0);
		const direct = (await conn.query('SELECT count(*)::INTEGER AS n FROM flags')).rows[0]!.n;
		expect(total).toBe(direct);
	});

	it('user SQL can query the flags table', async () => {
		const r = await conn.queryUser(
			"SELECT rule_id, count(*) AS n FROM flags WHERE severity = 'error' GROUP BY rule_id ORDER BY rule_id"
		);
		expect(r.rows.map((x) => x.rule_id)).toContain('wrong_direction');
	});

	it('computes the quality score per project and per department', async () => {
		const projects = (await conn.query(qualityByProjectQuery())).rows;
		expect(projects.length).toBeGreaterThan(60);
		for (const p of projects) {
			expect(Number(p.score)).toBeGreaterThanOrEqual(0);
			expect(Number(p.score)).toBeLessThanOrEqual(100);
		}
		const depts = (await conn.query(qualityByDepartmentQuery())).rows;
		const scored = depts.filter((d) => d.score !== null);
		expect(scored.length).toBeGreaterThanOrEqual(3);
		expect(scored[0]!.rank).toBe(1);
	});
});

describe('views on the default snapshot', () => {
	it('shares of a side-by-side 决算 economic table are taken of both block totals', async () => {
		// 规划和自然资源局 2024 决算 prints 人员经费合计 4884.09 and 公用经费合计 480.66, no 合计.
		const docs = await conn.query(
			"SELECT doc_id FROM documents WHERE department_name = '上海市普陀区规划和自然资源局' AND kind = 'final'"
		);
		const docId = String(docs.rows[0]?.doc_id);
		const rows = (await conn.query(economicTreeQuery(docId))).rows;
		const classShare = rows.filter((r) => r.level === 1).reduce((s, r) => s + Number(r.share), 0);
		// 类 rows add up to 5364.76 against 5364.75 printed: a 0.01 residue, not 110%.
		expect(classShare).toBeCloseTo(5364.76 / 5364.75, 9);
	});
});
