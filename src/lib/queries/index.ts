/**
 * The query layer: one typed builder per view, each returning a db/types
 * Statement ({ sql, params }) and documenting its row type. Runs unchanged on
 * the browser (DuckDB-WASM) and Node (@duckdb/node-api) connectors.
 */
export * from './sql';
export * from './overview';
export * from './overview-pages';
export * from './department';
export * from './projects';
export * from './source-lines';
export * from './three-public';
export * from './structure';
export * from './per-capita';
export * from './flags';
export { normalizedNameSql, COST_UNIT_PATTERN, BENEFICIARY_UNITS } from './indicator-name';
