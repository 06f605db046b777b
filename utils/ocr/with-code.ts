/**
 * A document's OCR reading and its 2D-Doc (when it has one): the code's values win, each marked as read
 * from the code; the OCR values that disagree are listed for the person. A code that is broken or whose
 * signature is false changes nothing in the reading: it is only reported.
 */

import { type Disagreement, mergeWithOcr } from '../twoddoc/merge.ts';
import type { TwoDDocReading } from '../twoddoc/read.ts';
import { twoDDocDocumentType } from '../twoddoc/values.ts';
import type { DocumentReading } from './index.ts';

export type CodeOutcome = {
  reading: TwoDDocReading;
  /** Values the code and the OCR read differently (the code's is kept). */
  disagreements: Disagreement[];
};

export function withCode(
  reading: DocumentReading,
  code: TwoDDocReading | null,
): { reading: DocumentReading; code: CodeOutcome | null } {
  if (!code) return { reading, code: null };
  if (!code.ok || code.fields.length === 0) return { reading, code: { reading: code, disagreements: [] } };
  const { fields, disagreements } = mergeWithOcr(code.fields, reading.fields);
  const type = twoDDocDocumentType(code.doc);
  const documentType =
    reading.documentType.type === 'unknown' && type !== 'unknown'
      ? { type, confidence: 1, labelKey: `doctype.${type}` }
      : reading.documentType;
  return { reading: { ...reading, fields, documentType }, code: { reading: code, disagreements } };
}
