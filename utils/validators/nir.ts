import { compact, modString } from './checksums.ts';
import { fail, ok, type ValidationResult } from './types.ts';

/** Sex digit: 1/2, 3/4 (foreign-born, pending), 7/8 (temporary numbers, NIA). */
const SEX = /^[123478]/;
/** Month: 01–12, or 20–42 and 50–99 when the civil status is incomplete (official pseudo-months). */
const MONTH = /^(0[1-9]|1[0-2]|[23]\d|4[0-2]|[5-9]\d)$/;

export function nirKey(first13: string): number {
  const dept = first13.slice(5, 7);
  const corsica = dept === '2A' ? '19' : dept === '2B' ? '18' : dept;
  const digits = first13.slice(0, 5) + corsica + first13.slice(7);
  return 97 - modString(digits, 97);
}

export function validateNir(value: string): ValidationResult {
  const nir = compact(value);
  if (nir.length === 0) return fail('empty');
  // Only Corsica's 2A/2B (positions 6–7) may hold a letter.
  const digitsOnly = /^\d{5}2[AB]/.test(nir) ? `${nir.slice(0, 6)}0${nir.slice(7)}` : nir;
  if (!/^\d+$/.test(digitsOnly)) return fail('bad-chars');
  if (!SEX.test(nir)) return fail('bad-format', { part: 'sex' });
  const month = nir.slice(3, 5);
  if (month.length === 2 && !MONTH.test(month)) return fail('bad-format', { part: 'month' });
  if (nir.length < 15) return fail('too-short', { missing: 15 - nir.length }, true);
  if (nir.length > 15) return fail('too-long', { extra: nir.length - 15 });
  if (nirKey(nir.slice(0, 13)) !== Number(nir.slice(13))) return fail('bad-checksum', { count: 2 });
  return ok(nir);
}

/** "2 95 10 99 126 111 93": the grouping printed on the carte Vitale. */
export function formatNir(nir: string): string {
  const m = /^(.)(..)(..)(..)(...)(...)(..)$/.exec(nir);
  return m ? m.slice(1).join(' ') : nir;
}
