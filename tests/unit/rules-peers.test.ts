import { afterEach, describe, expect, it } from 'vitest';
import { openNodeConnector, type NodeConnector } from '../../src/lib/db/node';
import type { ParsedDocument } from '../../src/lib/ingest/model';
import {
	peerRuleStatements,
	qualityByDepartmentQuery,
	qualityByProjectQuery,
	refreshPeerFlagsStatements,
	writerPeerFlagsStatements
} from '../../src/lib/rules/sql';
import { targetConflictSql } from '../../src/lib/rules/sql/peers';
import { withPeerFlags } from '../../src/lib/snapshot/peer-flags';
import { expenditure, indicator, makeDoc, project, threePublic } from '../fixtures/rules/build';

let conn: NodeConnector | null = null;
afterEach(async () => {
	await conn?.close();
	conn = null;
});

/** A document of department `dept`, year `year`, with a distinct doc_id. */
function docOf(
	id: string,
	dept: string,
	year: number,
	fill: (t: ParsedDocument['tables']) => void
) {
	const d = makeDoc(fill);
	const docId = id.padEnd(16, '0');
	d.document = {
		...d.document,
		doc_id: docId,
		department_name: dept,
		fiscal_year: year,
		source_name: `${id}.txt`
	};
	for (const rows of Object.values(d.tables))
		for (const r of rows as { doc_id: string }[]) r.doc_id = docId;
	return d;
}

async function run(docs: ParsedDocument[], ruleId: string) {
	conn = await openNodeConnector({});
	await conn.addDocuments(docs);
	const st = peerRuleStatements().find((s) => s.ruleId === ruleId)!.statement;
	return (await conn.query(st)).rows;
}

const costDoc = (id: string, dept: string, yuan: string) =>
	docOf(id, dept, 2024, (t) => {
		t.projects.push(project(1, '10'));
		t.indicators.push(
			indicator(1, '成本指标', '义务兵家庭优待金人均标准', [`${yuan}元/人`, null, yuan, '元/人'])
		);
	});

describe('peer rules (SQL)', () => {
	it('peer_per_capita_outlier flags the cost far from its group by median and MAD', async () => {
		const docs = [
			costDoc('a', '甲局', '20000'),
			costDoc('b', '乙局', '21000'),
			costDoc('c', '丙局', '19000'),
			costDoc('d', '丁局', '20500'),
			costDoc('e', '戊局', '200000')
		];
		const rows = await run(docs, 'peer_per_capita_outlier');
		expect(rows.map((r) => r.doc_id)).toEqual(['e'.padEnd(16, '0')]);
		const ev = JSON.parse(String(rows[0]!.evidence));
		expect(Number(ev.group_median_yuan)).toBe(20500);
		expect(Number(ev.robust_z)).toBeGreaterThan(3.5);
		expect(rows[0]!.severity).toBe('warning');
	});

	it('peer_per_capita_outlier leaves a group without outliers alone', async () => {
		const docs = ['20000', '21000', '19000', '20500', '22000'].map((v, i) =>
			costDoc(`n${i}`, `局${i}`, v)
		);
		expect(await run(docs, 'peer_per_capita_outlier')).toEqual([]);
	});

	it('peer_target_conflict flags the same satisfaction indicator with different targets in one department', async () => {
		const doc = docOf('t', '甲局', 2024, (t) => {
			t.projects.push(project(1, '10'), project(2, '10'), project(3, '10'));
			t.indicators.push(
				indicator(1, '服务对象满意度指标', '群众满意度', ['≥90%', '≥', '90', '%']),
				indicator(2, '服务对象满意度指标', '群众满意度', ['≥90%', '≥', '90', '%']),
				indicator(3, '服务对象满意度指标', '群众满意度', ['≥95%', '≥', '95', '%']),
				// head counts differ by nature: not compared
				indicator(1, '数量指标', '救助人数', ['5人', null, '5', '人']),
				indicator(2, '数量指标', '救助人数', ['8人', null, '8', '人'])
			);
		});
		const rows = await run([doc], 'peer_target_conflict');
		expect(rows.map((r) => r.project_code)).toEqual(['P3']);
		expect(JSON.parse(String(rows[0]!.evidence)).usual_target).toBe('90.000000');
	});

	it('peer_target_conflict per fiscal year (the writer) gives exactly the rows of the one statement', async () => {
		const conflicting = (id: string, y: number) =>
			docOf(id, '甲局', y, (t) => {
				t.projects.push(project(1, '10'), project(2, '10'), project(3, '10'));
				t.indicators.push(
					indicator(1, '服务对象满意度指标', '群众满意度', ['≥90%', '≥', '90', '%']),
					indicator(2, '服务对象满意度指标', '群众满意度', ['≥90%', '≥', '90', '%']),
					indicator(3, '服务对象满意度指标', '群众满意度', [`≥9${y % 10}%`, '≥', `9${y % 10}`, '%'])
				);
			});
		const docs = [conflicting('p', 2023), conflicting('q', 2024), conflicting('r', 2025)];
		const whole = await run(docs, 'peer_target_conflict');
		expect(whole.length).toBe(3);
		const statements = writerPeerFlagsStatements('live', [2023, 2024, 2025, null]);
		expect(statements.map((s) => s.label)).toContain('peer_target_conflict 2024');
		expect(statements.filter((s) => s.label.startsWith('peer_target_conflict'))).toHaveLength(4);
		const perYear = [];
		for (const y of [2023, 2024, 2025, null])
			perYear.push(...(await conn!.query(targetConflictSql(y))).rows);
		const key = (r: Record<string, unknown>) => String(r.flag_id);
		expect(perYear.map(key).sort()).toEqual(whole.map(key).sort());
		expect((await conn!.query(targetConflictSql(2024))).rows.map((r) => r.doc_id)).toEqual([
			'q'.padEnd(16, '0')
		]);
	});

	it('peer_three_public_jump flags a 三公 total more than doubling year over year', async () => {
		const year = (id: string, y: number, total: string) =>
			docOf(id, '街道办', y, (t) => {
				const r = threePublic('total', total, 'table', 5);
				t.three_public.push({ ...r, fiscal_year: y });
			});
		const rows = await run(
			[year('y1', 2023, '22.91'), year('y2', 2024, '47.91'), year('y3', 2025, '47')],
			'peer_three_public_jump'
		);
		expect(rows.map((r) => r.doc_id)).toEqual(['y2'.padEnd(16, '0')]);
		expect(JSON.parse(String(rows[0]!.evidence))).toMatchObject({
			previous_amount: '22.9100',
			change: '25.0000'
		});
	});

	it('peer_share_jump flags a 类 whose share of spending moves by more than 10 points', async () => {
		const year = (id: string, y: number, a: string, b: string) =>
			docOf(id, '人大办', y, (t) => {
				const total = (Number(a) + Number(b)).toString();
				t.expenditure_by_function.push(
					expenditure(null, 0, total, null, null, 1),
					expenditure('201', 1, a, null, null, 2),
					expenditure('208', 1, b, null, null, 3)
				);
			});
		const rows = await run(
			[year('s1', 2018, '80', '20'), year('s2', 2019, '60', '40'), year('s3', 2020, '62', '38')],
			'peer_share_jump'
		);
		expect(rows.map((r) => [r.doc_id, r.source_line])).toEqual([
			['s2'.padEnd(16, '0'), 2],
			['s2'.padEnd(16, '0'), 3]
		]);
	});

	it('refreshPeerFlagsStatements replaces peer flags and keeps document flags', async () => {
		const docs = [
			costDoc('a', '甲局', '20000'),
			costDoc('b', '乙局', '21000'),
			costDoc('c', '丙局', '19000'),
			costDoc('d', '丁局', '20500'),
			costDoc('e', '戊局', '200000')
		];
		docs[0]!.flags = [
			{
				flag_id: 'x:1',
				rule_id: 'rate_over_100',
				severity: 'error',
				doc_id: docs[0]!.document.doc_id,
				project_code: 'P1',
				table_name: 'indicators',
				source_line: 1,
				message: 'm',
				evidence: null
			}
		];
		conn = await openNodeConnector({});
		await conn.addDocuments(docs);
		for (let k = 0; k < 2; k++) for (const s of refreshPeerFlagsStatements()) await conn.query(s);
		const rows = (
			await conn.query('SELECT rule_id, count(*)::INTEGER AS n FROM flags GROUP BY 1 ORDER BY 1')
		).rows;
		expect(rows).toEqual([
			{ rule_id: 'peer_per_capita_outlier', n: 1 },
			{ rule_id: 'rate_over_100', n: 1 }
		]);
	});

	it('addDocuments recomputes the peer flags over everything loaded', async () => {
		const db = await openNodeConnector({});
		conn = db;
		await db.addDocuments([
			costDoc('a', '甲局', '20000'),
			costDoc('b', '乙局', '21000'),
			costDoc('c', '丙局', '19000'),
			costDoc('d', '丁局', '20500')
		]);
		const count = async () =>
			(
				await db.query(
					"SELECT count(*)::INTEGER AS n FROM flags WHERE rule_id = 'peer_per_capita_outlier'"
				)
			).rows[0]?.n;
		expect(await count()).toBe(0);
		// A fifth department far from the group arrives later, e.g. dropped onto the page.
		await db.addDocuments([costDoc('e', '戊局', '200000')]);
		expect(await count()).toBe(1);
	});

	it('withPeerFlags adds the peer flags to the documents they concern', async () => {
		const docs = [
			costDoc('a', '甲局', '20000'),
			costDoc('b', '乙局', '21000'),
			costDoc('c', '丙局', '19000'),
			costDoc('d', '丁局', '20500'),
			costDoc('e', '戊局', '200000')
		];
		const out = await withPeerFlags(docs);
		expect(out.map((d) => d.flags?.filter((f) => f.rule_id.startsWith('peer_')).length)).toEqual([
			0, 0, 0, 0, 1
		]);
	});
});

describe('quality score', () => {
	it('scores projects by measurable targets, consistency and flags per 10 indicators', async () => {
		const doc = docOf('q', '甲局', 2024, (t) => {
			t.projects.push(project(1, '10'), project(2, '10'));
			t.indicators.push(
				indicator(1, '数量指标', '人数', ['5人', null, '5', '人'], { source_line: 11 }),
				indicator(1, '服务对象满意度指标', '满意度', ['≥90%', '≥', '90', '%'], { source_line: 12 }),
				indicator(2, '数量指标', '人数', ['按实际发生', null, null, null], { source_line: 21 }),
				indicator(2, '服务对象满意度指标', '满意度', ['≤90%', '≤', '90', '%'], { source_line: 22 })
			);
		});
		doc.flags = [
			{
				flag_id: 'f1',
				rule_id: 'wrong_direction',
				severity: 'error',
				doc_id: doc.document.doc_id,
				project_code: 'P2',
				table_name: 'indicators',
				source_line: 22,
				message: 'm',
				evidence: null
			}
		];
		conn = await openNodeConnector({});
		await conn.addDocuments([doc]);
		const rows = (await conn.query(qualityByProjectQuery())).rows;
		const byCode = Object.fromEntries(rows.map((r) => [r.project_code, r]));
		expect(byCode.P1).toMatchObject({ indicators: 2, measurable: 2, flags: 0, score: 100 });
		// 0.5 × 0.5 + 0.3 × 0.5 + 0.2 × (1 − 5/10) = 0.5
		expect(byCode.P2).toMatchObject({
			indicators: 2,
			measurable: 1,
			flagged_indicators: 1,
			flags: 1,
			flags_per_10: 5,
			score: 50
		});
		const dept = (await conn.query(qualityByDepartmentQuery())).rows;
		expect(dept).toHaveLength(1);
		expect(dept[0]).toMatchObject({
			dept_key: '甲局',
			projects: 2,
			indicators: 4,
			measurable: 3,
			flags: 1,
			rank: 1
		});
	});
});
