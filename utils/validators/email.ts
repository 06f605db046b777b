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
  const normalized = `${local}@${domain.toLowerCase()}`;
  const suggestion = suggestDomain(domain.toLowerCase());
  return suggestion ? ok(normalized, { suggestion: `${local}@${suggestion}` }) : ok(normalized);
}

/** Mailbox providers most people in France use: a near miss ("gmial.com") is almost always a slip. */
const COMMON_DOMAINS = [
  'gmail.com',
  'hotmail.fr',
  'hotmail.com',
  'yahoo.fr',
  'yahoo.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'outlook.fr',
  'outlook.com',
  'live.fr',
  'icloud.com',
  'neuf.fr',
  'bbox.fr',
];

/** Optimal string alignment distance (a swap of two neighbours counts as one slip). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (d[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = v;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

export function suggestDomain(domain: string): string | undefined {
  if (COMMON_DOMAINS.includes(domain)) return undefined;
  let best: { domain: string; d: number } | undefined;
  for (const known of COMMON_DOMAINS) {
    const d = distance(domain, known);
    if (d <= (known.length > 8 ? 2 : 1) && (!best || d < best.d)) best = { domain: known, d };
  }
  return best?.domain;
}
