import { checkDigits, compact } from './checksums.ts';
import { fail, ok, type ValidationResult } from './types.ts';

/**
 * Numéro allocataire CAF: 7 digits, no public check digit. Some letters print it on 8 with a
 * leading zero: accepted and normalised to 7.
 */
export function validateCafNumber(value: string): ValidationResult {
  const n = compact(value);
  const shape = checkDigits(n, 7, 8);
  // "Too long" counts from 7, the usual length, so the message matches what people see.
  if (shape?.code === 'too-long') return fail('too-long', { extra: n.length - 7 });
  if (shape) return fail(shape.code, shape.params, shape.partial);
  return ok(n.length === 8 && n.startsWith('0') ? n.slice(1) : n);
}
