/**
 * parseDocument: the ingest pipeline for one document.
 *
 *   reader (text → numbered lines and cells)
 *     → recognizers (identity, financial tables, performance tables, narrative)
 *       → normalized records (model.ts) + parse issues + row accounting
 *
 * Pure TypeScript with no Node-only imports: the browser runs the same code
 * when a user drops a document onto the page.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ParseContext } from './context';
import { emptyTables, type ParsedDocument, type ParsedTables } from './model';
import { decodeText, readText, type SourceText } from './reader/text';
import { departmentKey } from './recognize/department-key';
import { recognizeFinancialTables } from './recognize/financial';
import { expectedTables, missingTables } from './recognize/financial/standard';
import { recognizeIdentity } from './recognize/identity';
import { recognizeNarrative, recognizePerformance } from './recognize/performance';
import { runDocumentRules } from '../rules';

export interface DocumentInput {
	/** File name shown in messages and stored as documents.source_name. */
	name: string;
	bytes: Uint8Array;
}

export function parseDocument(input: DocumentInput): ParsedDocument {
	const text = decodeText(input.name, input.bytes);
	return parseSource(input, readText(input.name, text));
}

/**
 * The recognizer pipeline over a source already read into numbered lines:
 * used by parseDocument (text) and parsePdf (parse-pdf.ts). doc_id and
 * sha256 come from the original bytes.
 */
export function parseSource(input: DocumentInput, source: SourceText): ParsedDocument {
	const hash = bytesToHex(sha256(input.bytes));
	const docId = hash.slice(0, 16);
	const ctx = new ParseContext(docId, source);
	const identity = recognizeIdentity(ctx);
	const tables = emptyTables();
	const printed = recognizeFinancialTables(ctx, tables, identity);
	stampMeasure(tables, identity.kind === 'final' ? 'actual' : 'budget');
	const expected = expectedTables(identity.kind, identity.layout, identity.fiscal_year);
	recognizePerformance(ctx, tables, identity);
	recognizeNarrative(ctx, tables, identity);
	const accounting = ctx.finish();
	const doc: ParsedDocument = {
		document: {
			doc_id: docId,
			source_name: input.name,
			sha256: hash,
			...identity,
			line_count: source.lines.length,
			...accounting,
			tables_found: ctx.tablesFound.join(','),
			department_key: departmentKey(identity.department_name, identity.region),
			tables_expected: expected.join(','),
			tables_missing: missingTables(expected, printed).join(',')
		},
		tables,
		issues: ctx.issues,
		lines: source.lines.map((l) => ({ doc_id: docId, line_no: l.no, text: l.text })),
		accounting
	};
	// The outlier engine's single-document rules (src/lib/rules).
	const rules = runDocumentRules(doc);
	doc.flags = rules.flags;
	for (const f of rules.failures)
		ctx.report(
			null,
			'flags',
			'error',
			'rule_error',
			`规则组 ${f.group} 出错，已跳过 (rule group failed): ${f.message}`
		);
	return doc;
}

/**
 * Budget documents print 预算数, final accounts 决算数: the classified and
 * summary tables carry the document's measure (三公 and related expenses set
 * theirs per column, since 决算 三公 tables print both).
 */
function stampMeasure(tables: ParsedTables, measure: 'budget' | 'actual'): void {
	for (const list of [
		tables.summary,
		tables.income_by_function,
		tables.expenditure_by_function,
		tables.appropriation_by_function,
		tables.basic_by_economic
	])
		for (const r of list) r.measure ??= measure;
}

/** Convenience for tests and the browser: parse a string. */
export function parseText(name: string, text: string): ParsedDocument {
	return parseDocument({ name, bytes: new TextEncoder().encode(text) });
}
