import { checkDigits, compact, modString } from './checksums.ts';
import { fail, ok, type ValidationResult } from './types.ts';

/** Numéro fiscal (SPI): 13 digits, first 0–3, last three = first ten mod 511. */
export function validateFiscalNumber(value: string): ValidationResult {
  const n = compact(value);
  const shape = checkDigits(n, 13, 13, (s) => /^[0-3]/.test(s));
  if (shape) return fail(shape.code, shape.params, shape.partial);
  if (!/^[0-3]/.test(n)) return fail('bad-format', { part: 'first' });
  if (modString(n.slice(0, 10), 511) !== Number(n.slice(10))) return fail('bad-checksum', { count: 3 });
  return ok(n);
}

export function formatFiscalNumber(n: string): string {
  const m = /^(\d{2})(\d{2})(\d{3})(\d{3})(\d{3})$/.exec(n);
  return m ? m.slice(1).join(' ') : n;
}
