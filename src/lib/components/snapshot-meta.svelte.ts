/**
 * Which snapshot the app opened and what its manifest says, read before
 * DuckDB starts: the folder name (URL parameter `data`, default `default`),
 * its URL under /data/, whether it is synthetic (banner and 【合成】 title) and
 * whether it carries rollups (the overview's first chart). Untrusted JSON:
 * only the fields used here are read, each checked.
 */
import { dataUrl, DEFAULT_DATA, manifestFacts, type ManifestFacts } from './snapshot-data';

export { dataName, dataUrl, DEFAULT_DATA } from './snapshot-data';

class SnapshotMeta {
	/** Folder name under /data/. */
	name = $state(DEFAULT_DATA);
	/** The manifest JSON once fetched (null before, or when it could not be read). */
	manifest = $state.raw<unknown>(null);
	facts = $state<ManifestFacts>({
		synthetic: false,
		hasRollupOverview: false,
		documentCount: null
	});
	#loading: Promise<unknown> | null = null;

	/** Fetch `/data/<name>/manifest.json` once (the connector reads it too; the browser caches it). */
	load(name: string): Promise<unknown> {
		if (this.#loading) return this.#loading;
		this.name = name;
		this.#loading = fetch(`${dataUrl(name)}/manifest.json`)
			.then((res) => (res.ok ? res.json() : null))
			.catch(() => null)
			.then((json: unknown) => {
				this.manifest = json;
				this.facts = manifestFacts(json);
				return json;
			});
		return this.#loading;
	}
}

export const snapshotMeta = new SnapshotMeta();
