/**
 * Input expansion for the ingest CLI (Node only): files are taken as given;
 * directories are walked recursively for *.txt and *.pdf files (sorted), and every
 * other file met in a directory is listed as skipped with a reason.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ExpandedInputs {
	files: string[];
	skipped: { path: string; reason: string }[];
	/** Inputs that do not exist or cannot be listed. */
	missing: { path: string; reason: string }[];
}

export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
	const out: ExpandedInputs = { files: [], skipped: [], missing: [] };
	for (const input of inputs) {
		let info;
		try {
			info = await stat(input);
		} catch (e) {
			out.missing.push({ path: input, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
			continue;
		}
		if (info.isDirectory()) await walk(input, out);
		else out.files.push(input);
	}
	return out;
}

async function walk(dir: string, out: ExpandedInputs): Promise<void> {
	let entries;
	try {
		entries = await readdir(dir, { withFileTypes: true });
	} catch (e) {
		out.missing.push({ path: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
		return;
	}
	entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const e of entries) {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) await walk(full, out);
		else if (e.isFile() && /\.(txt|pdf)$/i.test(e.name)) out.files.push(full);
		else if (e.isFile())
			out.skipped.push({ path: full, reason: '不是 .txt 或 .pdf 文件 (not a .txt or .pdf file)' });
	}
}
