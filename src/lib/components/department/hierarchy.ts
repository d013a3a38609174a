/**
 * Drill-down over a classification table (functional 类 → 款 → 项, economic
 * 类 → 款) whose rows carry `code`, `level` and `parent_code`. Built as a
 * d3-hierarchy tree under a synthetic root; rows whose parent row is missing
 * (a document may print a 项 without its 款) hang from their nearest printed
 * ancestor by code prefix, else from the root, so no row disappears.
 */
import { hierarchy, type HierarchyNode } from 'd3';

export interface ClassRow {
	code: string | null;
	name: string;
	level: number;
}

export interface TreeNode<R extends ClassRow> {
	row: R | null;
	children: TreeNode<R>[];
}

export function buildTree<R extends ClassRow>(rows: readonly R[]): HierarchyNode<TreeNode<R>> {
	const root: TreeNode<R> = { row: null, children: [] };
	const byCode = new Map<string, TreeNode<R>>();
	const coded = rows.filter((r) => r.level > 0 && r.code).sort((a, b) => a.level - b.level || 0);
	for (const r of coded) {
		const node: TreeNode<R> = { row: r, children: [] };
		const code = r.code as string;
		if (!byCode.has(code)) byCode.set(code, node);
		let parent: TreeNode<R> = root;
		for (let len = code.length - 1; len >= 3; len--) {
			const p = byCode.get(code.slice(0, len));
			if (p && p !== node) {
				parent = p;
				break;
			}
		}
		parent.children.push(node);
	}
	return hierarchy(root, (n) => n.children);
}

export interface Drill<R extends ClassRow> {
	/** Breadcrumb from the top level to the current node (excluding the root). */
	path: R[];
	/** Rows one level below the current node. */
	children: R[];
	/** Codes among `children` that have children of their own. */
	drillable: Set<string>;
}

/** The view at `code` (null = top level). An unknown code falls back to the top level. */
export function drill<R extends ClassRow>(
	tree: HierarchyNode<TreeNode<R>>,
	code: string | null
): Drill<R> {
	let node = tree;
	if (code) node = tree.find((n) => n.data.row?.code === code) ?? tree;
	const path = node
		.ancestors()
		.reverse()
		.map((n) => n.data.row)
		.filter((r): r is R => r !== null);
	const kids = node.children ?? [];
	return {
		path,
		children: kids.map((k) => k.data.row).filter((r): r is R => r !== null),
		drillable: new Set(
			kids
				.filter((k) => (k.children?.length ?? 0) > 0 && k.data.row?.code)
				.map((k) => k.data.row!.code!)
		)
	};
}
