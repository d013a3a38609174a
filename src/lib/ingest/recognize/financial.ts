/**
 * Recognizers for the standard financial tables (收支总表, 收入总表, 支出总表,
 * 财政拨款收支总表, 一般公共预算支出表, 基本支出经济分类表, 政府性基金, 国有资本经营,
 * “三公”经费 and its siblings, 政府采购, 国有资产).
 */
import type { ParseContext } from '../context';
import type { ParsedTables } from '../model';
import type { DocumentIdentity } from './identity';

export function recognizeFinancialTables(
	_ctx: ParseContext,
	_out: ParsedTables,
	_identity: DocumentIdentity
): void {
	// Implemented in the financial-tables work (see docs/architecture.md).
}
