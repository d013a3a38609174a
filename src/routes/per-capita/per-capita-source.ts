/**
 * Where the 人均成本 view reads its rows: the snapshot's `rollup_per_capita`
 * (precomputed by the writer over the whole snapshot; created empty when the
 * snapshot opens and fetched on first use, see db/browser.ts), or — for
 * snapshots written before that rollup, and once documents were dropped onto
 * the page (the rollup does not hold them) — perCapitaQuery() computed over
 * the loaded tables ('live'). Same rows either way (tests/unit/per-capita-rollup.test.ts).
 */
import { session } from '$lib/components/session.svelte';
import { PER_CAPITA_ROLLUP, type PerCapitaSource } from '$lib/queries/per-capita';

/** Per snapshot id: whether its connector has the rollup table. */
const hasRollup = new Map<string, Promise<boolean>>();

export async function perCapitaSource(): Promise<PerCapitaSource> {
	const conn = await session.ready();
	const id = session.snapshotId ?? '';
	let has = hasRollup.get(id);
	if (!has) {
		has = conn.tables().then(
			(names) => names.includes(PER_CAPITA_ROLLUP),
			() => false
		);
		hasRollup.set(id, has);
	}
	return session.version === 0 && (await has) ? 'rollup' : 'live';
}
