/**
 * Where the 人均成本 view reads its rows: the snapshot's `rollup_per_capita`
 * and its siblings rollup_per_capita_groups / _departments (all three
 * needed; precomputed by the writer over the whole snapshot; created empty when the
 * snapshot opens and fetched on first use, see db/browser.ts), or — for
 * snapshots written before that rollup, and once documents were dropped onto
 * the page (the rollup does not hold them) — perCapitaQuery() computed over
 * the loaded tables ('live'). Same rows either way (tests/unit/per-capita-rollup.test.ts).
 */
import { session } from '$lib/components/session.svelte';
import { PER_CAPITA_ROLLUPS, type PerCapitaSource } from '$lib/queries/per-capita';

/** Per snapshot id: whether its connector has the three per-capita rollups. */
const hasRollup = new Map<string, Promise<boolean>>();

export async function perCapitaSource(): Promise<PerCapitaSource> {
	const conn = await session.ready();
	const id = session.snapshotId ?? '';
	let has = hasRollup.get(id);
	if (!has) {
		has = conn.tables().then(
			(names) => PER_CAPITA_ROLLUPS.every((r) => names.includes(r)),
			() => false
		);
		hasRollup.set(id, has);
	}
	return session.version === 0 && (await has) ? 'rollup' : 'live';
}
