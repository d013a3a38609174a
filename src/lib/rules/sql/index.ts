/**
 * The peer rules (SQL) and how to run them over a loaded database:
 * `peerRuleStatements()` lists one SELECT per rule producing `flags` rows;
 * `refreshPeerFlagsStatements()` deletes the peer flags and inserts them
 * again, for a loader to run after documents are added (browser drop or
 * Node addDocuments). The snapshot build runs the same SELECTs once so the
 * default snapshot ships with them. No DuckDB import: plain statements.
 */
import type { Statement } from '../../db/types';
import type { PerCapitaSource } from '../../queries/per-capita';
import { PEER_RULE_IDS } from '../catalogue';
import { perCapitaOutlierSql, shareJumpSql, targetConflictSql, threePublicJumpSql } from './peers';

export { qualityByProjectQuery, qualityByDepartmentQuery } from './quality';

export const FLAG_COLUMN_LIST =
	'flag_id, rule_id, severity, doc_id, project_code, table_name, source_line, message, evidence';

/**
 * `perCapita`: where peer_per_capita_outlier reads the per-capita rows —
 * 'rollup' once the writer built rollup_per_capita (snapshot/rollups.ts),
 * 'live' otherwise (browser drop, Node addDocuments).
 */
export function peerRuleStatements(
	perCapita: PerCapitaSource = 'live'
): { ruleId: string; statement: Statement }[] {
	return [
		{ ruleId: 'peer_per_capita_outlier', statement: perCapitaOutlierSql(perCapita) },
		{ ruleId: 'peer_target_conflict', statement: targetConflictSql() },
		{ ruleId: 'peer_three_public_jump', statement: threePublicJumpSql() },
		{ ruleId: 'peer_share_jump', statement: shareJumpSql() }
	];
}

const insertFlags = (statement: Statement): Statement => ({
	sql: `INSERT INTO flags (${FLAG_COLUMN_LIST}) SELECT ${FLAG_COLUMN_LIST} FROM (${statement.sql})`,
	params: statement.params
});

const deletePeerFlags = (): Statement => ({
	sql: `DELETE FROM flags WHERE rule_id IN (${PEER_RULE_IDS.map((id) => `'${id}'`).join(', ')})`,
	params: []
});

/** DELETE the peer flags, then INSERT each peer rule's rows. Run inside one transaction. */
export function refreshPeerFlagsStatements(perCapita: PerCapitaSource = 'live'): Statement[] {
	return [deletePeerFlags(), ...peerRuleStatements(perCapita).map((r) => insertFlags(r.statement))];
}

/**
 * The snapshot writer's version of refreshPeerFlagsStatements, each with a
 * label for progress and errors: the same rows, but peer_target_conflict runs
 * once per fiscal year in `years` (it compares within one department and one
 * year; in one statement at 100,000 documents it ran out of DuckDB's 512MB).
 */
export function writerPeerFlagsStatements(
	perCapita: PerCapitaSource,
	years: readonly (number | null)[]
): { label: string; statement: Statement }[] {
	return [
		{ label: 'delete', statement: deletePeerFlags() },
		...peerRuleStatements(perCapita).flatMap(({ ruleId, statement }) =>
			ruleId === 'peer_target_conflict'
				? years.map((y) => ({
						label: `${ruleId} ${y ?? '无年度'}`,
						statement: insertFlags(targetConflictSql(y))
					}))
				: [{ label: ruleId, statement: insertFlags(statement) }]
		)
	];
}
