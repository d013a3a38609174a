/**
 * Paths of snapshot files named in manifest.json, checked strictly before
 * anything is fetched or opened: relative, `/`-separated segments made of
 * ASCII letters, digits, `_ . = -` or Unicode letters (CJK province names in
 * hive partition folders), no empty, `.` or `..` segment, no segment starting
 * with a dot, ending in `.parquet`. `fileUrl` URL-encodes each segment (but
 * `=`) so a raw UTF-8 folder name like `province=河北省` is fetched correctly.
 */

const SEGMENT = /^[A-Za-z0-9_=\-\p{L}][A-Za-z0-9_.=\-\p{L}\p{M}]*$/u;

/** True when `path` is a safe relative Parquet path inside the snapshot folder. */
export function isSnapshotPath(path: string): boolean {
	if (path.length === 0 || path.length > 500 || !path.endsWith('.parquet')) return false;
	const segments = path.split('/');
	return segments.every((s) => s.length > 0 && s.length <= 200 && SEGMENT.test(s));
}

/** URL of a snapshot file: the folder URL (no trailing slash needed) + encoded segments. */
export function fileUrl(baseUrl: string, path: string): string {
	const base = baseUrl.replace(/\/+$/, '');
	// `=` is legal in a path segment and some static servers (sirv) do not decode %3D.
	const segment = (s: string) => encodeURIComponent(s).replaceAll('%3D', '=');
	return `${base}/${path.split('/').map(segment).join('/')}`;
}
