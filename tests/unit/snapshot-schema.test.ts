/** The snapshot schema agrees with model.ts, and rows.ts converts records exactly. */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { RECORD_TABLES, type ParsedDocument } from '../../src/lib/ingest/model';
import { documentRows } from '../../src/lib/schema/rows';
import { createTableSql, TABLES, tableDef } from '../../src/lib/schema/tables';
import { SAMPLES, sampleDocument } from './snapshot-fixtures';

describe('schema vs model.ts', () => {
	it('has exactly the tables of model.ts', () => {
		// SAMPLES is a Record<TableName, …>: TypeScript makes it list every TableName.
		expect(TABLES.map((t) => t.name).sort()).toEqual(Object.keys(SAMPLES).sort());
		for (const t of ['documents', ...RECORD_TABLES, 'source_lines', 'parse_issues'])
			expect(TABLES.map((d) => d.name)).toContain(t);
	});

	for (const table of TABLES) {
		it(`${table.name}: columns match a fully populated record, with matching types`, () => {
			const sample = SAMPLES[table.name] as Record<string, unknown>;
			expect(table.columns.map((c) => c.name).sort()).toEqual(Object.keys(sample).sort());
			for (const col of table.columns) {
				const v = sample[col.name];
				const expected = Decimal.isDecimal(v)
					? /^DECIMAL\(18,[46]\)$/
					: typeof v === 'number'
						? /^INTEGER$/
						: /^VARCHAR$/;
				expect(col.type, `${table.name}.${col.name}`).toMatch(expected);
				expect(col.zh.length, `${table.name}.${col.name} zh`).toBeGreaterThan(0);
				expect(col.en.length, `${table.name}.${col.name} en`).toBeGreaterThan(0);
			}
			for (const key of table.orderBy) expect(table.columns.map((c) => c.name)).toContain(key);
		});
	}

	it('stores money as DECIMAL(18,4) and never as a float type', () => {
		const money = ['amount', 'total', 'basic', 'project', 'general', 'carryover', 'unit_price'];
		for (const table of TABLES)
			for (const col of table.columns) {
				expect(col.type).not.toMatch(/DOUBLE|FLOAT|REAL/);
				if (money.includes(col.name))
					expect(col.type, `${table.name}.${col.name}`).toBe('DECIMAL(18,4)');
			}
		expect(tableDef('indicators').columns.find((c) => c.name === 'target_value')?.type).toBe(
			'DECIMAL(18,6)'
		);
	});

	it('declares NOT NULL exactly for the non-nullable columns', () => {
		const sql = createTableSql(tableDef('documents'));
		expect(sql).toContain('"doc_id" VARCHAR NOT NULL');
		expect(sql).toContain('"department_name" VARCHAR,');
		expect(sql).toContain('"fiscal_year" INTEGER,');
		expect(createTableSql(tableDef('summary'))).toContain('"amount" DECIMAL(18,4),');
	});
});

describe('documentRows', () => {
	it('converts decimals to fixed-scale strings and keeps integers and text', () => {
		const rows = documentRows(sampleDocument());
		expect(rows.summary[0]).toMatchObject({
			amount: '6473.0300',
			seq: 1,
			item: '一般公共预算拨款收入'
		});
		expect(rows.indicators[0]?.target_value).toBe('1200.000000');
		expect(rows.documents[0]).toMatchObject({
			fiscal_year: 2024,
			department_code: '323',
			region: '河北省',
			province: '河北省'
		});
		expect(rows.source_lines).toHaveLength(6);
		expect(rows.parse_issues).toHaveLength(1);
	});

	it('derives documents.province from the region (NULL when the region is NULL)', () => {
		const province = (region: string | null) =>
			documentRows(
				mutated((d) => {
					d.document.region = region;
				})
			).documents[0]?.province;
		expect(province('河北省石家庄市')).toBe('河北省');
		expect(province('上海市普陀区')).toBe('上海市');
		expect(province('江苏省')).toBe('江苏省');
		expect(province('内蒙古自治区包头市')).toBe('内蒙古自治区');
		expect(province(null)).toBeNull();
	});

	it('sorts rows by the table order keys (doc_id, source_line)', () => {
		const rows = documentRows(sampleDocument());
		expect(rows.expenditure_by_function.map((r) => r.source_line)).toEqual([2, 4]);
		expect(rows.summary.map((r) => r.source_line)).toEqual([2, 3]);
	});

	function mutated(edit: (d: ParsedDocument) => void): ParsedDocument {
		const d = sampleDocument();
		edit(d);
		return d;
	}

	it('rounds amounts beyond 4 decimals and reports it', () => {
		const rows = documentRows(
			mutated((d) => {
				d.tables.assets[0]!.amount = new Decimal('0.123456');
			})
		);
		expect(rows.assets[0]?.amount).toBe('0.1235');
		const issue = rows.parse_issues.find((i) => i.code === 'amount_rounded');
		expect(issue).toMatchObject({ table_name: 'assets', severity: 'warning', source_line: 2 });
		expect(issue?.raw).toBe('项目\t金额');
	});

	it('stores an amount too large for DECIMAL(18,4) as NULL with an error', () => {
		const rows = documentRows(
			mutated((d) => {
				d.tables.summary[0]!.amount = new Decimal('123456789012345678');
			})
		);
		const row = rows.summary.find((r) => r.seq === 1 && r.side === 'income');
		expect(row?.amount).toBeNull();
		expect(rows.parse_issues.map((i) => i.code)).toContain('amount_out_of_range');
	});

	it('turns a record the schema cannot hold into an issue with its raw line', () => {
		const rows = documentRows(
			mutated((d) => {
				(d.tables.expenditure_by_function[1] as { func_name: unknown }).func_name = null;
				(d.tables.projects[0] as { project_seq: unknown }).project_seq = 1.5;
				(d.tables.assets[0] as { amount: unknown }).amount = '12';
			})
		);
		expect(rows.expenditure_by_function).toHaveLength(1);
		expect(rows.projects).toHaveLength(0);
		expect(rows.assets).toHaveLength(0);
		const codes = rows.parse_issues.map((i) => `${i.table_name}:${i.code}`);
		expect(codes).toEqual(
			expect.arrayContaining([
				'expenditure_by_function:missing_value',
				'projects:invalid_value',
				'assets:invalid_value'
			])
		);
		for (const i of rows.parse_issues.filter((x) => x.code !== 'unrecognized_row')) {
			expect(i.raw).toBe('项目\t金额');
			expect(String(i.message)).toContain('sample.txt 第2行');
		}
	});
});
