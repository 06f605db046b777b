import { lettersToDigits, modString } from './checksums.ts';
import { FRENCH_BBAN, IBAN_LENGTHS } from './countries.ts';
import { fail, ok, type ValidationResult } from './types.ts';

export function compactIban(value: string): string {
  // People paste "IBAN : FR76 …" with the label; documents group by 4 with spaces or dashes.
  return value
    .replace(/^\s*IBAN\s*:?\s*/i, '')
    .replace(/[\s.\-_]+/g, '')
    .toUpperCase();
}

export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Clé RIB: 97 − ((89 × bank + 15 × branch + 3 × account) mod 97), letters mapped as banks do. */
export function ribKey(bank: string, branch: string, account: string): number {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const digitsOf = (s: string) =>
    s.replace(/[A-Z]/g, (ch) => {
      const i = letters.indexOf(ch);
      // A–I → 1–9, J–R → 1–9, S–Z → 2–9 (the S jump is historical).
      return String(i < 9 ? i + 1 : i < 18 ? i - 8 : i - 16);
    });
  const total = 89 * Number(bank) + 15 * Number(branch) + 3 * modString(digitsOf(account), 97);
  return 97 - (total % 97);
}

export function validateIban(value: string): ValidationResult {
  const iban = compactIban(value);
  if (iban.length === 0) return fail('empty');
  if (!/^[A-Z0-9]+$/.test(iban)) return fail('bad-chars');
  const country = iban.slice(0, 2);
  if (!/^[A-Z]{1,2}$/.test(country)) return fail('bad-country');
  if (country.length < 2) return fail('too-short', {}, true);
  const length = IBAN_LENGTHS[country];
  if (length === undefined) return fail('bad-country', { country });
  if (iban.length > 2 && !/^\d{1,2}/.test(iban.slice(2, 4))) return fail('bad-format', { country, length });
  if (iban.length < length) {
    const partial = /^[A-Z]{2}\d{0,2}[A-Z0-9]*$/.test(iban) && frenchPrefixOk(country, iban);
    return fail('too-short', { missing: length - iban.length, country, length }, partial);
  }
  if (iban.length > length) return fail('too-long', { extra: iban.length - length, country, length });
  if (!/^\d{2}$/.test(iban.slice(2, 4))) return fail('bad-format', { country, length });
  const check = Number(iban.slice(2, 4));
  // ISO 13616: check digits 00, 01 and 99 never occur.
  if (check < 2 || check > 98) return fail('bad-checksum', { country });
  if (modString(lettersToDigits(iban.slice(4) + iban.slice(0, 4)), 97) !== 1) {
    return fail('bad-checksum', { country });
  }
  if (FRENCH_BBAN.has(country)) {
    const m = /^(\d{5})(\d{5})([A-Z0-9]{11})(\d{2})$/.exec(iban.slice(4));
    if (!m) return fail('bad-format', { country, length });
    const [, bank = '', branch = '', account = '', key = ''] = m;
    if (ribKey(bank, branch, account) !== Number(key)) return fail('bad-checksum', { country });
  }
  return ok(formatIban(iban), { country });
}

function frenchPrefixOk(country: string, iban: string): boolean {
  if (!FRENCH_BBAN.has(country)) return true;
  const bban = iban.slice(4);
  // Bank and branch codes are digits; the account may hold letters; the key is digits.
  return (
    /^\d{0,10}$/.test(bban) || /^\d{10}[A-Z0-9]{0,11}$/.test(bban) || /^\d{10}[A-Z0-9]{11}\d{0,2}$/.test(bban)
  );
}
