/**
 * Where the document list comes from: the snapshot's `rollup_documents`
 * (loaded when it opens, so listing 100,000 documents reads no other table),
 * or — for snapshots written before rollups, and after documents were
 * dropped onto the page (the rollup does not hold them) — overviewQuery()
 * computed over the loaded tables ('live').
 */
import type { OverviewSource } from '$lib/queries/overview-pages';
import { session } from './session.svelte';

let hasRollup: Promise<boolean> | null = null;

export async function overviewSource(): Promise<OverviewSource> {
	const conn = await session.ready();
	hasRollup ??= conn.tables().then(
		(names) => names.includes('rollup_documents'),
		() => false
	);
	return session.version === 0 && (await hasRollup) ? 'rollup' : 'live';
}
