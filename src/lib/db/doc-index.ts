/**
 * The document index lazy loading plans with (db/load-plan.ts): per doc_id
 * its partition (fiscal_year, province) and department (queries/sql.ts
 * deptKey, plus the published name). Built from the loaded `documents` table
 * with one query, on either connector; `province` is NULL for snapshots
 * written before the column existed (schema v2, flat: never partitioned).
 */
import { deptKey } from '../queries/sql';
import type { DocIndex, DocInfo } from './load-plan';
import type { Row } from './types';

/** Does the documents table have a province column? (Run on the app connection.) */
export const PROVINCE_COLUMN_SQL =
	"SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'documents' AND column_name = 'province'";

/** The index query; `hasProvince` from PROVINCE_COLUMN_SQL. */
export function docIndexSql(hasProvince: boolean): string {
	return `SELECT d.doc_id, d.fiscal_year, ${hasProvince ? 'd.province' : 'NULL::VARCHAR'} AS province, ${deptKey('d')} AS department_key, d.department_name FROM documents d WHERE d.doc_id IS NOT NULL`;
}

export function toDocIndex(rows: readonly Row[]): DocIndex {
	const index = new Map<string, DocInfo>();
	for (const r of rows) {
		index.set(String(r.doc_id), {
			fiscal_year: typeof r.fiscal_year === 'number' ? r.fiscal_year : null,
			province: typeof r.province === 'string' ? r.province : null,
			department_key: String(r.department_key ?? ''),
			department_name: typeof r.department_name === 'string' ? r.department_name : null
		});
	}
	return index;
}
