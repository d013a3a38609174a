/**
 * The outlier engine on the real corpus (../shared/corpus/text): every
 * anomaly the corpus README names is flagged at its line, the correct
 * indicators beside the wrong ones are not, and the flag counts per rule are
 * pinned (update them deliberately when a rule or the parser changes, and
 * record the review in docs/rules.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FlagRecord, ParsedDocument } from '../../src/lib/ingest/model';
import { parseDocument } from '../../src/lib/ingest/parse';
import { withPeerFlags } from '../../src/lib/snapshot/peer-flags';

const DIR = path.resolve(process.cwd(), '../shared/corpus/text');
let docs: ParsedDocument[] = [];

beforeAll(async () => {
	expect(existsSync(DIR)).toBe(true);
	const parsed = readdirSync(DIR)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => parseDocument({ name: f, bytes: readFileSync(path.join(DIR, f)) }));
	docs = await withPeerFlags(parsed);
}, 120_000);

function doc(prefix: string): ParsedDocument {
	const d = docs.find((x) => x.document.source_name.startsWith(prefix));
	if (!d) throw new Error(`corpus document ${prefix} missing`);
	return d;
}

/** The line numbers whose text contains every fragment. */
function linesWith(d: ParsedDocument, ...fragments: string[]): number[] {
	return d.lines.filter((l) => fragments.every((f) => l.text.includes(f))).map((l) => l.line_no);
}

function flagsAt(d: ParsedDocument, rule: string, line?: number): FlagRecord[] {
	return (d.flags ?? []).filter(
		(f) => f.rule_id === rule && (line === undefined || f.source_line === line)
	);
}

function single(lines: number[]): number {
	expect(lines).toHaveLength(1);
	return lines[0]!;
}

describe('corpus anomalies named in the README are flagged', () => {
	it('the satisfaction target written as ≤90%', () => {
		const d = doc('003_');
		const line = single(linesWith(d, '退休军转干部满意度', '≤90%'));
		expect(flagsAt(d, 'wrong_direction', line)).toHaveLength(1);
	});

	it('cost indicators whose unit is a head count (1200 人)', () => {
		const d = doc('003_');
		const line = single(linesWith(d, '儿童辅具补助标准', '1200 人'));
		expect(flagsAt(d, 'cost_unit_headcount', line)).toHaveLength(1);
	});

	it('doubled values from the extraction (≥5≥5个, ≤380380)', () => {
		const d = doc('003_');
		for (const token of ['≥5≥5个', '≤380380']) {
			const line = single(linesWith(d, token));
			expect(flagsAt(d, 'doubled_target', line)).toHaveLength(1);
		}
	});

	it('the fixed-asset total labelled 万元 that is plainly in 元', () => {
		const d = doc('003_');
		const table = single(linesWith(d, '资产总额\t', '4106681.79'));
		const text = single(linesWith(d, '固定资产金额为 4106681.79 万元'));
		expect(flagsAt(d, 'implausible_scale', table)).toHaveLength(1);
		expect(flagsAt(d, 'implausible_scale', text)).toHaveLength(1);
		// the same sentence's 0.00 万元 of planned purchases is not flagged
		expect(
			flagsAt(d, 'implausible_scale', text).map((f) => JSON.parse(f.evidence!).amount)
		).toEqual(['4106681.79']);
	});

	it('narrative figures that disagree with the tables', () => {
		const d = doc('003_');
		const amount = flagsAt(d, 'text_amount_mismatch').filter((f) => f.severity === 'warning');
		expect(amount).toHaveLength(1);
		expect(JSON.parse(amount[0]!.evidence!)).toMatchObject({
			text_amount: '7.58',
			table_amount: '10.7'
		});
		const h = doc('000_');
		const satisfaction = flagsAt(h, 'text_satisfaction_mismatch');
		expect(satisfaction.length).toBeGreaterThanOrEqual(3);
		for (const f of satisfaction) expect(JSON.parse(f.evidence!).target_raw).toBe('≥90%');
	});

	it('the project amount that was rounded (4.675 written, 4.68 in the table)', () => {
		const f = flagsAt(doc('003_'), 'text_amount_mismatch').filter((x) => x.severity === 'info');
		expect(f.map((x) => JSON.parse(x.evidence!))).toEqual([
			expect.objectContaining({ text_amount: '4.675', table_amount: '4.68', diff: '0.005' })
		]);
	});

	it('project budgets summing to 0.01 more than the 项目支出 total', () => {
		const f = flagsAt(doc('003_'), 'projects_vs_project_spending');
		expect(f).toHaveLength(1);
		expect(JSON.parse(f[0]!.evidence!)).toMatchObject({
			projects_sum: '2467.26',
			project_spending: '2467.25',
			diff: '0.01'
		});
	});

	it('the 0.01 rounding residue of the 支出总表 (类 rows 6473.04 against 合计 6473.03) is a residue, not a gap', () => {
		const d = doc('003_');
		const residues = flagsAt(d, 'classified_rounding').filter(
			(f) => f.table_name === 'expenditure_by_function'
		);
		const total = residues.find((f) => JSON.parse(f.evidence!).level === 0);
		expect(total).toBeDefined();
		expect(JSON.parse(total!.evidence!).columns[0]).toMatchObject({
			parent: '6473.03',
			children: '6473.04'
		});
		expect(flagsAt(d, 'classified_gap')).toEqual([]);
	});

	it('the 三公 table of 47.91万元 above a note declaring it empty', () => {
		const d = doc('shpt_wanli_jiedao_2024');
		const line = single(linesWith(d, '三公', '故本表为空表'));
		expect(flagsAt(d, 'three_public_empty_note', line)).toHaveLength(1);
		expect(flagsAt(d, 'peer_three_public_jump')).toHaveLength(1);
	});

	it('a coverage rate of 11', () => {
		const d = doc('003_');
		expect(flagsAt(d, 'rate_without_unit').map((f) => JSON.parse(f.evidence!).target_raw)).toEqual([
			'11'
		]);
	});
});

describe('correct indicators beside the wrong ones are not flagged', () => {
	it('only the doubled and the 11 lines of their project are flagged as malformed', () => {
		const d = doc('003_');
		const line = single(linesWith(d, '≥5≥5个'));
		const project = d.tables.indicators.find((i) => i.source_line === line)!.project_seq;
		const lines = d.tables.indicators
			.filter((i) => i.project_seq === project)
			.map((i) => i.source_line);
		const malformed = (d.flags ?? []).filter(
			(f) =>
				lines.includes(f.source_line ?? -1) &&
				['doubled_target', 'rate_over_100', 'wrong_direction', 'rate_without_unit'].includes(
					f.rule_id
				)
		);
		expect(malformed.map((f) => f.source_line).sort()).toEqual(
			[
				line,
				single(linesWith(d, '≤380380')),
				single(linesWith(d, '≥95≥95%')),
				single(linesWith(d, '发放覆盖率', '\t11\t'))
			].sort()
		);
	});

	it('no ≥ satisfaction target of 80% or more is flagged for direction or floor', () => {
		for (const d of docs) {
			const fine = d.tables.indicators.filter(
				(i) =>
					i.name.includes('满意') &&
					(i.target_op === '≥' || i.target_op === null) &&
					i.target_value !== null &&
					i.target_value.gte(80)
			);
			const lines = new Set(fine.map((i) => i.source_line));
			const wrong = (d.flags ?? []).filter(
				(f) =>
					['wrong_direction', 'below_floor'].includes(f.rule_id) && lines.has(f.source_line ?? -1)
			);
			expect(wrong).toEqual([]);
		}
	});

	it('cost standards in 元/人 beside the 1200 人 ones are not flagged for their unit', () => {
		const d = doc('003_');
		const money = d.tables.indicators.filter(
			(i) => i.level2?.includes('成本') && (i.target_unit ?? '').includes('元')
		);
		expect(money.length).toBeGreaterThan(50);
		const lines = new Set(money.map((i) => i.source_line));
		expect(
			(d.flags ?? []).filter(
				(f) => f.rule_id === 'cost_unit_headcount' && lines.has(f.source_line ?? -1)
			)
		).toEqual([]);
	});

	it('三公 narratives that agree with their tables are not flagged', () => {
		for (const d of docs) expect(flagsAt(d, 'three_public_narrative')).toEqual([]);
	});
});

describe('corpus flag counts', () => {
	it('pins the number of flags per rule (reviewed in docs/rules.md)', () => {
		const counts: Record<string, number> = {};
		for (const d of docs)
			for (const f of d.flags ?? []) counts[f.rule_id] = (counts[f.rule_id] ?? 0) + 1;
		expect(counts).toEqual({
			below_floor: 2,
			classified_rounding: 10,
			cost_cap_vs_amount: 1,
			cost_unit_headcount: 10,
			doubled_target: 3,
			household_in_people: 4,
			identical_indicator_sets: 1,
			implausible_scale: 4,
			misfiled_indicator: 1,
			peer_target_conflict: 3,
			peer_three_public_jump: 1,
			per_capita_times_count: 1,
			per_capita_without_per_unit: 24,
			projects_vs_project_spending: 1,
			quantity_without_number: 6,
			rate_without_unit: 1,
			text_amount_mismatch: 2,
			text_count_mismatch: 1,
			text_satisfaction_mismatch: 4,
			three_public_empty_note: 1,
			vague_targets: 62,
			wrong_direction: 1
		});
	});

	it('every flag names its document, table and line and carries JSON evidence and a Chinese message', () => {
		const ids = new Set<string>();
		for (const d of docs)
			for (const f of d.flags ?? []) {
				expect(f.doc_id).toBe(d.document.doc_id);
				expect(f.table_name).toBeTruthy();
				expect(Number.isInteger(f.source_line)).toBe(true);
				expect(f.source_line).toBeGreaterThan(0);
				expect(f.source_line!).toBeLessThanOrEqual(d.lines.length);
				expect(typeof JSON.parse(f.evidence!)).toBe('object');
				expect(f.message).toMatch(/[\u4e00-\u9fff]/);
				expect(ids.has(f.flag_id)).toBe(false);
				ids.add(f.flag_id);
			}
	});
});
