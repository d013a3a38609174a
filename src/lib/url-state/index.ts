/**
 * The URL is the state: grammar (types, defaults, value rules), parseUrl
 * (never throws; Chinese messages for what it ignored) and serializeState
 * (omits defaults). See docs/url-grammar.md.
 */
export * from './grammar';
export { parseUrl, viewOfPath, VIEW_PARAMS, type ParseResult } from './parse';
export { serializeSearch, serializeState } from './serialize';
