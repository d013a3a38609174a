/**
 * Stable department keys: the same department gets the same key in every
 * year's budget and final accounts, so trends line up across documents.
 *
 * The key is the department's full name, prefixed by its region, after
 *   - NFKC normalization (full-width letters, digits and brackets →
 *     half-width) and removal of all whitespace;
 *   - dropping bracketed qualifiers `(本级)`, `(部门)`, `(单位)`, `(机关)`,
 *     `(汇总)`, `(部门预算)`… and trailing `本级` / `部门` / `单位` / `机关`
 *     suffixes (`XX局本级`, `XX局（本级）` and `XX局` are one department);
 *   - prefixing the region unless the name already starts with it, merging
 *     the overlap (region `河北省秦皇岛市秦皇岛经济技术开发区` + name
 *     `秦皇岛经济技术开发区民生保障局` → `河北省秦皇岛市秦皇岛经济技术开发区民生保障局`;
 *     `上海市普陀区财政局` in `上海市普陀区` stays as it is).
 * So a key reads like a name (views show it as the department label) and
 * equals the published name whenever that name is already complete.
 * Null when the document names no department. Pure string work, no lookups.
 */

const QUALIFIER = /\((?:本级|部门|单位|机关|汇总|合并|部门预算|部门决算|单位预算|单位决算)\)/g;
const SUFFIX = /(?:本级|部门|单位|机关)$/;

function clean(s: string): string {
	return s
		.normalize('NFKC')
		.replace(/\s+/g, '')
		.replace(/[【[]/g, '(')
		.replace(/[】\]]/g, ')');
}

/** The department name part of the key (region prefix kept). */
export function normalizeDepartmentName(name: string): string {
	let n = clean(name).replace(QUALIFIER, '');
	// Suffixes may stack (`XX局部门本级`); each pass removes one and shortens the name.
	for (let k = 0; k < 3 && SUFFIX.test(n) && n.length > 4; k++) n = n.replace(SUFFIX, '');
	return n;
}

export function departmentKey(name: string | null, region: string | null): string | null {
	if (name === null || name.trim() === '') return null;
	const n = normalizeDepartmentName(name);
	const r = region === null ? '' : clean(region);
	if (r === '' || n.startsWith(r)) return n;
	// Longest tail of the region the name starts with (`秦皇岛经济技术开发区…`).
	for (let k = Math.min(r.length, n.length - 1); k >= 2; k--)
		if (n.startsWith(r.slice(r.length - k))) return r + n.slice(k);
	return r + n;
}
