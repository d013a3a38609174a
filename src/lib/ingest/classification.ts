/**
 * Classification codes (政府收支分类科目): functional codes (功能分类, 3/5/7
 * digits = 类/款/项) and economic codes (部门预算经济分类, 3/5 digits = 类/款).
 *
 * Helpers here rebuild codes the PDF extraction split (`20805 01`) or printed
 * in separate 类/款/项 columns (`201 05 07`), including a 款 printed without
 * its leading zero (`301 2` → 30102), and give each code its level.
 */

export type CodeKind = 'function' | 'economic';

/** True when a cell looks like (part of) a classification code. */
export function isCodeLike(cell: string): boolean {
	return /^\d{1,3}(?:\s?\d{2}){0,3}$/.test(cell.trim()) && cell.trim() !== '';
}

/** Joins a code printed in one cell with extraction spaces: `20805 01` → `2080501`. */
export function joinCode(cell: string): string {
	return cell.replace(/\s+/g, '');
}

/**
 * Builds a code from separate 类/款/项 cells. A 款 or 项 of one digit is
 * zero-padded (`301`,`2` → `30102`). Returns null when a part is not numeric
 * or parts are missing in the middle.
 */
export function codeFromParts(parts: string[]): { code: string; padded: boolean } | null {
	const clean = parts.map((p) => p.replace(/\s+/g, ''));
	let code = '';
	let padded = false;
	let ended = false;
	for (let i = 0; i < clean.length; i++) {
		const p = clean[i] ?? '';
		if (p === '') {
			ended = true;
			continue;
		}
		if (ended || !/^\d+$/.test(p)) return null;
		if (i === 0) {
			if (p.length !== 3) return null;
			code = p;
		} else {
			if (p.length === 1) {
				code += '0' + p;
				padded = true;
			} else if (p.length === 2) code += p;
			else return null;
		}
	}
	return code === '' ? null : { code, padded };
}

/** Level of a functional code: 3 → 类 (1), 5 → 款 (2), 7 → 项 (3). */
export function functionLevel(code: string): 1 | 2 | 3 | null {
	if (!/^\d+$/.test(code)) return null;
	if (code.length === 3) return 1;
	if (code.length === 5) return 2;
	if (code.length === 7) return 3;
	return null;
}

/** Level of an economic code: 3 → 类 (1), 5 → 款 (2). */
export function economicLevel(code: string): 1 | 2 | null {
	if (!/^\d+$/.test(code)) return null;
	if (code.length === 3) return 1;
	if (code.length === 5) return 2;
	return null;
}

export function codeLevel(kind: CodeKind, code: string): 1 | 2 | 3 | null {
	return kind === 'function' ? functionLevel(code) : economicLevel(code);
}

/** Parent code: 2080501 → 20805, 20805 → 208, 208 → null. */
export function parentCode(code: string): string | null {
	if (code.length === 7) return code.slice(0, 5);
	if (code.length === 5) return code.slice(0, 3);
	return null;
}

/**
 * Standard names of common economic 款 (部门预算支出经济分类科目), used to check
 * codes rebuilt from a 款 printed without its leading zero.
 */
const ECONOMIC_NAMES: Record<string, string> = {
	'30101': '基本工资',
	'30102': '津贴补贴',
	'30103': '奖金',
	'30106': '伙食补助费',
	'30107': '绩效工资',
	'30108': '机关事业单位基本养老保险缴费',
	'30109': '职业年金缴费',
	'30110': '职工基本医疗保险缴费',
	'30111': '公务员医疗补助缴费',
	'30112': '其他社会保障缴费',
	'30113': '住房公积金',
	'30114': '医疗费',
	'30199': '其他工资福利支出',
	'30201': '办公费',
	'30202': '印刷费',
	'30203': '咨询费',
	'30204': '手续费',
	'30205': '水费',
	'30206': '电费',
	'30207': '邮电费',
	'30208': '取暖费',
	'30209': '物业管理费',
	'30211': '差旅费',
	'30213': '维修(护)费',
	'30214': '租赁费',
	'30215': '会议费',
	'30216': '培训费',
	'30217': '公务接待费',
	'30226': '劳务费',
	'30227': '委托业务费',
	'30228': '工会经费',
	'30229': '福利费',
	'30231': '公务用车运行维护费',
	'30239': '其他交通费用',
	'30299': '其他商品和服务支出',
	'30301': '离休费',
	'30302': '退休费',
	'30305': '生活补助',
	'30309': '奖励金',
	'30399': '其他对个人和家庭的补助'
};

const strip = (s: string) => s.replace(/[\s()（）]/g, '');

/** The standard code whose name matches `name`, if the name is a known economic 款. */
export function economicCodeForName(name: string): string | null {
	const n = strip(name);
	for (const [code, std] of Object.entries(ECONOMIC_NAMES)) if (strip(std) === n) return code;
	return null;
}
