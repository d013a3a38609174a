/**
 * Browser-side file export: save a Blob, serialize a chart's <svg> to a
 * standalone SVG file, and rasterize it to PNG through a canvas (2× scale).
 */

export function saveBlob(filename: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
	saveBlob(filename, new Blob([text], { type }));
}

/** Standalone SVG markup of an element (namespaces added, scoped classes kept harmlessly). */
export function svgMarkup(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.removeAttribute('style');
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

export function saveSvg(filename: string, svg: SVGSVGElement): void {
	saveBlob(filename, new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
}

export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const w = Number(svg.getAttribute('width')) || svg.clientWidth || 640;
	const h = Number(svg.getAttribute('height')) || svg.clientHeight || 320;
	const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('SVG 无法转换为图片'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(w * scale);
		canvas.height = Math.round(h * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('浏览器不支持 canvas');
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG 导出失败'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** A safe file name from a title: keeps CJK, letters, digits, - and _. */
export function fileName(title: string, ext: string): string {
	const base = title
		.replace(/[^\p{L}\p{N}_-]+/gu, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 80);
	return `${base || 'budgetlens'}.${ext}`;
}
