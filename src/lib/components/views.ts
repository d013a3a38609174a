/** The app's views in tab order: route path and Chinese label. */
export const VIEWS = [
	{ path: '/', id: 'overview', label: '总览' },
	{ path: '/department', id: 'department', label: '部门画像' },
	{ path: '/compare', id: 'compare', label: '支出结构对比' },
	{ path: '/per-capita', id: 'per-capita', label: '人均成本' },
	{ path: '/three-public', id: 'three-public', label: '三公经费趋势' },
	{ path: '/flags', id: 'flags', label: '异常指标' },
	{ path: '/sql', id: 'sql', label: 'SQL 查询' }
] as const;

export type ViewPath = (typeof VIEWS)[number]['path'];
export type ViewId = (typeof VIEWS)[number]['id'];
