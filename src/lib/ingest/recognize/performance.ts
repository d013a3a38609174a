/**
 * Recognizers for project 绩效目标表 and the department-level 整体绩效目标, plus
 * narrative figures (prior-year 三公经费 stated only in the text). The work is
 * done by the modules in ./performance/.
 */
import type { ParseContext } from '../context';
import type { ParsedTables } from '../model';
import type { DocumentIdentity } from './identity';
import { recognizeDepartmentIndicators } from './performance/department';
import { recognizeNarrativePlans } from './performance/narrative-plan';
import { recognizeProjects } from './performance/projects';
import { recognizeNarrativeFigures } from './performance/three-public';

export function recognizePerformance(
	ctx: ParseContext,
	out: ParsedTables,
	_identity: DocumentIdentity
): void {
	recognizeProjects(ctx, out);
	recognizeNarrativePlans(ctx, out);
	recognizeDepartmentIndicators(ctx, out.indicators);
	// Department-level indicators (from a table and/or the text) are numbered together.
	let seq = 0;
	for (const i of out.indicators) if (i.project_seq === null) i.seq = ++seq;
}

export function recognizeNarrative(
	ctx: ParseContext,
	out: ParsedTables,
	identity: DocumentIdentity
): void {
	const measure = identity.kind === 'final' ? 'actual' : 'budget';
	recognizeNarrativeFigures(ctx, out, identity.fiscal_year, measure);
}
