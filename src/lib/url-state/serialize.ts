/**
 * serializeState: app state → path + search string, omitting defaults and
 * empty values, parameters in a fixed order so equal states give equal links.
 * parseUrl(serialize(state)) gives back the same state for valid states.
 */
import { DEFAULT_SQL_LIMIT, VIEW_PATHS, type AppState } from './grammar';

type Pairs = [string, string | number | null | undefined][];

function pairs(state: AppState): Pairs {
	const s: Pairs = [];
	switch (state.view) {
		case 'overview':
			s.push(...state.departments.map((d): [string, string] => ['d', d]));
			s.push(...state.years.map((y): [string, number] => ['y', y]));
			break;
		case 'department':
			s.push(['d', state.department], ['y', state.year], ['k', state.kind]);
			s.push(['f', state.func], ['e', state.econ], ['p', state.project]);
			break;
		case 'compare':
			s.push(...state.docs.map((d): [string, string] => ['doc', d]));
			if (state.classification !== 'function') s.push(['cls', state.classification]);
			if (state.level !== 1) s.push(['lv', state.level]);
			if (state.measure !== 'total') s.push(['m', state.measure]);
			if (state.mode !== 'share') s.push(['mode', state.mode]);
			break;
		case 'per-capita':
			s.push(['g', state.group]);
			s.push(...state.departments.map((d): [string, string] => ['d', d]));
			break;
		case 'three-public':
			s.push(...state.departments.map((d): [string, string] => ['d', d]));
			if (state.measure !== 'budget') s.push(['ms', state.measure]);
			if (state.category !== 'total') s.push(['cat', state.category]);
			break;
		case 'flags':
			s.push(['rule', state.rule], ['sev', state.severity], ['d', state.department]);
			break;
		case 'sql':
			if (state.sql !== '') s.push(['q', state.sql]);
			if (state.limit !== DEFAULT_SQL_LIMIT) s.push(['n', state.limit]);
			s.push(...state.scopeYears.map((y): [string, number] => ['sy', y]));
			s.push(...state.scopeProvinces.map((p): [string, string] => ['sp', p]));
			break;
	}
	s.push(['data', state.data], ['s', state.snapshot]);
	return s;
}

/** The query string for a state ('' when everything is default), with its leading '?'. */
export function serializeSearch(state: AppState): string {
	const params = new URLSearchParams();
	for (const [k, v] of pairs(state)) {
		if (v !== null && v !== undefined && v !== '') params.append(k, String(v));
	}
	const text = params.toString();
	return text === '' ? '' : `?${text}`;
}

/** Path and query of a state, e.g. "/compare?doc=a&doc=b&lv=2". */
export function serializeState(state: AppState): string {
	return `${VIEW_PATHS[state.view]}${serializeSearch(state)}`;
}
