/**
 * IndicatorTable: turns the rows under a `一级指标 │ 二级指标 │ 三级指标 │ …`
 * header into IndicatorRecords. Handles what the extraction does to these
 * tables: the header repeated after a page break, 一级/二级指标 left blank
 * (filled down), rows whose first cell was dropped so everything shifts left
 * (a 二级指标 such as `成本指标` in the 一级指标 column), wrapped cells
 * continued on the first row after a page break (`││均成本│││`, possibly a
 * fragment the previous row already printed), and rows without a header.
 */
import type { ParseContext } from '../../context';
import type { IndicatorRecord } from '../../model';
import { parseTarget } from '../../normalize/target';
import { isLevel1, isLevel2Like, joinWrapped, squash, unwrapCjk } from './labels';

export interface ColumnMap {
	level1: number;
	level2: number;
	name: number;
	description: number | null;
	target: number;
	basis: number | null;
}

/** Hebei/national column order, used when indicator rows come without a header. */
export const DEFAULT_COLUMNS: ColumnMap = {
	level1: 0,
	level2: 1,
	name: 2,
	description: 3,
	target: 4,
	basis: 5
};

export function columnsFromHeader(cells: string[]): ColumnMap | null {
	const s = cells.map(squash);
	const find = (pred: (c: string) => boolean): number | null => {
		const i = s.findIndex(pred);
		return i < 0 ? null : i;
	};
	const level1 = find((c) => c === '一级指标');
	const level2 = find((c) => c === '二级指标');
	const name = find((c) => c === '三级指标');
	const target = find((c) => /指标值$/.test(c) || c === '目标值');
	if (level1 === null || level2 === null || name === null || target === null) return null;
	return {
		level1,
		level2,
		name,
		description: find((c) => c.includes('指标描述') || c === '指标内容' || c === '指标解释'),
		target,
		basis: find((c) => c.includes('确定依据') || c === '依据')
	};
}

type Field = 'level2' | 'name' | 'description' | 'target_raw' | 'basis';

export class IndicatorTable {
	readonly records: IndicatorRecord[] = [];
	private cols: ColumnMap | null = null;
	private level1: string | null = null;
	private level2: string | null = null;
	private afterRepeatedHeader = false;

	constructor(
		private readonly ctx: ParseContext,
		private readonly base: Pick<IndicatorRecord, 'doc_id' | 'project_seq' | 'project_code'>
	) {}

	get hasHeader(): boolean {
		return this.cols !== null;
	}

	/** A header row; returns false when the cells do not map to the needed columns. */
	header(lineNo: number, cells: string[]): boolean {
		const cols = columnsFromHeader(cells);
		if (!cols) return false;
		this.afterRepeatedHeader = this.cols !== null || this.records.length > 0;
		this.cols = cols;
		this.ctx.claim(lineNo, 'indicators', 'header');
		return true;
	}

	/** An indicator row (or continuation); returns false when it is not one. */
	row(lineNo: number, rawCells: string[]): boolean {
		const afterHeader = this.afterRepeatedHeader;
		this.afterRepeatedHeader = false;
		if (this.cols === null) {
			if (!looksLikeIndicatorRow(rawCells)) return false;
			this.cols = DEFAULT_COLUMNS;
			this.ctx.report(
				lineNo,
				'indicators',
				'info',
				'indicator_header_missing',
				'绩效指标行前没有表头，按标准列序读取 (indicator rows without a header; standard column order assumed)'
			);
		}
		const cols = this.cols;
		let cells = rawCells;
		const at = (i: number | null): string => (i === null ? '' : (cells[i] ?? ''));
		// A dropped first cell shifts everything left: a 二级指标 lands in the 一级指标 column.
		const c1 = at(cols.level1);
		if (c1 !== '' && isLevel2Like(c1) && !(isLevel1(c1) && isLevel2Like(at(cols.level2)))) {
			cells = [...cells.slice(0, cols.level1), '', ...cells.slice(cols.level1)];
			this.ctx.report(
				lineNo,
				'indicators',
				'info',
				'row_shifted',
				`“${c1}”出现在一级指标列，整行右移一列读取 (cells shifted left by the extraction; read one column to the right)`
			);
		}
		const l1 = at(cols.level1);
		const l2 = at(cols.level2);
		const name = at(cols.name);
		const target = at(cols.target);
		const last = this.records[this.records.length - 1];
		const continuation =
			last !== undefined &&
			l1 === '' &&
			// Right after a repeated header (page break) a row without 一级/二级指标 continues
			// the previous one; elsewhere only a row with no 三级指标 does (a name without
			// a target is an indicator of its own, as in fill-down layouts).
			((afterHeader && (l2 === '' || !isLevel2Like(l2))) || (l2 === '' && name === ''));
		if (continuation) {
			this.merge(lineNo, last, cells);
			return true;
		}
		if (name === '' && target === '') return false;
		if (l1 !== '') this.level1 = squash(l1);
		if (l2 !== '') this.level2 = squash(l2);
		else if (l1 !== '') this.level2 = null;
		const rec: IndicatorRecord = {
			...this.base,
			seq: this.records.length + 1,
			level1: this.level1,
			level2: this.level2,
			name: unwrapCjk(name),
			description: unwrapCjk(at(cols.description)) || null,
			target_raw: target || null,
			target_op: null,
			target_value: null,
			target_unit: null,
			basis: at(cols.basis) || null,
			source_line: lineNo
		};
		if (rec.level1 === null || rec.level2 === null)
			this.ctx.report(
				lineNo,
				'indicators',
				'warning',
				'indicator_level_missing',
				'绩效指标缺少一级或二级指标，且无法向下填充 (level 1 or 2 missing and nothing to fill down from)'
			);
		this.setTarget(lineNo, rec);
		this.records.push(rec);
		this.ctx.claim(lineNo, 'indicators', 'data');
		return true;
	}

	private merge(lineNo: number, rec: IndicatorRecord, cells: string[]): void {
		const cols = this.cols ?? DEFAULT_COLUMNS;
		const fields: [Field, number | null][] = [
			['level2', cols.level2],
			['name', cols.name],
			['description', cols.description],
			['target_raw', cols.target],
			['basis', cols.basis]
		];
		let targetChanged = false;
		for (const [field, col] of fields) {
			const frag = col === null ? '' : (cells[col] ?? '');
			if (frag === '') continue;
			const prev = rec[field] ?? '';
			if (prev.endsWith(frag)) {
				this.ctx.report(
					lineNo,
					'indicators',
					'info',
					'continuation_overlap',
					`续行片段“${frag}”已在上一行末尾出现，不重复拼接 (wrapped fragment already printed on the previous row)`
				);
				continue;
			}
			const joined =
				field === 'name' || field === 'description'
					? unwrapCjk(joinWrapped(prev, frag))
					: joinWrapped(prev, frag);
			if (field === 'level2') {
				rec.level2 = squash(joined);
				this.level2 = rec.level2;
			} else rec[field] = joined;
			if (field === 'target_raw') targetChanged = true;
		}
		if (targetChanged) this.setTarget(lineNo, rec);
		this.ctx.claim(lineNo, 'indicators', 'continuation');
	}

	private setTarget(lineNo: number, rec: IndicatorRecord): void {
		if (rec.target_raw === null) return;
		const t = parseTarget(rec.target_raw);
		rec.target_op = t.op;
		rec.target_value = t.value;
		rec.target_unit = t.unit;
		if (t.flags.includes('doubled'))
			this.ctx.report(
				lineNo,
				'indicators',
				'warning',
				'doubled_target',
				`指标值“${rec.target_raw}”疑似提取时重复 (value printed twice by the extraction); 按${t.value === null ? '无数值' : `首个数值 ${t.value.toString()}`}读取`
			);
		if (t.flags.includes('out_of_range'))
			this.ctx.report(
				lineNo,
				'indicators',
				'warning',
				'target_out_of_range',
				`指标值“${rec.target_raw.slice(0, 60)}”的数字超出可存储范围，数值留空 (number too large to store; value left empty)`
			);
		if (t.flags.includes('multiple_values'))
			this.ctx.report(
				lineNo,
				'indicators',
				'info',
				'multiple_target_values',
				`指标值“${rec.target_raw}”含多个数值，取第一个 (several numbers; the first is used)`
			);
	}
}

/** A row that is plainly an indicator even without a header. */
export function looksLikeIndicatorRow(cells: string[]): boolean {
	const first = cells.find((c) => c !== '') ?? '';
	const filled = cells.filter((c) => c !== '').length;
	return (isLevel1(first) || isLevel2Like(first)) && filled >= 3;
}
