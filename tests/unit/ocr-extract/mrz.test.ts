import { describe, expect, it } from 'vitest';
import { extractFields } from '../../../utils/ocr/extract/index.ts';
import { mrzCheckDigit } from '../../../utils/ocr/extract/mrz.ts';

describe('machine-readable zone', () => {
  it('computes ICAO 9303 check digits (the specimen passport of Doc 9303)', () => {
    // "L898902C36UTO7408122F1204159…": number L898902C3 → 6, birth 740812 → 2, expiry 120415 → 9.
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
  });

  it('reads passport (TD3) dates and names, the century from today', () => {
    const text = [
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ].join('\n');
    const fields = extractFields({ text });
    expect(fields).toContainEqual(
      expect.objectContaining({
        kind: 'date',
        value: '12/08/1974',
        valid: true,
        meaning: 'naissance',
        label: 'MRZ',
      }),
    );
    expect(fields).toContainEqual(
      expect.objectContaining({ kind: 'date', value: '15/04/2012', valid: true, meaning: 'fin' }),
    );
    expect(fields).toContainEqual(
      expect.objectContaining({ kind: 'name', value: 'ERIKSSON', meaning: 'nom' }),
    );
    expect(fields).toContainEqual(
      expect.objectContaining({ kind: 'name', value: 'ANNA MARIA', meaning: 'prenom' }),
    );
  });

  it('repairs digits misread in the zone and rejects a date whose check digit fails', () => {
    const misread = extractFields({ text: 'IRFRA9912345678«<<<<<<<<<<<<<\n94O62l4F2704302SEN<<<<<<<<<<<2' });
    expect(misread).toContainEqual(
      expect.objectContaining({ kind: 'date', value: '21/06/1994', valid: true, repaired: true }),
    );
    const wrong = extractFields({ text: 'IRFRA9912345678<<<<<<<<<<<<<<<\n9406224F2704302SEN<<<<<<<<<<<2' });
    const birth = wrong.find((f) => f.kind === 'date' && f.meaning === 'naissance');
    expect(birth).toMatchObject({ value: '22/06/1994', valid: false });
    expect(birth?.validation?.code).toBe('bad-checksum');
  });
});
