/**
 * Machine-readable zone of residence permits, ID cards (TD1, 3 × 30) and passports (TD3, 2 × 44):
 * birth and expiry dates carry ICAO 9303 check digits, so they are read more surely than the
 * printed ones. OCR often reads "<" as "«", "K" or a space inside the zone.
 */
import { validate } from '../../validators/index.ts';
import { fieldConfidence } from './confidence.ts';
import { type Line, meanConf, unionBox } from './layout.ts';
import { toDigits } from './repair.ts';
import type { ExtractedField } from './types.ts';

/** ICAO 9303 check digit: weights 7, 3, 1; A–Z are 10–35, "<" is 0. */
export function mrzCheckDigit(text: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  [...text].forEach((ch, i) => {
    const v = /\d/.test(ch) ? Number(ch) : ch === '<' ? 0 : ch.charCodeAt(0) - 55;
    sum += v * (weights[i % 3] ?? 1);
  });
  return sum % 10;
}

function mrzText(line: Line): string {
  // Case kept: a lowercase l or o in the zone is a misread 1 or 0 (the zone is all capitals).
  return line.text.replace(/«/g, '<<').replace(/\s+/g, '');
}

const isMrzLine = (s: string) =>
  s.length >= 28 && /^[A-Za-z0-9<]+$/.test(s) && (s.match(/</g) ?? []).length >= 2;

/** YYMMDD → JJ/MM/AAAA; birth dates in the future belong to the previous century. */
function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', today: Date): string {
  const yy = Number(yymmdd.slice(0, 2));
  const century = today.getFullYear() - (today.getFullYear() % 100);
  let year = century + yy;
  if (kind === 'birth' && year > today.getFullYear()) year -= 100;
  if (kind === 'expiry' && year < today.getFullYear() - 50) year += 100;
  return `${yymmdd.slice(4, 6)}/${yymmdd.slice(2, 4)}/${year}`;
}

export function findMrz(lines: Line[], today = new Date()): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const line of lines) {
    const s = mrzText(line);
    if (!isMrzLine(s)) continue;
    // Birth, check, sex, expiry, check: the same run in TD1 line 2 and TD3 line 2.
    const m = /([0-9OolISBZ]{6})([0-9OolISBZ])([MF<X])([0-9OolISBZ]{6})([0-9OolISBZ])/.exec(s);
    if (m) {
      const toks = line.toks;
      const parts: Array<[string, string, 'birth' | 'expiry', string]> = [
        [toDigits(m[1] ?? ''), toDigits(m[2] ?? ''), 'birth', 'naissance'],
        [toDigits(m[4] ?? ''), toDigits(m[5] ?? ''), 'expiry', 'fin'],
      ];
      for (const [yymmdd, check, kind, meaning] of parts) {
        const value = mrzDate(yymmdd, kind, today);
        const result = validate('date', value);
        const valid = result.valid && mrzCheckDigit(yymmdd) === Number(check);
        const repaired = yymmdd + check !== (kind === 'birth' ? (m[1] ?? '') + m[2] : (m[4] ?? '') + m[5]);
        const field: ExtractedField = {
          kind: 'date',
          value: result.normalized ?? value,
          raw: yymmdd + check,
          valid,
          confidence: fieldConfidence({
            ocr: meanConf(toks),
            labelled: true,
            valid,
            checked: true,
            repaired,
          }),
          validation: valid ? result : { valid: false, code: 'bad-checksum', params: { count: 1 } },
          meaning,
          label: 'MRZ',
        };
        const box = unionBox(toks);
        if (box) field.box = box;
        if (repaired) field.repaired = true;
        fields.push(field);
      }
      continue;
    }
    // Names: "SURNAME<<GIVEN<NAMES" (TD1 line 3) or "P<FRASURNAME<<GIVEN" (TD3 line 1).
    const n = /^(?:P[A-Z<]([A-Z<]{3}))?([A-Z]+(?:<[A-Z]+)*)<<([A-Z]+(?:<[A-Z]+)*)<*$/.exec(s.toUpperCase());
    if (n && !/\d/.test(s)) {
      for (const [value, meaning] of [
        [(n[2] ?? '').replace(/</g, ' '), 'nom'],
        [(n[3] ?? '').replace(/</g, ' '), 'prenom'],
      ] as const) {
        if (!value) continue;
        const field: ExtractedField = {
          kind: 'name',
          value,
          raw: s,
          valid: true,
          confidence: fieldConfidence({
            ocr: meanConf(line.toks),
            labelled: true,
            valid: true,
            checked: false,
            repaired: false,
          }),
          meaning,
          label: 'MRZ',
        };
        const box = unionBox(line.toks);
        if (box) field.box = box;
        fields.push(field);
      }
    }
  }
  return fields;
}
