import { describe, expect, it } from 'vitest';
import { infosFromReading, type ReadValue } from '../../../utils/infos/from-reading.ts';
import type { ExtractedField } from '../../../utils/ocr/extract/types.ts';

function row(
  field: Partial<ExtractedField> & Pick<ExtractedField, 'kind' | 'value'>,
  value = field.value,
): ReadValue {
  return { field: { raw: field.value, valid: true, confidence: 0.9, ...field }, value, valid: true };
}

describe('what a reading can give « Mes informations »', () => {
  it('keeps the checked values whose meaning is one of its kinds, with their source and document', () => {
    const rows = [
      row({ kind: 'fiscal-number', value: '3023217600053', source: '2ddoc' }),
      row({ kind: 'reference-tax-income', value: '24350', source: '2ddoc' }),
      row({ kind: 'name', value: 'MARTIN', meaning: 'nom', source: 'mrz' }),
      row({ kind: 'name', value: 'INÈS', meaning: 'prenom', source: 'mrz' }),
      row({ kind: 'date', value: '14/07/1985', meaning: 'naissance', source: 'mrz' }),
      row({ kind: 'date', value: '01/01/2031', meaning: 'fin', source: 'mrz' }),
      row({ kind: 'postcode', value: '75011' }),
    ];
    expect(infosFromReading(rows, { codeVerified: true, documentType: 'avis-imposition' })).toEqual([
      {
        kind: 'fiscal-number',
        value: '3023217600053',
        source: { kind: '2ddoc', document: 'avis-imposition' },
      },
      { kind: 'family-name', value: 'MARTIN', source: { kind: 'mrz', document: 'avis-imposition' } },
      { kind: 'given-names', value: 'INÈS', source: { kind: 'mrz', document: 'avis-imposition' } },
      { kind: 'birth-date', value: '14/07/1985', source: { kind: 'mrz', document: 'avis-imposition' } },
      { kind: 'postcode', value: '75011', source: { kind: 'ocr', document: 'avis-imposition' } },
    ]);
  });
  it('never calls a code whose signature was not verified « signed »; a corrected value is the person’s own', () => {
    const code = row({ kind: 'fiscal-number', value: '3023217600053', source: '2ddoc' });
    expect(infosFromReading([code], { codeVerified: false, documentType: 'unknown' })).toEqual([
      { kind: 'fiscal-number', value: '3023217600053', source: { kind: 'ocr' } },
    ]);
    const corrected = row({ kind: 'postcode', value: '75O11' }, '75011');
    expect(infosFromReading([corrected], { codeVerified: true, documentType: 'unknown' })[0]?.source).toEqual(
      {
        kind: 'typed',
      },
    );
  });
  it('leaves out uncertain values, an account holder’s name, and a second value of the same kind', () => {
    const uncertain = { ...row({ kind: 'iban', value: 'FR76' }), valid: false };
    const holder = row({ kind: 'name', value: 'M. DUPONT', meaning: 'titulaire' });
    const first = row({ kind: 'postcode', value: '75011', source: '2ddoc' });
    const second = row({ kind: 'postcode', value: '75012' });
    expect(
      infosFromReading([uncertain, holder, first, second], { codeVerified: true, documentType: 'unknown' }),
    ).toEqual([{ kind: 'postcode', value: '75011', source: { kind: '2ddoc' } }]);
  });
});
