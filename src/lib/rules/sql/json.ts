/**
 * SQL helpers for the peer rules: JSON text built by string concatenation
 * (no dependency on DuckDB's json extension, which the locked-down browser
 * engine may not load), and the common SELECT list of a flag row.
 */

/** SQL: a JSON string literal of a text expression (NULL → null). */
export function jsonText(expr: string): string {
	return `CASE WHEN (${expr}) IS NULL THEN 'null' ELSE '"' || replace(replace(replace(replace((${expr})::VARCHAR, '\\', '\\\\'), '"', '\\"'), chr(10), '\\n'), chr(9), '\\t') || '"' END`;
}

/** SQL: a JSON object from [key, sqlExpression] pairs; every value is emitted as a JSON string. */
export function jsonObject(pairs: readonly (readonly [string, string])[]): string {
	const parts = pairs.map(([k, v], i) => `'${i === 0 ? '' : ','}"${k}":' || ${jsonText(v)}`);
	return `'{' || ${parts.join(' || ')} || '}'`;
}

/**
 * The SELECT list of a flags row. `line`, `doc`, `project`, `table`,
 * `message`, `evidence` are SQL expressions over the rule's last CTE.
 */
export function flagColumns(
	ruleId: string,
	severity: string,
	e: {
		doc: string;
		project: string;
		table: string;
		line: string;
		message: string;
		evidence: string;
	}
): string {
	return `'${ruleId}' || ':' || ${e.doc} || ':' || coalesce((${e.line})::VARCHAR, '0') || ':' ||
		row_number() OVER (PARTITION BY ${e.doc}, ${e.line} ORDER BY ${e.message})::VARCHAR AS flag_id,
	'${ruleId}' AS rule_id, '${severity}' AS severity, ${e.doc} AS doc_id,
	${e.project} AS project_code, ${e.table} AS table_name, (${e.line})::INTEGER AS source_line,
	${e.message} AS message, ${e.evidence} AS evidence`;
}
