/**
 * Narrative 三公经费 and related figures (会议费, 培训费, 机关运行经费):
 * `2023年三公经费为9.97万元，其中：公务出国0万元，公务用车购置费0万元，
 * 公务用车运行费8.24万元，公务接待1.73万元。` becomes three_public rows with
 * source 'narrative'; `机关运行经费共计安排489.53万元` a related_expenses row.
 * See narrative-figures.ts for what counts as a stated figure.
 */
import type { ParseContext } from '../../context';
import type { ParsedTables, RelatedExpenseCategory, ThreePublicCategory } from '../../model';
import { findNarrativeFigures } from './narrative-figures';
import { narrativeStream } from './stream';

const THREE_PUBLIC: readonly (readonly [string, ThreePublicCategory])[] = [
	['三公经费', 'total'],
	['因公出国[（(]境[)）]费?', 'outbound_travel'],
	['公务出国[（(]境[)）]费?', 'outbound_travel'],
	['公务出国费?', 'outbound_travel'],
	['出国[（(]境[)）]费', 'outbound_travel'],
	['公务用?车(?:辆)?购置(?:及|和)运行(?:维护)?费?', 'vehicle_total'],
	['公务用?车(?:辆)?购置费?', 'vehicle_purchase'],
	['公务用?车(?:用车)?运行(?:维护)?费?', 'vehicle_operation'],
	['公务接待费?', 'reception']
];

const RELATED: readonly (readonly [string, RelatedExpenseCategory])[] = [
	['会议费', 'meeting'],
	['培训费', 'training'],
	['机关运行经费', 'admin_operation']
];

export function recognizeNarrativeFigures(
	ctx: ParseContext,
	out: ParsedTables,
	fiscalYear: number | null,
	defaultMeasure: 'budget' | 'actual'
): void {
	const stream = narrativeStream(ctx.lines);
	const tp = findNarrativeFigures(
		ctx,
		'three_public',
		THREE_PUBLIC,
		fiscalYear,
		defaultMeasure,
		stream
	);
	for (const f of tp) out.three_public.push({ doc_id: ctx.docId, ...f, source: 'narrative' });
	if (tp.length > 0) ctx.noteTable('three_public');
	const rel = findNarrativeFigures(
		ctx,
		'related_expenses',
		RELATED,
		fiscalYear,
		defaultMeasure,
		stream
	);
	for (const f of rel) out.related_expenses.push({ doc_id: ctx.docId, ...f, source: 'narrative' });
	if (rel.length > 0) ctx.noteTable('related_expenses');
}
