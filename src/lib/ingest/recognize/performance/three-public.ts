/**
 * Narrative 三公经费 figures: `2023年三公经费为9.97万元，其中：公务出国0万元，
 * 公务用车购置费0万元，公务用车运行费8.24万元，公务接待1.73万元。` becomes
 * three_public rows with source 'narrative'. The year is the one the sentence
 * states (not a `比2023年` comparison), else the document's fiscal year.
 * Only figures printed next to their category are taken: changes
 * (`比2023年预算增加25万元`), shares (`占…8.75%`) and "持平" are never turned
 * into figures. Figures in 万元; 决算 wording gives measure 'actual'.
 */
import Decimal from 'decimal.js';
import type { ParseContext } from '../../context';
import type { ParsedTables, ThreePublicCategory, ThreePublicRecord } from '../../model';
import { narrativeStream, sentenceStart } from './stream';

const CATEGORIES: readonly (readonly [string, ThreePublicCategory])[] = [
	['三公经费', 'total'],
	['因公出国[（(]境[)）]费?', 'outbound_travel'],
	['公务出国[（(]境[)）]费?', 'outbound_travel'],
	['公务出国费?', 'outbound_travel'],
	['出国[（(]境[)）]费', 'outbound_travel'],
	['公务用?车(?:辆)?购置(?:及|和)运行(?:维护)?费?', 'vehicle_total'],
	['公务用?车(?:辆)?购置费?', 'vehicle_purchase'],
	['公务用?车(?:用车)?运行(?:维护)?费?', 'vehicle_operation'],
	['公务接待费?', 'reception']
];

const PATTERN = new RegExp(
	`(${CATEGORIES.map(([p]) => `(?:${p})`).join('|')})([^\\d，。；;,%、\\n]{0,20}?)(\\d+(?:\\.\\d+)?)(万元|(?=[，。；;,]))`,
	'g'
);
const FORBIDDEN_FILLER = /比|较|增|减|降|占|完成|平均|人均|变化|差/;
const YEAR = /(20\d\d)年/g;
const FOLLOWING_ACTUAL = /^[，,]支出决算(?:数)?为(\d+(?:\.\d+)?)万元/;

function categoryOf(keyword: string): ThreePublicCategory | null {
	for (const [p, c] of CATEGORIES) if (new RegExp(`^(?:${p})$`).test(keyword)) return c;
	return null;
}

function yearBefore(text: string, index: number): number | null {
	const start = sentenceStart(text, index);
	const sentence = text.slice(start, index);
	let year: number | null = null;
	for (const m of sentence.matchAll(YEAR)) {
		const before = sentence[(m.index ?? 0) - 1] ?? '';
		if (/[比较与同至和上]/.test(before)) continue;
		year = Number(m[1]);
	}
	return year;
}

export function recognizeThreePublicNarrative(
	ctx: ParseContext,
	out: ParsedTables,
	fiscalYear: number | null,
	defaultMeasure: 'budget' | 'actual'
): void {
	const stream = narrativeStream(ctx.lines);
	const { text, lineOf } = stream;
	const seen = new Map<string, ThreePublicRecord>();
	const add = (rec: ThreePublicRecord) => {
		const key = `${rec.fiscal_year}|${rec.category}|${rec.measure}`;
		const prev = seen.get(key);
		if (prev === undefined) {
			seen.set(key, rec);
			out.three_public.push(rec);
		} else if (prev.amount !== null && rec.amount !== null && !prev.amount.equals(rec.amount)) {
			ctx.report(
				rec.source_line,
				'three_public',
				'warning',
				'narrative_conflict',
				`说明中${rec.fiscal_year ?? ''}年“三公”经费 ${rec.category} 出现不同数字：${prev.amount.toString()} 与 ${rec.amount.toString()} 万元，保留前者 (conflicting narrative figures; the first is kept)`
			);
		}
	};
	for (const m of text.matchAll(PATTERN)) {
		const index = m.index ?? 0;
		const keyword = m[1] ?? '';
		const filler = m[2] ?? '';
		const category = categoryOf(keyword);
		if (category === null || FORBIDDEN_FILLER.test(filler)) continue;
		const year = yearBefore(text, index) ?? fiscalYear;
		const measure = /决算|实际支出/.test(filler)
			? 'actual'
			: /预算/.test(filler)
				? 'budget'
				: defaultMeasure;
		const line = lineOf[index] ?? 0;
		add({
			doc_id: ctx.docId,
			fiscal_year: year,
			category,
			amount: new Decimal(m[3] ?? '0'),
			source: 'narrative',
			measure,
			source_line: line
		});
		// `…年初预算为2.85万元，支出决算为0.39万元`: the same category's actual figure.
		const follow = FOLLOWING_ACTUAL.exec(text.slice(index + m[0].length, index + m[0].length + 40));
		if (follow && measure === 'budget')
			add({
				doc_id: ctx.docId,
				fiscal_year: year,
				category,
				amount: new Decimal(follow[1] ?? '0'),
				source: 'narrative',
				measure: 'actual',
				source_line: line
			});
	}
	if (seen.size > 0) ctx.noteTable('three_public');
}
