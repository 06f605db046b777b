import { describe, expect, it } from 'vitest';
import { ocrMessages } from '../../../components/features/ocr/messages.ts';
import { recheckValue } from '../../../utils/ocr/fill/index.ts';
import { placeholdersOf, withoutExtraPluralForms } from '../plural-keys';

describe('recheckValue', () => {
  it('re-runs the validator on a corrected value', () => {
    const read = { kind: 'iban' as const, value: 'FR7630006000011234567890188', valid: false };
    expect(recheckValue(read, read.value)).toBe(false);
    expect(recheckValue(read, 'FR7630006000011234567890189')).toBe(true);
    expect(recheckValue(read, 'FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(
      recheckValue({ kind: 'fiscal-number', value: '3023217600053', valid: true }, '3023217600054'),
    ).toBe(false);
  });

  it('keeps the status of an unchanged value without validator, trusts a typed one, refuses an empty one', () => {
    const name = { kind: 'name' as const, value: 'Camile EXEMPLE', valid: false };
    expect(recheckValue(name, 'Camile EXEMPLE')).toBe(false);
    expect(recheckValue(name, 'Camille EXEMPLE')).toBe(true);
    expect(recheckValue(name, '  ')).toBe(false);
  });
});

describe('OCR tab messages', () => {
  it('has every French key in English and Arabic, with the same placeholders', () => {
    const fr = ocrMessages.fr as Record<string, string>;
    for (const lang of ['en', 'ar'] as const) {
      const other = ocrMessages[lang] as Record<string, string>;
      expect(withoutExtraPluralForms(fr, other).sort()).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(other))
        expect(placeholdersOf(key, text), `${lang} ${key}`).toEqual(
          placeholdersOf(key, fr[key] ?? fr[key.replace(/\.[a-z]+$/, '.other')] ?? ''),
        );
    }
  });

  it('speaks plainly: short French sentences, no English left in the French catalog', () => {
    for (const [key, text] of Object.entries(ocrMessages.fr)) {
      const longest = Math.max(...text.split(/[.:!?]/).map((s) => s.trim().split(/\s+/).length));
      expect(longest, key).toBeLessThanOrEqual(18);
      expect(text, key).not.toMatch(/\b(the|upload|file|scan)\b/i);
    }
  });
});
