/**
 * 三公经费: parts against total in each (source, year, measure) group
 * (three_public_parts), table against narrative (three_public_narrative),
 * and a table with money beneath a note declaring it empty
 * (three_public_empty_note). Groups where the parser saw a category twice
 * are skipped: the layout was not understood, so nothing is compared.
 */
import Decimal from 'decimal.js';
import type { ThreePublicCategory, ThreePublicRecord } from '../ingest/model';
import type { RuleInput } from './context';
import { fmt, ZERO } from './money';

const TOLERANCE = new Decimal('0.005');
const NAMES: Record<ThreePublicCategory, string> = {
	total: '三公经费合计',
	outbound_travel: '因公出国（境）费',
	vehicle_purchase: '公务用车购置费',
	vehicle_operation: '公务用车运行费',
	vehicle_total: '公务用车购置及运行费',
	reception: '公务接待费'
};

type Group = Map<ThreePublicCategory, ThreePublicRecord>;

function groups(records: readonly ThreePublicRecord[]): Map<string, Group> {
	const out = new Map<string, Group>();
	const broken = new Set<string>();
	for (const r of records) {
		const key = `${r.source}|${r.fiscal_year ?? ''}|${r.measure}`;
		const g = out.get(key) ?? new Map<ThreePublicCategory, ThreePublicRecord>();
		if (g.has(r.category)) broken.add(key);
		g.set(r.category, r);
		out.set(key, g);
	}
	for (const k of broken) out.delete(k);
	return out;
}

const val = (g: Group, c: ThreePublicCategory): Decimal => g.get(c)?.amount ?? ZERO;

export function threePublicRules(input: RuleInput): void {
	const all = groups(input.doc.tables.three_public);
	for (const [key, g] of all) {
		const [source, year] = key.split('|');
		const total = g.get('total');
		const label = `${year ?? ''}年${source === 'table' ? '三公经费表' : '情况说明'}`;
		const purchase = val(g, 'vehicle_purchase');
		const operation = val(g, 'vehicle_operation');
		const vt = g.get('vehicle_total');
		if (vt?.amount && (g.has('vehicle_purchase') || g.has('vehicle_operation'))) {
			const d = vt.amount.minus(purchase.plus(operation));
			if (d.abs().gt(TOLERANCE))
				input.sink.add('three_public_parts', {
					table_name: 'three_public',
					source_line: vt.source_line,
					message: `${label}中公务用车小计 ${fmt(vt.amount)} 万元不等于购置费 ${fmt(purchase)} 万元与运行费 ${fmt(operation)} 万元之和。`,
					evidence: { key, vehicle_total: vt.amount, purchase, operation, diff: d }
				});
		}
		if (total?.amount) {
			const vehicles = vt?.amount ?? purchase.plus(operation);
			const parts = val(g, 'outbound_travel').plus(vehicles).plus(val(g, 'reception'));
			const hasVehicles = g.has('vehicle_total') || g.has('vehicle_operation');
			// A table prints zero parts as blanks; a narrative may simply not mention a part.
			const anyPart =
				source === 'table'
					? g.has('outbound_travel') || g.has('reception') || hasVehicles
					: g.has('outbound_travel') && g.has('reception') && hasVehicles;
			const d = total.amount.minus(parts);
			if (anyPart && d.abs().gt(TOLERANCE))
				input.sink.add('three_public_parts', {
					table_name: 'three_public',
					source_line: total.source_line,
					message: `${label}中三公经费合计 ${fmt(total.amount)} 万元不等于各分项之和 ${fmt(parts)} 万元。`,
					evidence: {
						key,
						total: total.amount,
						outbound_travel: val(g, 'outbound_travel'),
						vehicles,
						reception: val(g, 'reception'),
						diff: d
					}
				});
		}
	}
	narrative(input, all);
	emptyNote(input);
}

function narrative(input: RuleInput, all: Map<string, Group>): void {
	for (const [key, table] of all) {
		if (!key.startsWith('table|')) continue;
		const told = all.get(`narrative|${key.slice('table|'.length)}`);
		if (!told) continue;
		for (const [category, n] of told) {
			const t = table.get(category);
			if (!t || n.amount === null) continue;
			const tv = t.amount ?? ZERO;
			const d = n.amount.minus(tv);
			if (d.abs().lte(TOLERANCE)) continue;
			input.sink.add('three_public_narrative', {
				table_name: 'three_public',
				source_line: n.source_line,
				message: `情况说明写${NAMES[category]} ${fmt(n.amount)} 万元，三公经费表（第${t.source_line}行）却为 ${fmt(tv)} 万元。`,
				evidence: {
					category,
					fiscal_year: n.fiscal_year,
					measure: n.measure,
					narrative: n.amount,
					table: tv,
					table_line: t.source_line,
					diff: d
				}
			});
		}
	}
}

/** A note within 12 lines below the 三公 table that declares the table empty while it holds money. */
function emptyNote(input: RuleInput): void {
	const rows = input.doc.tables.three_public.filter((r) => r.source === 'table');
	const totals = rows.filter((r) => r.category === 'total' && r.amount !== null && r.amount.gt(0));
	const total = totals[0];
	if (!total || totals.length > 1) return;
	const last = Math.max(...rows.map((r) => r.source_line));
	for (let no = last + 1; no <= last + 12; no++) {
		const text = input.doc.lines[no - 1]?.text ?? '';
		if (!text.includes('三公')) continue;
		if (text.includes('空表') || text.includes('无数据') || text.includes('为空')) {
			input.sink.add('three_public_empty_note', {
				table_name: 'three_public',
				source_line: no,
				message: `三公经费表合计 ${fmt(total.amount ?? ZERO)} 万元，表下说明却称该表为空或本部门无三公经费。`,
				evidence: {
					table_total: total.amount,
					table_line: total.source_line,
					note: text.trim().slice(0, 120)
				}
			});
			return;
		}
	}
}
