import { fail, ok, type ValidationResult } from './types.ts';

/** Overseas departments dial their own country codes but keep French 10-digit numbers (0262…, 0692…). */
const OVERSEAS_CODES = ['262', '269', '590', '594', '596'];

export function validatePhone(value: string): ValidationResult {
  let s = value.trim();
  if (s.length === 0) return fail('empty');
  // "+33 (0)6 …" is common on letterheads: the (0) must go.
  s = s.replace(/\(0\)/g, '').replace(/[\s.\-()/]+/g, '');
  if (!/^\+?\d*$/.test(s)) return fail('bad-chars');
  let national = s;
  let countryCode = '33';
  if (s.startsWith('+') || s.startsWith('00')) {
    const intl = s.startsWith('+') ? s.slice(1) : s.slice(2);
    const code = ['33', ...OVERSEAS_CODES].find((c) => intl.startsWith(c));
    if (!code) {
      const typing = ['33', ...OVERSEAS_CODES].some((c) => c.startsWith(intl));
      return typing ? fail('too-short', { missing: 11 - intl.length }, true) : fail('bad-country');
    }
    countryCode = code;
    // "+33 06…" is a frequent slip: the national 0 is dropped once, not counted as a digit.
    const rest = intl.slice(code.length);
    national = `0${rest.startsWith('0') ? rest.slice(1) : rest}`;
  }
  if (!national.startsWith('0')) return fail('bad-format', { part: 'start' });
  if (national[1] === '0') return fail('bad-format', { part: 'start' });
  if (national.length < 10) return fail('too-short', { missing: 10 - national.length }, true);
  if (national.length > 10) return fail('too-long', { extra: national.length - 10 });
  const grouped = national.replace(/(\d{2})(?=\d)/g, '$1 ');
  const rest = national.slice(1);
  const international =
    countryCode === '33'
      ? `+33 ${rest[0]} ${grouped.slice(3)}`
      : `+${countryCode} ${rest.slice(0, 3)} ${grouped.slice(6)}`;
  return ok(grouped, { international });
}
