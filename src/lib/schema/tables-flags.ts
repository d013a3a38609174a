/**
 * Snapshot table of the outlier engine (issue #4): `flags`, one row per
 * 异常指标 flag raised by the rules of src/lib/rules — the single-document
 * rules at ingest time and the peer rules (SQL) when the snapshot is built.
 */
import type { FlagRecord } from '../ingest/model';
import { defineTable } from './define';
import { col, docId } from './columns';

export const flags = defineTable<FlagRecord>({
	name: 'flags',
	zh: '异常指标：规则发现的可疑目标、数字与文字，附证据',
	en: 'Outlier flags: targets, figures and texts the rules question, with evidence',
	columns: {
		flag_id: col('VARCHAR', false, '标记编号（确定性）', 'Flag id (deterministic)'),
		rule_id: col('VARCHAR', false, '规则编号，见 docs/rules.md', 'Rule id, see docs/rules.md'),
		severity: col(
			'VARCHAR',
			false,
			'级别：error 很可能有误，warning 需核实，info 提示',
			'Severity: error (likely wrong), warning (check), info (note)'
		),
		doc_id: docId,
		project_code: col('VARCHAR', true, '相关项目编码', 'Project code concerned'),
		table_name: col(
			'VARCHAR',
			true,
			'被标记记录所在的快照表',
			'Snapshot table of the flagged record'
		),
		source_line: col('INTEGER', true, '源文件行号', 'Source line'),
		message: col('VARCHAR', false, '一句中文说明', 'One-sentence explanation (Chinese)'),
		evidence: col(
			'VARCHAR',
			true,
			'证据（JSON 文本：比较的数值，金额为精确小数字符串）',
			'Evidence (JSON text: the numbers compared, amounts as exact decimal strings)'
		)
	},
	orderBy: ['doc_id', 'source_line', 'rule_id', 'flag_id']
});
