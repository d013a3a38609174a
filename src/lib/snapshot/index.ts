/** Node-side snapshot writing (Parquet + manifest.json). */
export { writeSnapshot, parquetFile, MANIFEST_FILE } from './write';
