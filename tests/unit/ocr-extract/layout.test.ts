import { describe, expect, it } from 'vitest';
import { ExtractError, extractFields } from '../../../utils/ocr/extract/index.ts';
import { synthOcr } from './synth.ts';

describe('boxes and confidences from OCR words', () => {
  const text = ['IBAN : FR76 3000 4008 2300 0102 3456 728', 'BIC : BNPAFRPPXXX'].join('\n');

  it('boxes a value with the union of the words that made it', () => {
    const iban = extractFields(synthOcr(text)).find((f) => f.kind === 'iban');
    // "FR76" starts at column 7, "728" ends at column 40; first line is y 0–20.
    expect(iban?.box).toEqual({ x0: 70, y0: 0, x1: 400, y1: 20 });
    expect(iban?.raw).toBe('FR76 3000 4008 2300 0102 3456 728');
  });

  it('lowers the confidence when the OCR was unsure of a word of the value', () => {
    const sure = extractFields(synthOcr(text)).find((f) => f.kind === 'bic');
    const unsure = extractFields(synthOcr(text, (w) => (w === 'BNPAFRPPXXX' ? 30 : 92))).find(
      (f) => f.kind === 'bic',
    );
    expect(sure?.value).toBe('BNPAFRPPXXX');
    expect(unsure?.value).toBe('BNPAFRPPXXX');
    expect(unsure?.confidence ?? 1).toBeLessThan(sure?.confidence ?? 0);
  });

  it('a passing check digit keeps confidence up even for a shaky reading; a failing one drags it down', () => {
    const shaky = extractFields(synthOcr(text, () => 40)).find((f) => f.kind === 'iban');
    const broken = extractFields(synthOcr(text.replace('728', '729'))).find((f) => f.kind === 'iban');
    expect(shaky?.valid).toBe(true);
    expect(shaky?.confidence ?? 0).toBeGreaterThan(0.6);
    expect(broken?.valid).toBe(false);
    expect(broken?.confidence ?? 1).toBeLessThan(0.4);
  });

  it('a value found without its label is less sure than the same value next to it', () => {
    const labelled = extractFields({ text: 'IBAN : FR76 3000 4008 2300 0102 3456 728' })[0];
    const bare = extractFields({ text: 'Merci de virer sur FR76 3000 4008 2300 0102 3456 728' })[0];
    expect(labelled).toMatchObject({ kind: 'iban', valid: true, label: 'IBAN' });
    expect(bare).toMatchObject({ kind: 'iban', valid: true, value: labelled?.value });
    expect(bare?.label).toBeUndefined();
    expect(bare?.confidence ?? 1).toBeLessThan(labelled?.confidence ?? 0);
  });

  it('reads a value printed under its label, in the label’s column (tables)', () => {
    const table = [
      'Numéro fiscal         Référence de l’avis       Numéro allocataire',
      '30 23 217 600 053     26 75 A123 456 78         1234567',
    ].join('\n');
    for (const input of [synthOcr(table), { text: table }]) {
      const fields = extractFields(input);
      expect(fields.find((f) => f.kind === 'fiscal-number')).toMatchObject({
        value: '3023217600053',
        valid: true,
      });
      expect(fields.find((f) => f.kind === 'tax-notice-reference')).toMatchObject({ value: '2675A12345678' });
      expect(fields.find((f) => f.kind === 'caf-number')).toMatchObject({ value: '1234567', valid: true });
    }
  });

  it('keeps two columns apart when the boxes show a wide gap', () => {
    const letter = [
      'Caisse Exemple                              Madame Lina ROUX',
      '2 rue du Port                               5 chemin des Vignes',
      '13002 MARSEILLE                             84000 AVIGNON',
    ].join('\n');
    const fields = extractFields(synthOcr(letter));
    const addresses = fields.filter((f) => f.kind === 'address').map((f) => [f.value, f.meaning]);
    expect(addresses).toContainEqual(['2 rue du Port, 13002 MARSEILLE', 'expediteur']);
    expect(addresses).toContainEqual(['5 chemin des Vignes, 84000 AVIGNON', 'destinataire']);
    const name = fields.find((f) => f.kind === 'name');
    expect(name).toMatchObject({ value: 'Lina ROUX', meaning: 'destinataire' });
    expect(name?.box).toEqual({ x0: 440, y0: 0, x1: 600, y1: 20 });
  });
});

describe('repairs only where digits are expected', () => {
  it('leaves letters of names and communes alone', () => {
    const fields = extractFields({ text: 'Nom : SOLBOZ\n12 rue des Oliviers\n38OOO GRENOBLE' });
    expect(fields.find((f) => f.kind === 'name')?.value).toBe('SOLBOZ');
    expect(fields.find((f) => f.kind === 'address')?.value).toBe('12 rue des Oliviers, 38000 GRENOBLE');
    expect(fields.find((f) => f.kind === 'postcode')).toMatchObject({
      value: '38000',
      repaired: true,
      raw: '38OOO',
    });
  });

  it('marks a repaired value and keeps what was read', () => {
    const f = extractFields({ text: 'Numéro fiscal : 3O 23 2l7 6OO O53' }).find(
      (x) => x.kind === 'fiscal-number',
    );
    expect(f).toMatchObject({
      value: '3023217600053',
      valid: true,
      repaired: true,
      raw: '3O 23 2l7 6OO O53',
    });
  });

  it('returns a repaired value that still fails as invalid, with low confidence, not dropped', () => {
    const f = extractFields({ text: 'Numéro fiscal : 3O 23 2l7 6OO O54' }).find(
      (x) => x.kind === 'fiscal-number',
    );
    expect(f).toMatchObject({ value: '3023217600054', valid: false, repaired: true });
    expect(f?.validation?.code).toBe('bad-checksum');
    expect(f?.confidence ?? 1).toBeLessThan(0.3);
  });

  it('keeps a Corsican NIR’s letter', () => {
    const f = extractFields({ text: 'N° de sécurité sociale : 2 12 01 2A 004 018 35' }).find(
      (x) => x.kind === 'nir',
    );
    expect(f).toMatchObject({ value: '212012A00401835', valid: true });
  });
});

describe('bad input', () => {
  it('throws a typed error for input of the wrong shape, and gives no field for empty text', () => {
    expect(() => extractFields(null as never)).toThrow(ExtractError);
    expect(() => extractFields({} as never)).toThrow(ExtractError);
    expect(extractFields({ text: '' })).toEqual([]);
    expect(extractFields({ text: '%%%\n\n\u0000 ☺ 🙂' })).toEqual([]);
  });
});
