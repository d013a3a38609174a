/**
 * Recognizers for project 绩效目标表 and the department-level 整体绩效目标, plus
 * narrative figures (prior-year 三公经费 stated only in the text).
 */
import type { ParseContext } from '../context';
import type { ParsedTables } from '../model';
import type { DocumentIdentity } from './identity';

export function recognizePerformance(
	_ctx: ParseContext,
	_out: ParsedTables,
	_identity: DocumentIdentity
): void {
	// Implemented in the performance-tables work.
}

export function recognizeNarrative(
	_ctx: ParseContext,
	_out: ParsedTables,
	_identity: DocumentIdentity
): void {
	// Implemented in the performance-tables work.
}
