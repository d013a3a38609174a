/**
 * Seeded pseudo-random numbers for the synthetic corpus (mulberry32): the
 * same seed gives the same corpus on every machine. No Math.random.
 */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0 || 0x9e3779b9;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max] (inclusive). */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		const item = items[Math.floor(this.next() * items.length)];
		if (item === undefined) throw new Error('pick from an empty list');
		return item;
	}

	/** k distinct items in their original order. */
	sample<T>(items: readonly T[], k: number): T[] {
		const idx = items.map((_, i) => i);
		for (let i = idx.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
		}
		return idx
			.slice(0, Math.min(k, items.length))
			.sort((a, b) => a - b)
			.map((i) => items[i] as T);
	}

	/** A child generator with its own stream (stable under changes elsewhere). */
	fork(salt: number): Prng {
		return new Prng(Math.imul(this.int(0, 0x7fffffff) ^ salt, 2654435761));
	}
}
