/**
 * Notices when a link was made on another snapshot than the one loaded: the
 * link's `s` parameter names its snapshot. Parameter validation itself is the
 * URL grammar's (src/lib/url-state parseUrl); the layout shows both.
 */

function safe(s: string): string {
	return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

/** A message when the link names another snapshot (`s`) than the loaded one. */
export function snapshotMismatch(url: URL, snapshotId: string | null): string[] {
	const s = url.searchParams.get('s');
	if (s && snapshotId && s !== snapshotId) {
		return [`此链接基于快照 ${safe(s)} 生成，当前加载的是快照 ${snapshotId}：结果可能不同。`];
	}
	return [];
}
