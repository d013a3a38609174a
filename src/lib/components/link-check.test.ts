import { describe, expect, it } from 'vitest';
import { cleanParam, linkProblems } from './link-check';

const u = (q: string) => new URL(`http://x/department?${q}`);

describe('linkProblems', () => {
	it('accepts ordinary parameters', () => {
		expect(linkProblems(u('d=%E6%B0%91%E7%94%9F&y=2024'), 'abc')).toEqual([]);
	});

	it('refuses markup in parameters', () => {
		const url = u('d=%3Cscript%3Ealert(1)%3C/script%3E');
		expect(linkProblems(url, null)).toEqual(['链接参数 d 含有不允许的字符，已忽略。']);
		expect(cleanParam(url, 'd')).toBeNull();
	});

	it('lets SQL text through to the SQL guard', () => {
		const url = u('q=SELECT%20%27%3Cb%3E%27');
		expect(linkProblems(url, null)).toEqual([]);
		expect(cleanParam(url, 'q')).toBe("SELECT '<b>'");
	});

	it('says when the link was made on another snapshot', () => {
		const [msg] = linkProblems(u('s=old123'), 'new456');
		expect(msg).toContain('old123');
		expect(msg).toContain('new456');
		expect(linkProblems(u('s=same'), 'same')).toEqual([]);
	});
});
