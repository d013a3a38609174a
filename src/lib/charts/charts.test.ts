// Chart SVG snapshots: render the charts to SVG strings in Node with
// svelte/server and compare with committed files in __snapshots__/. The
// structural assertions catch wrong geometry even when a snapshot is updated.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from './BarChart.svelte';
import StackedBarChart from './StackedBarChart.svelte';
import StripPlot from './StripPlot.svelte';
import LineChart from './LineChart.svelte';

function svgOf(body: string): string {
	const start = body.indexOf('<svg');
	const end = body.lastIndexOf('</svg>');
	expect(start).toBeGreaterThanOrEqual(0);
	// Drop Svelte's hydration comments so the snapshot is plain SVG.
	return body.slice(start, end + 6).replace(/<!--[^>]*-->/g, '') + '\n';
}

function attrs(svg: string, tag: string, name: string): number[] {
	const re = new RegExp(`<${tag}\\b[^>]*?\\s${name}="([-0-9.]+)"`, 'g');
	return [...svg.matchAll(re)].map((m) => Number(m[1]));
}

describe('BarChart', () => {
	const data = [
		{ label: '社会保障和就业支出', value: 4000 },
		{ label: '卫生健康支出', value: 2000 },
		{ label: '<script>alert(1)</script>', value: 473.03 }
	];
	const svg = svgOf(render(BarChart, { props: { data, title: '功能分类', width: 600 } }).body);

	it('draws bars proportional to the values', () => {
		const widths = attrs(svg, 'rect', 'width').slice(1); // first rect is the background
		expect(widths).toHaveLength(3);
		expect(widths[0]! / widths[1]!).toBeCloseTo(2, 1);
		expect(widths[1]! / widths[2]!).toBeCloseTo(2000 / 473.03, 1);
	});

	it('escapes labels (no markup from data)', () => {
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script>');
	});

	it('matches the snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/bar-chart.svg');
	});
});

describe('StackedBarChart', () => {
	const data = [
		{
			label: 'A 局 2024',
			segments: [
				{ key: '一般公共服务', value: 30 },
				{ key: '社会保障', value: 70 }
			]
		},
		{
			label: 'B 局 2024',
			segments: [
				{ key: '一般公共服务', value: 1 },
				{ key: '社会保障', value: 3 }
			]
		}
	];

	it('normalized bars all span the full width', () => {
		const svg = svgOf(
			render(StackedBarChart, { props: { data, title: '结构', normalize: true, width: 600 } }).body
		);
		const seg = [
			...svg.matchAll(/<rect x="([-0-9.]+)" y="[-0-9.]+" width="([-0-9.]+)"[^>]*stroke="#fff"/g)
		];
		expect(seg).toHaveLength(4);
		const spanA = Number(seg[0]![2]) + Number(seg[1]![2]);
		const spanB = Number(seg[2]![2]) + Number(seg[3]![2]);
		expect(spanA).toBeCloseTo(spanB, 0);
		expect(Number(seg[1]![2]) / spanA).toBeCloseTo(0.7, 2);
		expect(Number(seg[3]![2]) / spanB).toBeCloseTo(0.75, 2);
	});

	it('matches the snapshot (absolute)', async () => {
		const svg = svgOf(render(StackedBarChart, { props: { data, title: '结构', width: 600 } }).body);
		await expect(svg).toMatchFileSnapshot('__snapshots__/stacked-bar-chart.svg');
	});
});

describe('StripPlot', () => {
	const data = [
		{ group: '义务兵家庭优待金', value: 10000 },
		{ group: '义务兵家庭优待金', value: 20000 },
		{ group: '义务兵家庭优待金', value: 30000 },
		{ group: '高龄津贴', value: 1200 }
	];
	const svg = svgOf(render(StripPlot, { props: { data, title: '人均成本', width: 600 } }).body);

	it('draws one dot per value and a median tick per group', () => {
		expect(attrs(svg, 'circle', 'cx')).toHaveLength(4);
		expect(svg).toContain('中位数 20,000');
		expect(svg).toContain('中位数 1,200');
	});

	it('matches the snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/strip-plot.svg');
	});
});

describe('LineChart', () => {
	const series = [
		{
			key: '江苏省人大常委会办公厅',
			points: [
				{ x: '2017', y: 300 },
				{ x: '2018', y: 250 },
				{ x: '2019', y: 200 }
			]
		},
		{
			key: '万里街道',
			points: [
				{ x: '2023', y: 50, hollow: true },
				{ x: '2024', y: 47.91 }
			]
		}
	];
	const svg = svgOf(render(LineChart, { props: { series, title: '三公', width: 600 } }).body);

	it('orders years and marks narrative points hollow', () => {
		const years = [...svg.matchAll(/<text y="18"[^>]*>(\d{4})<\/text>/g)].map((m) => m[1]);
		expect(years).toEqual(['2017', '2018', '2019', '2023', '2024']);
		expect(svg).toContain('（文字说明）');
		expect(svg.match(/<path /g)).toHaveLength(2);
	});

	it('matches the snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/line-chart.svg');
	});
});
