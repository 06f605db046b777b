import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFields, type OcrBox } from '../../../utils/ocr/extract/index.ts';
import { fromTesseractTsv } from './tsv.ts';

// Real word boxes and confidences from tesseract 5 (see tests/fixtures/ocr-text/README.md).
const load = (name: string) =>
  fromTesseractTsv(readFileSync(join(import.meta.dirname, '../../fixtures/ocr-text', name), 'utf8'));

const inside = (inner: OcrBox, outer: OcrBox) =>
  inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;

describe('on tesseract word boxes', () => {
  it('RIB: IBAN and BIC boxed on their own line, with confidences from the words', () => {
    const input = load('rib-specimen.tesseract-clean.tsv');
    const fields = extractFields(input);
    const iban = fields.find((f) => f.kind === 'iban');
    expect(iban).toMatchObject({ value: 'FR7630006000011234567890189', valid: true });
    const line = input.lines?.find((l) => l.text.startsWith('IBAN'));
    expect(line).toBeDefined();
    expect(iban?.box).toBeDefined();
    if (!iban?.box || !line) throw new Error('the IBAN has a box on its line (checked above)');
    expect(inside(iban.box, line.bbox)).toBe(true);
    // The box starts at the "FR76" word, not at the label.
    expect(iban.box.x0).toBe(line.words.find((w) => w.text === 'FR76')?.bbox.x0);
    expect(fields.find((f) => f.kind === 'bic')).toMatchObject({ value: 'AGRIFRPP', valid: true });
    for (const f of fields) expect(f.confidence).toBeLessThanOrEqual(1);
  });

  it('photo of a tax notice: the number printed away from its label is still found by its check digits', () => {
    const fields = extractFields(load('avis-imposition-specimen.tesseract-photo.tsv'));
    expect(fields.find((f) => f.kind === 'fiscal-number')).toMatchObject({
      value: '3023217600053',
      valid: true,
    });
    expect(fields.find((f) => f.kind === 'tax-notice-reference')).toMatchObject({ value: '2675A12345678' });
    expect(fields.find((f) => f.kind === 'fiscal-number')?.box).toBeDefined();
  });
});
