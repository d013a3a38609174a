/** Column description for DataTable and its CSV export. */
export type Cell = string | number | boolean | null | undefined | object;
export type TableRow = Record<string, Cell>;

export interface TableColumn {
	key: string;
	label: string;
	/** Numbers and amounts align right. */
	numeric?: boolean;
	/** Display text; CSV always writes the raw value. */
	format?: (v: Cell, row: TableRow) => string;
}
