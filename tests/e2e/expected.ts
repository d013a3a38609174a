/**
 * Expected figures for the browser tests, read from the committed default
 * snapshot with the Node connector (the same SQL engine as the browser), so
 * the tests follow the snapshot instead of hard-coding it.
 */
import path from 'node:path';
import { openNodeConnector } from '../../src/lib/db/node';
import type { Row } from '../../src/lib/db/types';

export const SNAPSHOT_DIR = path.resolve(process.cwd(), 'static/data/default');

export async function snapshotRows(sql: string): Promise<Row[]> {
	const conn = await openNodeConnector({ parquetDir: SNAPSHOT_DIR });
	try {
		return (await conn.query(sql)).rows;
	} finally {
		await conn.close();
	}
}

/** "6473.0300" → "6,473.03" (same rule as the app's amountText). */
export function shown(v: unknown): string {
	const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(v));
	if (!m) return String(v);
	let f = (m[3] ?? '').replace(/0+$/, '');
	if (f.length < 2) f = f.padEnd(2, '0');
	return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}
