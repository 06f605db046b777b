import { fail, ok, type ValidationResult } from './types.ts';

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** A reasonable check, not RFC 5322: what a person can type and a site will accept. */
export function validateEmail(value: string): ValidationResult {
  const s = value.trim();
  if (s.length === 0) return fail('empty');
  if (/\s/.test(s)) return fail('has-space');
  const at = s.split('@');
  if (at.length === 1) return fail('no-at', undefined, LOCAL.test(s) || /^[^@]+\.$/.test(s));
  if (at.length > 2) return fail('many-at');
  const [local = '', domain = ''] = at;
  if (local.length === 0) return fail('no-local');
  if (!LOCAL.test(local) || local.length > 64) return fail('bad-chars', { part: 'local' });
  if (domain.length === 0) return fail('bad-domain', undefined, true);
  const labels = domain.split('.');
  const typing =
    labels.slice(0, -1).every((l) => LABEL.test(l)) && /^[\p{L}\p{N}-]*$/u.test(labels.at(-1) ?? '');
  if (labels.length < 2 || labels.some((l) => !LABEL.test(l))) return fail('bad-domain', undefined, typing);
  const tld = labels.at(-1) ?? '';
  if (!/^(\p{L}{2,}|xn--[a-z0-9-]+)$/iu.test(tld)) return fail('bad-domain', undefined, typing);
  return ok(`${local}@${domain.toLowerCase()}`);
}
