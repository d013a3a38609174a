/**
 * Display formatting: exact amounts (万元 / 亿元 / 元) from decimal strings,
 * counts, percents and dates, pinned to zh-CN. See number.ts, percent.ts,
 * date.ts.
 */
export * from './number';
export * from './percent';
export * from './date';
