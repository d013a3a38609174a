/** A document that cannot be read at all (empty, binary, unknown layout…). */
export class DocumentError extends Error {
	constructor(
		readonly sourceName: string,
		readonly code: string,
		readonly detail: string
	) {
		super(`${sourceName}: ${detail}`);
		this.name = 'DocumentError';
	}
}
