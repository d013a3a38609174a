/**
 * Reactive query helper for views: `watch(() => thunk | null)` re-runs the
 * thunk whenever the reactive values read inside the getter change (URL
 * state, session.version…), keeps only the latest answer, and exposes
 * `data`, `error` and `loading`. Must be called during component setup.
 */
import { errorText, session } from './session.svelte';

export class Watched<T> {
	data = $state<T | null>(null);
	error = $state<string | null>(null);
	loading = $state(false);
}

export function watch<T>(getter: () => (() => Promise<T>) | null): Watched<T> {
	const w = new Watched<T>();
	let token = 0;
	$effect(() => {
		void session.version;
		const thunk = getter();
		const mine = ++token;
		if (!thunk) {
			w.data = null;
			w.loading = false;
			return;
		}
		w.loading = true;
		thunk().then(
			(d) => {
				if (mine !== token) return;
				w.data = d;
				w.error = null;
				w.loading = false;
			},
			(e: unknown) => {
				if (mine !== token) return;
				w.error = errorText(e);
				w.loading = false;
			}
		);
	});
	return w;
}
