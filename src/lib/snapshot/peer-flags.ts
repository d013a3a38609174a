/**
 * Peer flags at snapshot time (Node only): loads the documents into an
 * in-memory DuckDB (db/node), runs the peer rules of src/lib/rules/sql and
 * returns copies of the documents whose `flags` also hold the peer flags,
 * so the snapshot's `flags` table ships with them. Documents whose flags
 * are missing (parsed before the engine existed) get their single-document
 * flags first. Rows are sorted by flag_id: same inputs → same flags.
 */
import { emptyTables, type FlagRecord, type ParsedDocument, type Severity } from '../ingest/model';
import { openNodeConnector } from '../db/node';
import { documentFlags } from '../rules';
import { peerRuleStatements } from '../rules/sql';
import { PEER_RULE_IDS } from '../rules/catalogue';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Only the tables the peer rules read: loading source lines and issues would dominate the time. */
function slim(d: ParsedDocument): ParsedDocument {
	const t = emptyTables();
	t.indicators = d.tables.indicators;
	t.projects = d.tables.projects;
	t.three_public = d.tables.three_public;
	t.expenditure_by_function = d.tables.expenditure_by_function;
	return { ...d, tables: t, issues: [], lines: [], flags: [] };
}

export async function withPeerFlags(docs: readonly ParsedDocument[]): Promise<ParsedDocument[]> {
	const own = docs.map((d) => ({
		...d,
		flags: (d.flags ?? documentFlags(d)).filter((f) => !PEER_RULE_IDS.includes(f.rule_id))
	}));
	if (own.length === 0) return own;
	const conn = await openNodeConnector({});
	const peers: FlagRecord[] = [];
	try {
		await conn.addDocuments(own.map(slim));
		for (const { statement } of peerRuleStatements()) {
			const result = await conn.query(statement);
			for (const r of result.rows)
				peers.push({
					flag_id: String(r.flag_id),
					rule_id: String(r.rule_id),
					severity: String(r.severity) as Severity,
					doc_id: String(r.doc_id),
					project_code: str(r.project_code),
					table_name: str(r.table_name),
					source_line: typeof r.source_line === 'number' ? r.source_line : null,
					message: String(r.message),
					evidence: str(r.evidence)
				});
		}
	} finally {
		await conn.close();
	}
	peers.sort((a, b) => (a.flag_id < b.flag_id ? -1 : a.flag_id > b.flag_id ? 1 : 0));
	const byDoc = new Map<string, FlagRecord[]>();
	for (const f of peers) {
		const list = byDoc.get(f.doc_id);
		if (list) list.push(f);
		else byDoc.set(f.doc_id, [f]);
	}
	return own.map((d) => ({ ...d, flags: [...d.flags, ...(byDoc.get(d.document.doc_id) ?? [])] }));
}
