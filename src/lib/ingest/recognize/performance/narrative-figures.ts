/**
 * findNarrativeFigures: amounts the narrative states next to a category
 * keyword, e.g. `2023年三公经费为9.97万元，其中：公务出国0万元…` or
 * `机关运行经费共计安排489.53万元`. The year is the one the sentence states
 * (not a `比2023年` comparison), else the document's fiscal year. Only a
 * figure printed right after its category (a short filler such as `预算数为`)
 * is taken: changes (`比2023年预算增加25万元`, `减少0.23万元`), shares
 * (`占…8.75%`) and "持平" are never turned into figures. Figures are 万元;
 * 决算 wording gives measure 'actual'. Duplicates keep the first figure and
 * conflicting ones are reported.
 */
import Decimal from 'decimal.js';
import type { ParseContext } from '../../context';
import { fitsSnapshotDecimal } from '../../normalize/target';
import { narrativeStream, sentenceStart, type NarrativeStream } from './stream';

export interface NarrativeFigure<C extends string> {
	category: C;
	fiscal_year: number | null;
	measure: 'budget' | 'actual';
	amount: Decimal;
	source_line: number;
}

const AMOUNT = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const FORBIDDEN_FILLER = /比|较|增|减|降|占|完成|平均|人均|变化|差|压缩|节约/;
const YEAR = /(20\d\d)年/g;
const FOLLOWING_ACTUAL = new RegExp(`^[，,]支出决算(?:数)?为${AMOUNT}万元`);

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

const toDecimal = (s: string) => new Decimal(s.replace(/,/g, ''));

/**
 * `categories`: [keyword regex source, category] pairs, more specific first
 * (`公务用车购置及运行费` before `公务用车购置费`).
 */
export function findNarrativeFigures<C extends string>(
	ctx: ParseContext,
	table: string,
	categories: readonly (readonly [string, C])[],
	fiscalYear: number | null,
	defaultMeasure: 'budget' | 'actual',
	stream: NarrativeStream = narrativeStream(ctx.lines)
): NarrativeFigure<C>[] {
	const { text, lineOf } = stream;
	const pattern = new RegExp(
		`(${categories.map(([p]) => `(?:${p})`).join('|')})([^\\d，。；;,%、\\n]{0,20}?)${AMOUNT}(万元|(?=[，。；;,]))`,
		'g'
	);
	const exact = categories.map(([p, c]) => [new RegExp(`^(?:${p})$`), c] as const);
	const out: NarrativeFigure<C>[] = [];
	const seen = new Map<string, NarrativeFigure<C>>();
	const add = (f: NarrativeFigure<C>) => {
		if (!fitsSnapshotDecimal(f.amount)) {
			ctx.report(
				f.source_line,
				table,
				'warning',
				'figure_out_of_range',
				`说明中的金额 ${f.amount.toString().slice(0, 40)}… 万元超出可存储范围，未记录 (figure too large to store)`
			);
			return;
		}
		const key = `${f.fiscal_year}|${f.category}|${f.measure}`;
		const prev = seen.get(key);
		if (prev === undefined) {
			seen.set(key, f);
			out.push(f);
		} else if (!prev.amount.equals(f.amount)) {
			ctx.report(
				f.source_line,
				table,
				'warning',
				'narrative_conflict',
				`说明中${f.fiscal_year ?? ''}年 ${f.category} 出现不同数字：${prev.amount.toString()} 与 ${f.amount.toString()} 万元，保留前者 (conflicting narrative figures; the first is kept)`
			);
		}
	};
	for (const m of text.matchAll(pattern)) {
		const index = m.index ?? 0;
		const keyword = m[1] ?? '';
		const filler = m[2] ?? '';
		const category = exact.find(([re]) => re.test(keyword))?.[1];
		if (category === undefined || FORBIDDEN_FILLER.test(filler)) continue;
		const year = yearBefore(text, index) ?? fiscalYear;
		const measure = /决算|实际支出/.test(filler)
			? 'actual'
			: /预算/.test(filler)
				? 'budget'
				: defaultMeasure;
		const line = lineOf[index] ?? 0;
		add({
			category,
			fiscal_year: year,
			measure,
			amount: toDecimal(m[3] ?? '0'),
			source_line: line
		});
		// `…年初预算为2.85万元，支出决算为0.39万元`: the same category's actual figure.
		const end = index + m[0].length;
		const follow = FOLLOWING_ACTUAL.exec(text.slice(end, end + 40));
		if (follow && measure === 'budget')
			add({
				category,
				fiscal_year: year,
				measure: 'actual',
				amount: toDecimal(follow[1] ?? '0'),
				source_line: line
			});
	}
	return out;
}
