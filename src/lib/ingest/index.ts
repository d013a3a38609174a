export * from './model';
export { parseDocument, parseText, type DocumentInput } from './parse';
export { DocumentError } from './errors';
export { parseAmount, toDecimalString } from './amount';
export { parsePdf, parseDocumentAsync, isPdf, type PdfReadOptions } from './parse-pdf';
