import { checkDigits, compact, luhnValid } from './checksums.ts';
import { fail, ok, type ValidationResult } from './types.ts';

/** La Poste's establishments share SIREN 356000000 and their SIRETs break Luhn. */
const LA_POSTE = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

export function validateSiren(value: string): ValidationResult {
  const n = compact(value);
  const shape = checkDigits(n, 9, 9);
  if (shape) return fail(shape.code, shape.params, shape.partial);
  if (!luhnValid(n)) return fail('bad-checksum', { count: 1 });
  return ok(n);
}

export function validateSiret(value: string): ValidationResult {
  const n = compact(value);
  const shape = checkDigits(n, 14, 14);
  if (shape) return fail(shape.code, shape.params, shape.partial);
  if (!luhnValid(n.slice(0, 9))) return fail('bad-checksum', { count: 1, part: 'siren' });
  // The head office (…00048) follows Luhn like everyone else (same rule as python-stdnum).
  if (n.startsWith(LA_POSTE) && n !== LA_POSTE_HEAD_OFFICE) {
    const sum = [...n].reduce((s, d) => s + Number(d), 0);
    if (sum % 5 !== 0) return fail('bad-checksum', { count: 1 });
  } else if (!luhnValid(n)) {
    return fail('bad-checksum', { count: 1 });
  }
  return ok(n, { siren: n.slice(0, 9) });
}
