export * from './model';
export { parseDocument, parseText, type DocumentInput } from './parse';
export { DocumentError } from './errors';
export { parseAmount, toDecimalString } from './amount';
