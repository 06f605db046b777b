/** A checked MRZ's values in the OCR's shape, marked `source: 'mrz'`; a failed zone gives none. */
import type { ExtractedField } from '../ocr/extract/types.ts';
import type { MrzReading } from './read.ts';

export function mrzValues(reading: MrzReading): ExtractedField[] {
  if (!reading.valid) return [];
  const v = reading.values;
  const out: ExtractedField[] = [];
  const add = (kind: ExtractedField['kind'], value: string | null, meaning?: string) => {
    if (!value) return;
    const f: ExtractedField = {
      kind,
      value,
      raw: value,
      valid: true,
      confidence: 1,
      label: 'MRZ',
      source: 'mrz',
    };
    if (meaning) f.meaning = meaning;
    out.push(f);
  };
  add('name', v.lastName, 'nom');
  add('name', v.givenNames, 'prenom');
  add('date', v.birthDate, 'naissance');
  add('nationality', v.nationality);
  add('document-number', v.documentNumber);
  add('date', v.expiryDate, 'fin');
  return out;
}
