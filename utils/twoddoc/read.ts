/**
 * One image → its 2D-Doc, checked: found or not, readable or not, whose signature, and the values to fill.
 * Values come only from a code whose signature is not false: a changed code gives none.
 */
import type { ExtractedField } from '../ocr/extract/types.ts';
import { findTwoDDocText, type PixelImage, type ZxingWasm } from './decode.ts';
import { TwoDDocError, type TwoDDocErrorCode } from './errors.ts';
import { parseTwoDDoc, type TwoDDoc } from './parse.ts';
import { TRUST_LIST, type TrustList } from './trust.ts';
import { twoDDocValues } from './values.ts';
import { type Verification, verifyTwoDDoc } from './verify.ts';

export type TwoDDocReading =
  /** A code that could not be parsed: say so, fill nothing from it. */
  | { ok: false; error: TwoDDocErrorCode; durationMs: number }
  | { ok: true; doc: TwoDDoc; verification: Verification; fields: ExtractedField[]; durationMs: number };

/** A 2D-Doc text (from the reader, or typed) → parsed and verified. */
export async function checkTwoDDocText(
  text: string,
  trust: TrustList = TRUST_LIST,
  started = performance.now(),
): Promise<TwoDDocReading> {
  let doc: TwoDDoc;
  try {
    doc = parseTwoDDoc(text);
  } catch (error) {
    if (error instanceof TwoDDocError)
      return { ok: false, error: error.code, durationMs: Math.round(performance.now() - started) };
    throw error;
  }
  const verification = await verifyTwoDDoc(doc, trust);
  const fields = verification.status === 'bad-signature' ? [] : twoDDocValues(doc);
  return { ok: true, doc, verification, fields, durationMs: Math.round(performance.now() - started) };
}

/** null when the image has no 2D-Doc. */
export async function readTwoDDoc(
  image: PixelImage,
  opts: { wasm: ZxingWasm; trust?: TrustList },
): Promise<TwoDDocReading | null> {
  const started = performance.now();
  const text = await findTwoDDocText(image, opts.wasm);
  if (text === null) return null;
  return checkTwoDDocText(text, opts.trust, started);
}
