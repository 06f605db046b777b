import { describe, expect, it } from 'vitest';
import type { DocumentReading } from '../../../utils/ocr/index.ts';
import { withCode } from '../../../utils/ocr/with-code.ts';
import { checkTwoDDocText } from '../../../utils/twoddoc/read.ts';
import { signedCode, TEST_TRUST } from '../../fixtures/twoddoc/make.ts';

function ocrReading(fields: DocumentReading['fields']): DocumentReading {
  return {
    text: '',
    rawText: '',
    confidence: 90,
    documentType: { type: 'unknown', confidence: 0, labelKey: 'doctype.unknown' },
    fields,
    lines: [],
    quality: null,
    source: 'ocr',
    skewAngle: 0,
    rotation: 0,
    size: null,
    durationMs: 1,
  };
}

const ocrIncome = {
  kind: 'reference-tax-income',
  value: '18480',
  raw: '18 480',
  valid: true,
  confidence: 0.8,
} as const;

describe('a reading with its code', () => {
  it('puts the verified code’s values first, keeps the type it gives, tells what disagrees', async () => {
    const code = await checkTwoDDocText(await signedCode(), TEST_TRUST);
    const { reading, code: outcome } = withCode(ocrReading([ocrIncome]), code);
    expect(reading.documentType.type).toBe('avis-imposition');
    expect(reading.fields[0]?.source).toBe('2ddoc');
    expect(reading.fields.filter((f) => f.kind === 'reference-tax-income').map((f) => f.value)).toEqual([
      '18430',
    ]);
    expect(outcome?.disagreements).toEqual([{ kind: 'reference-tax-income', code: '18430', ocr: '18480' }]);
  });
  it('leaves the OCR reading alone when the code is false or broken, and reports it', async () => {
    const tampered = await checkTwoDDocText((await signedCode()).replace('18430', '18431'), TEST_TRUST);
    const out = withCode(ocrReading([ocrIncome]), tampered);
    expect(out.reading.fields).toEqual([ocrIncome]);
    expect(out.code?.reading.ok && out.code.reading.verification.status).toBe('bad-signature');
    const broken = await checkTwoDDocText('DC04PP00');
    expect(withCode(ocrReading([ocrIncome]), broken).reading.fields).toEqual([ocrIncome]);
    expect(withCode(ocrReading([ocrIncome]), null)).toEqual({ reading: ocrReading([ocrIncome]), code: null });
  });
});
