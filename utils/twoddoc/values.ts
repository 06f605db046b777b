/**
 * The fields of a 2D-Doc as values to fill, in the OCR's shape (so the confirmation screen, the target
 * suggestion and the checks are the same). Each is marked `source: '2ddoc'`. A truncated value is kept
 * but marked not valid: the issuer cut it, it is not the whole value.
 */
import type { DocumentType, ExtractedField } from '../ocr/extract/types.ts';
import { VALIDATED_KINDS } from '../ocr/fill/check.ts';
import { validate } from '../validators/index.ts';
import { DOC_TYPES, type FieldSpec } from './fields.ts';
import type { TwoDDoc } from './parse.ts';

function format(value: string, how: NonNullable<FieldSpec['fill']>['format']): string {
  if (how === 'ddmmyyyy' && /^\d{8}$/.test(value))
    return `${value.slice(0, 2)}/${value.slice(2, 4)}/${value.slice(4)}`;
  // Whole euros, or with a decimal comma: the form's « 1234.56 » shape.
  if (how === 'amount') return value.replace(/\s/g, '').replace(',', '.');
  return value.trim();
}

export function twoDDocValues(doc: TwoDDoc): ExtractedField[] {
  const out: ExtractedField[] = [];
  for (const field of doc.fields) {
    const fill = field.spec?.fill;
    if (!fill || !field.value.trim()) continue;
    const value = format(field.value, fill.format);
    const validator = VALIDATED_KINDS[fill.kind];
    const check = validator ? validate(validator, value) : null;
    const valid = !field.truncated && (check ? check.valid : true);
    const extracted: ExtractedField = {
      kind: fill.kind,
      value: check?.normalized ?? value,
      raw: field.value,
      valid,
      confidence: valid ? 1 : 0.5,
      label: field.spec?.label ?? field.id,
      source: '2ddoc',
    };
    if (check) extracted.validation = check;
    if (fill.meaning) extracted.meaning = fill.meaning;
    out.push(extracted);
  }
  return out;
}

/** The OCR's document type for a 2D-Doc type, when it is one the OCR knows. */
export function twoDDocDocumentType(doc: TwoDDoc): DocumentType {
  const family = DOC_TYPES[doc.header.docType];
  if (family === 'tax-notice') return 'avis-imposition';
  if (family === 'bank') return 'rib';
  if (family === 'payslip') return 'bulletin-salaire';
  return 'unknown';
}
