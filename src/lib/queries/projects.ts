/**
 * 部门画像 projects: the project list of a document with budgets and
 * indicator counts, one project's indicators and its spending plan.
 */
import type { Statement } from '../db/types';
import { Params, type DecimalString } from './sql';

export interface ProjectRow {
	project_seq: number;
	project_code: string | null;
	project_name: string;
	amount: DecimalString | null;
	fiscal_amount: DecimalString | null;
	other_amount: DecimalString | null;
	indicator_count: number;
	plan_periods: number;
	source_line: number;
}

export function projectsQuery(docId: string): Statement {
	const p = new Params();
	const doc = p.add(docId);
	return p.statement(`
WITH ind AS (
	SELECT project_seq, count(*) AS n FROM indicators WHERE doc_id = ${doc} GROUP BY project_seq
),
plan AS (
	SELECT project_seq, count(*) AS n FROM spending_plan WHERE doc_id = ${doc} GROUP BY project_seq
)
SELECT pr.project_seq::INTEGER AS project_seq, pr.project_code, pr.project_name, pr.amount,
	pr.fiscal_amount, pr.other_amount, coalesce(ind.n, 0)::INTEGER AS indicator_count,
	coalesce(plan.n, 0)::INTEGER AS plan_periods, pr.source_line::INTEGER AS source_line
FROM projects pr
LEFT JOIN ind ON ind.project_seq = pr.project_seq
LEFT JOIN plan ON plan.project_seq = pr.project_seq
WHERE pr.doc_id = ${doc}
ORDER BY pr.project_seq`);
}

export interface IndicatorRow {
	project_seq: number | null;
	seq: number;
	level1: string | null;
	level2: string | null;
	name: string;
	description: string | null;
	target_raw: string | null;
	target_op: string | null;
	target_value: DecimalString | null;
	target_unit: string | null;
	basis: string | null;
	source_line: number;
}

/** Indicators of one project; `projectSeq` null = the department-level 整体绩效目标. */
export function indicatorsQuery(docId: string, projectSeq: number | null): Statement {
	const p = new Params();
	const seq = projectSeq === null ? 'project_seq IS NULL' : `project_seq = ${p.add(projectSeq)}`;
	return p.statement(`
SELECT project_seq::INTEGER AS project_seq, seq::INTEGER AS seq, level1, level2, name, description,
	target_raw, target_op, target_value, target_unit, basis, source_line::INTEGER AS source_line
FROM indicators WHERE doc_id = ${p.add(docId)} AND ${seq}
ORDER BY seq, source_line`);
}

export interface SpendingPlanRow {
	period: string;
	percent: DecimalString | null;
	amount: DecimalString | null;
	source_line: number;
}

export function spendingPlanQuery(docId: string, projectSeq: number): Statement {
	const p = new Params();
	return p.statement(`
SELECT period, percent, amount, source_line::INTEGER AS source_line
FROM spending_plan WHERE doc_id = ${p.add(docId)} AND project_seq = ${p.add(projectSeq)}
ORDER BY source_line, period`);
}
