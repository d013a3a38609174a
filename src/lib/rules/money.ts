/** Small exact-decimal helpers the figure rules share (万元, decimal.js). */
import Decimal from 'decimal.js';

export const ZERO = new Decimal(0);
/** Largest difference read as a rounding residue (0.01 万元). */
export const RESIDUE = new Decimal('0.01');

export function sum(values: readonly (Decimal | null)[]): Decimal {
	return values.reduce<Decimal>((a, v) => (v === null ? a : a.plus(v)), ZERO);
}

export function fmt(d: Decimal): string {
	return d.toFixed();
}
