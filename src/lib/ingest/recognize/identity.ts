/**
 * Document identity: department, code, region, fiscal year, kind, scope,
 * layout and dominant amount unit, read from the title, the table headers
 * and the narrative.
 */
import type { ParseContext } from '../context';
import type { AmountUnit, DocKind, Layout, Scope } from '../model';

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

export function recognizeIdentity(ctx: ParseContext): DocumentIdentity {
	const head = ctx.lines
		.slice(0, 80)
		.map((l) => l.text)
		.join('\n');
	const year = /(20\d\d)\s*年/.exec(head);
	return {
		department_code: null,
		department_name: null,
		region: null,
		fiscal_year: year ? Number(year[1]) : null,
		kind: /决算/.test(head) ? 'final' : 'budget',
		scope: /单位预算/.test(head) ? 'unit' : 'department',
		layout: 'generic',
		amount_unit: '万元',
		title: ctx.lines.find((l) => l.text.trim() !== '')?.text.trim() ?? null
	};
}
