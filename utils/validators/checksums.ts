/** Remainder of a long decimal string modulo m, digit by digit (no BigInt needed). */
export function modString(digits: string, m: number): number {
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + (ch.charCodeAt(0) - 48)) % m;
  return rest;
}

/** Luhn check (SIREN, SIRET): doubling every second digit from the right. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Letters become 10..35, as ISO 7064 mod 97-10 (IBAN) wants. */
export function lettersToDigits(value: string): string {
  let out = '';
  for (const ch of value) out += /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
  return out;
}

/** Removes the separators people and documents put inside numbers. */
export function compact(value: string): string {
  return value.replace(/[\s.\-_/]+/g, '').toUpperCase();
}

/**
 * Shared shape check for all-digit numbers: empty, bad characters, length.
 * `prefixOk` tells whether a too-short value is still a plausible beginning.
 */
export function checkDigits(
  digits: string,
  min: number,
  max: number,
  prefixOk: (s: string) => boolean = () => true,
): { code: string; params?: Record<string, number>; partial?: boolean } | null {
  if (digits.length === 0) return { code: 'empty' };
  if (!/^\d+$/.test(digits)) return { code: 'bad-chars' };
  if (digits.length < min) {
    return { code: 'too-short', params: { missing: min - digits.length }, partial: prefixOk(digits) };
  }
  if (digits.length > max) return { code: 'too-long', params: { extra: digits.length - max } };
  return null;
}
