import { ISO_COUNTRIES } from './countries.ts';
import { fail, ok, type ValidationResult } from './types.ts';

export function validateBic(value: string): ValidationResult {
  const bic = value.replace(/[\s.\-_]+/g, '').toUpperCase();
  if (bic.length === 0) return fail('empty');
  if (!/^[A-Z0-9]+$/.test(bic)) return fail('bad-chars');
  // 4 letters (bank), 2 letters (country), 2 letters/digits (place), optional 3 (branch).
  const prefixOk = /^[A-Z]{0,6}$/.test(bic) || /^[A-Z]{6}[A-Z0-9]*$/.test(bic);
  if (!prefixOk) return fail('bad-format');
  if (bic.length >= 6 && !ISO_COUNTRIES.has(bic.slice(4, 6)))
    return fail('bad-country', { country: bic.slice(4, 6) });
  if (bic.length < 8) return fail('too-short', { missing: 8 - bic.length }, true);
  if (bic.length === 9 || bic.length === 10) return fail('too-short', { missing: 11 - bic.length }, true);
  if (bic.length > 11) return fail('too-long', { extra: bic.length - 11 });
  return ok(bic, { country: bic.slice(4, 6) });
}
