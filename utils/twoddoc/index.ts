/**
 * 2D-Doc (ANTS): the signed DataMatrix on tax notices and proofs of address. Read the code in an image,
 * parse it, check its signature against the trust list, give its values to fill.
 */
export { findTwoDDocText, type PixelImage, readDataMatrix, type ZxingWasm } from './decode.ts';
export { TwoDDocError, type TwoDDocErrorCode } from './errors.ts';
export { DOC_TYPES, FIELDS } from './fields.ts';
export type { TwoDDocHeader } from './header.ts';
export { type Disagreement, mergeWithOcr } from './merge.ts';
export { parseTwoDDoc, type TwoDDoc, type TwoDDocField } from './parse.ts';
export { checkTwoDDocText, readTwoDDoc, type TwoDDocReading } from './read.ts';
export { TRUST_LIST, type TrustList } from './trust.ts';
export { twoDDocDocumentType, twoDDocValues } from './values.ts';
export { type Verification, verifyTwoDDoc } from './verify.ts';
