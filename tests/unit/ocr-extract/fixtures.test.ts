import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDocumentType, extractFields } from '../../../utils/ocr/extract/index.ts';

const dir = join(import.meta.dirname, '../../fixtures/ocr-text');

type Expected = { kind: string; value: string; valid: boolean; meaning?: string };
type Spec = {
  type: string;
  fields: Expected[];
  variants?: Record<string, Expected[]>;
  /** Readings that must not come out (stray numbers, misread values). */
  absent?: Record<string, Array<{ kind: string; value: string }>>;
};

const specs = readdirSync(dir).filter((f) => f.endsWith('.expected.json'));

describe.each(specs)('%s', (specFile) => {
  const doc = specFile.replace('.expected.json', '');
  const spec = JSON.parse(readFileSync(join(dir, specFile), 'utf8')) as Spec;
  const texts = readdirSync(dir).filter((f) => f.startsWith(`${doc}.`) && f.endsWith('.txt'));

  it.each(texts)('%s: every expected field, with its validity', (file) => {
    const variant = file.slice(doc.length + 1, -'.txt'.length) || 'clean';
    const expected = spec.variants?.[variant] ?? spec.fields;
    const fields = extractFields({ text: readFileSync(join(dir, file), 'utf8') });
    for (const e of expected) {
      const match = fields.find(
        (f) =>
          f.kind === e.kind && f.value === e.value && (e.meaning === undefined || f.meaning === e.meaning),
      );
      expect(
        match,
        `${file}: ${e.kind} ${e.value} ${e.meaning ?? ''}\n${JSON.stringify(fields.map((f) => [f.kind, f.value, f.meaning]))}`,
      ).toBeDefined();
      expect(match?.valid, `${file}: ${e.kind} ${e.value} validity`).toBe(e.valid);
      if (!e.valid) expect(match?.confidence).toBeLessThan(0.5);
      if (e.valid && match?.validation) expect(match.validation.valid).toBe(true);
    }
    for (const a of spec.absent?.[variant] ?? []) {
      expect(
        fields.some((f) => f.kind === a.kind && f.value === a.value),
        `${file}: no ${a.kind} ${a.value}`,
      ).toBe(false);
    }
  });

  it.each(texts)('%s: document type', (file) => {
    expect(detectDocumentType(readFileSync(join(dir, file), 'utf8')).type).toBe(spec.type);
  });
});

describe('nothing invalid is marked valid', () => {
  it('every field that carries a validation agrees with it, on every fixture', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      for (const f of extractFields({ text: readFileSync(join(dir, file), 'utf8') })) {
        if (
          f.validation &&
          ['iban', 'nir', 'fiscal-number', 'siret', 'bic', 'caf-number', 'postcode', 'date'].includes(f.kind)
        ) {
          expect(f.valid, `${file} ${f.kind} ${f.value}`).toBe(f.validation.valid);
        }
        expect(f.confidence).toBeGreaterThanOrEqual(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});
