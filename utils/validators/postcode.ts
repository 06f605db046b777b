import { checkDigits, compact } from './checksums.ts';
import { fail, ok, type ValidationResult } from './types.ts';

/** Overseas and Monaco prefixes (3 digits) that have postcodes. */
const OVERSEAS = new Set([
  '971',
  '972',
  '973',
  '974',
  '975',
  '976',
  '977',
  '978',
  '980',
  '986',
  '987',
  '988',
]);

function areaOk(code: string): boolean {
  const dept = Number(code.slice(0, 2));
  // 01–95 mainland; Corsica kept its 20xxx postcodes when it became 2A/2B.
  if (dept >= 1 && dept <= 95) return true;
  return OVERSEAS.has(code.slice(0, 3));
}

export function validatePostcode(value: string): ValidationResult {
  const n = compact(value);
  const shape = checkDigits(
    n,
    5,
    5,
    (s) => s.length < 2 || areaOk(`${s}000`.slice(0, 3)) || /^9[78]$/.test(s),
  );
  if (shape) return fail(shape.code, shape.params, shape.partial);
  if (!areaOk(n)) return fail('unknown-area');
  return ok(n);
}
