/**
 * Document identity: department, code, region, fiscal year, kind, scope,
 * layout and dominant amount unit, read from the title, the table headers
 * and the narrative.
 *
 * Department names come from labelled lines (`预算主管部门：`, `编制部门：`,
 * `编制单位：`, `预算单位：`, `部门名称：`, `部门：`) or Hebei page headers
 * (`323 秦皇岛经济技术开发区民生保障局`, possibly wrapped over two lines). Every
 * occurrence votes; wrapped or truncated copies lose to the complete ones.
 */
import { detectUnit } from '../amount';
import type { ParseContext } from '../context';
import type { AmountUnit, DocKind, Layout, Scope } from '../model';
import type { SourceLine } from '../reader/text';
import { regionFromName } from './gazetteer';

export interface DocumentIdentity {
	department_code: string | null;
	department_name: string | null;
	region: string | null;
	fiscal_year: number | null;
	kind: DocKind;
	scope: Scope;
	layout: Layout;
	amount_unit: AmountUnit;
	title: string | null;
}

const ORG_SUFFIX =
	/(局|委|委员会|办|办公室|办公厅|办事处|厅|院|会|中心|处|所|站|部|室|队|馆|校|团|社|本级|公司|集团|政府|街道|镇|乡|协会|联合会)$/;

/** Hebei page header: budget code, space, department name. */
const CODE_HEADER = /^(\d{3,9})\s+([\u4e00-\u9fa5（）()【】〔〕]{2,60})$/;

const LABELLED =
	/(?:预算主管部门|编制部门|编制单位|预算单位|部门名称|主管部门|部门)\s*[:：]\s*([^\t:：]+?)(?:\s+(?:金额)?单位\s*[:：].*)?$/;

function tally<T>(map: Map<T, number>, key: T): void {
	map.set(key, (map.get(key) ?? 0) + 1);
}

function top<T>(map: Map<T, number>): T | null {
	let best: T | null = null;
	let n = 0;
	for (const [k, c] of map) if (c > n) [best, n] = [k, c];
	return best;
}

const compact = (s: string) => s.replace(/\s+/g, '');

function nextText(lines: SourceLine[], i: number): string | null {
	for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
		const t = lines[j]?.text.trim() ?? '';
		if (t !== '') return t;
	}
	return null;
}

/** Titles such as `第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算`. */
const TITLED =
	/^(?:第[一二三四五六七八九十]+部分\s*)?([\u4e00-\u9fa5（）()]{4,40}?)\s*20\d\d\s*年度?(?:部门|单位)?(?:预算|决算)/;

interface NameVotes {
	names: Map<string, number>;
	/** Names read from document titles: used only when no label or header names one. */
	titled: Map<string, number>;
	codes: Map<string, number>;
	codeHeaders: number;
}

function collectNames(lines: SourceLine[]): NameVotes {
	const names = new Map<string, number>();
	const codes = new Map<string, number>();
	const titled = new Map<string, number>();
	let codeHeaders = 0;
	lines.forEach((line, i) => {
		const text = line.isRow ? line.cells.filter((c) => c !== '').join(' ') : line.text.trim();
		if (text.length > 80) return;
		const coded = CODE_HEADER.exec(text);
		if (coded && !/^(19|20)\d\d$/.test(coded[1] ?? '')) {
			let name = compact(coded[2] ?? '');
			// Wrapped header: the name continues on the next short line.
			const next = nextText(lines, i);
			if (!ORG_SUFFIX.test(name) && next && /^[\u4e00-\u9fa5]{1,8}$/.test(next)) name += next;
			if (ORG_SUFFIX.test(name)) {
				tally(names, name);
				tally(codes, coded[1] ?? '');
				codeHeaders++;
			}
			return;
		}
		const t = TITLED.exec(compact(text));
		if (t && ORG_SUFFIX.test(t[1] ?? '')) tally(titled, t[1] ?? '');
		const labelled = LABELLED.exec(text);
		if (labelled) {
			let name = compact(labelled[1] ?? '');
			const next = nextText(lines, i);
			if (!ORG_SUFFIX.test(name) && next && /^[\u4e00-\u9fa5]{1,10}$/.test(next)) name += next;
			if (name.length >= 2 && name.length <= 60 && ORG_SUFFIX.test(name)) tally(names, name);
		}
	});
	return { names, titled, codes, codeHeaders };
}

function fiscalYear(lines: SourceLine[]): number | null {
	const declared = new Map<number, number>();
	const joined = compact(lines.map((l) => l.text).join(''));
	for (const m of joined.matchAll(/(?:预算|决算)年度[:：](20\d\d)/g)) tally(declared, Number(m[1]));
	const d = top(declared);
	if (d !== null) return d;
	for (const l of lines.slice(0, 60)) {
		const m = /(20\d\d)\s*年/.exec(l.text);
		if (m) return Number(m[1]);
	}
	return null;
}

function layoutOf(lines: SourceLine[], codeHeaders: number): Layout {
	let hebei = 0;
	let shanghai = 0;
	let jiangsu = 0;
	for (const l of lines) {
		const t = compact(l.isRow ? (l.cells.find((c) => c !== '') ?? '') : l.text);
		if (/^部门预算.{2,30}表$/.test(t)) hebei++;
		if (
			/^\d{4}年(部门|预算单位|单位).{2,40}(预算|决算)表$/.test(t) ||
			/^编制(部门|单位)[:：]/.test(t)
		)
			shanghai++;
		// Jiangsu: `公开 01表` / `公开表一` numbering, （功能科目） suffixes, bare `收支预算总表`.
		if (
			/^公开\d{1,2}表|公开表[一二三四五六七八九十]+/.test(t) ||
			/（(功能|经济)科目）$/.test(t) ||
			/^(收支|收入|支出)预算总表/.test(t)
		)
			jiangsu++;
	}
	const best = Math.max(hebei, shanghai, jiangsu);
	if (best === 0) return codeHeaders > 0 ? 'hebei' : 'generic';
	if (best === jiangsu) return 'jiangsu';
	if (best === shanghai) return 'shanghai';
	return 'hebei';
}

function dominantUnit(lines: SourceLine[]): AmountUnit {
	let wan = 0;
	let yuan = 0;
	for (const l of lines) {
		const u = detectUnit(l.text);
		if (u === '万元') wan++;
		else if (u === '元') yuan++;
	}
	return yuan > wan ? '元' : '万元';
}

export function recognizeIdentity(ctx: ParseContext): DocumentIdentity {
	const lines = ctx.lines;
	const head = lines
		.slice(0, 40)
		.map((l) => l.text)
		.join('\n');
	const votes = collectNames(lines);
	let name = top(votes.names) ?? top(votes.titled);
	let scope: Scope = /单位预算|预算单位\s*[:：]|编制单位\s*[:：]/.test(head)
		? 'unit'
		: 'department';
	if (name && /本级$/.test(name)) {
		scope = 'unit';
		name = name.replace(/本级$/, '');
	}
	const finals = (head.match(/决算/g) ?? []).length;
	const budgets = (head.match(/预算/g) ?? []).length;
	const title = lines.find((l) => l.text.trim() !== '')?.text.trim() ?? null;
	return {
		department_code: top(votes.codes),
		department_name: name,
		region: regionFromName(name) ?? regionFromName(title),
		fiscal_year: fiscalYear(lines),
		kind: finals > budgets ? 'final' : 'budget',
		scope,
		layout: layoutOf(lines, votes.codeHeaders),
		amount_unit: dominantUnit(lines),
		title
	};
}
