import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingKeys } from '../../../utils/i18n/index.ts';
import {
  detectDocumentType,
  documentTypeLabel,
  extractCatalogs,
  extractFields,
  fieldLabel,
} from '../../../utils/ocr/extract/index.ts';
import { synthOcr } from './synth.ts';

// Valid numbers built with BigInt arithmetic, independently of the validators' code.
const mod = (digits: string, m: number) => Number(BigInt(digits) % BigInt(m));
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const fiscal = fc
  .tuple(fc.constantFrom('0', '1', '2', '3'), digits(9))
  .map(([a, b]) => a + b + String(mod(a + b, 511)).padStart(3, '0'));
const nir = fc
  .tuple(fc.constantFrom('1', '2'), digits(2), fc.constantFrom('01', '05', '11'), digits(8))
  .map(([s, y, m, r]) => {
    const body = s + y + m + r;
    return body + String(97 - mod(body, 97)).padStart(2, '0');
  });
const frIban = fc.tuple(digits(5), digits(5), digits(11)).map(([bank, branch, account]) => {
  const key = 97 - ((89 * Number(bank) + 15 * Number(branch) + 3 * Number(account)) % 97);
  const bban = bank + branch + account + String(key).padStart(2, '0');
  const n = `${bban}152700`; // "FR00" with F=15, R=27
  return `FR${String(98 - mod(n, 97)).padStart(2, '0')}${bban}`;
});

const CASES = [
  { kind: 'fiscal-number', label: 'Numéro fiscal :', arb: fiscal },
  { kind: 'nir', label: 'N° de sécurité sociale :', arb: nir },
  { kind: 'iban', label: 'IBAN :', arb: frIban },
] as const;

/** Prints a number the way documents and OCR do: random groups, some digits misread as letters. */
const printed = (value: string) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 12, maxLength: 12 }),
      fc.array(fc.boolean(), { minLength: value.length, maxLength: value.length }),
    )
    .map(([sizes, confuse]) => {
      const misread: Record<string, string> = { '0': 'O', '1': 'l', '5': 'S', '8': 'B' };
      // Never in the IBAN country code; elsewhere any digit may be misread.
      const chars = [...value].map((ch, i) => (confuse[i] && i >= 2 && misread[ch] ? misread[ch] : ch));
      const groups: string[] = [];
      let i = 0;
      for (const size of sizes) {
        if (i >= chars.length) break;
        groups.push(chars.slice(i, i + size).join(''));
        i += size;
      }
      if (i < chars.length) groups.push(chars.slice(i).join(''));
      return groups.join(' ');
    });

describe('extraction property: right numbers come out valid, one wrong digit never does', () => {
  for (const { kind, label, arb } of CASES) {
    it(`${kind}: grouped and misread, still found and valid`, () => {
      fc.assert(
        fc.property(
          arb.chain((v) => fc.tuple(fc.constant(v), printed(v))),
          fc.boolean(),
          ([value, text], boxes) => {
            const doc = `Document\n${label} ${text}\nFin`;
            const fields = extractFields(boxes ? synthOcr(doc) : { text: doc });
            const f = fields.find((x) => x.kind === kind);
            expect(f, doc).toMatchObject({ value, valid: true });
          },
        ),
        { numRuns: Number(process.env.RUNS ?? 150) },
      );
    });

    it(`${kind}: one digit changed → returned, marked invalid`, () => {
      fc.assert(
        fc.property(arb, fc.nat(), fc.integer({ min: 1, max: 9 }), (value, at, delta) => {
          const i = 2 + (at % (value.length - 2)); // keep the IBAN country letters
          const ch = value[i] ?? '0';
          if (!/\d/.test(ch)) return;
          const wrong = value.slice(0, i) + String((Number(ch) + delta) % 10) + value.slice(i + 1);
          const fields = extractFields({ text: `${label} ${wrong}` });
          const f = fields.find((x) => x.kind === kind);
          expect(f, wrong).toBeDefined();
          expect(f?.valid).toBe(false);
          expect(fields.some((x) => x.valid && x.value === wrong)).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('document type', () => {
  it('says unknown for text that is not one of the six documents', () => {
    expect(detectDocumentType('Liste de courses : pain, lait, pommes').type).toBe('unknown');
    expect(detectDocumentType('').type).toBe('unknown');
  });

  it('names every type and field kind in fr, en and ar', () => {
    expect(missingKeys(extractCatalogs, 'en')).toEqual([]);
    expect(missingKeys(extractCatalogs, 'ar')).toEqual([]);
    const { labelKey } = detectDocumentType('RELEVÉ D’IDENTITÉ BANCAIRE\nIBAN : FR76…\nBIC : BNPAFRPP');
    expect(labelKey).toBe('doctype.rib');
    expect(documentTypeLabel('fr', labelKey)).toBe('RIB (relevé d’identité bancaire)');
    expect(fieldLabel('fr', { kind: 'date', meaning: 'naissance' })).toBe('date de naissance');
    expect(fieldLabel('en', { kind: 'fiscal-number' })).toBe('tax number');
  });
});
