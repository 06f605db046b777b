import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALIDATOR_CODES, VALIDATOR_IDS, validate } from '../../../utils/validators/index.ts';

// Independent check-digit builders (BigInt arithmetic, not the module's digit-by-digit code).
const mod = (digits: string, m: number) => Number(BigInt(digits) % BigInt(m));
const ibanDigits = (s: string) => s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));

function makeFrIban(bank: string, branch: string, account: string): string {
  const rib = 97 - ((89 * Number(bank) + 15 * Number(branch) + 3 * Number(account)) % 97);
  const bban = `${bank}${branch}${account}${String(rib).padStart(2, '0')}`;
  const check = 98 - mod(ibanDigits(`${bban}FR00`), 97);
  return `FR${String(check).padStart(2, '0')}${bban}`;
}
function makeDeIban(bban: string): string {
  const check = 98 - mod(ibanDigits(`${bban}DE00`), 97);
  return `DE${String(check).padStart(2, '0')}${bban}`;
}
function makeNir(body: string): string {
  return body + String(97 - mod(body, 97)).padStart(2, '0');
}
function makeFiscal(first10: string): string {
  return first10 + String(mod(first10, 511)).padStart(3, '0');
}

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const frIban = fc.tuple(digits(5), digits(5), digits(11)).map(([a, b, c]) => makeFrIban(a, b, c));
const deIban = digits(18).map(makeDeIban);
const nir = fc
  .tuple(
    fc.constantFrom('1', '2', '7', '8'),
    digits(2),
    fc.constantFrom('01', '06', '12', '30', '41', '55'),
    digits(8),
  )
  .map(([s, y, m, rest]) => makeNir(s + y + m + rest));
const fiscal = fc.tuple(fc.constantFrom('0', '1', '2', '3'), digits(9)).map(([a, b]) => makeFiscal(a + b));

/** Every value that differs from `value` by one digit. */
function singleDigitMutations(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (!/\d/.test(ch)) continue;
    for (let d = 0; d <= 9; d++) if (String(d) !== ch) out.push(value.slice(0, i) + d + value.slice(i + 1));
  }
  return out;
}

describe('check digits catch every single-digit error', () => {
  const cases = [
    ['iban', frIban],
    ['iban', deIban],
    ['nir', nir],
    ['fiscal-number', fiscal],
  ] as const;
  for (const [id, arb] of cases) {
    it(`${id}: generated values pass, every one-digit change fails`, () => {
      fc.assert(
        fc.property(arb, (value) => {
          expect(validate(id, value).valid).toBe(true);
          for (const wrong of singleDigitMutations(value))
            expect(validate(id, wrong).valid, wrong).toBe(false);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('typing in progress', () => {
  it('every proper prefix of a valid value is partial and counts what is missing', () => {
    const arb = fc.oneof(
      frIban.map((v) => ['iban', v, 27] as const),
      nir.map((v) => ['nir', v, 15] as const),
      fiscal.map((v) => ['fiscal-number', v, 13] as const),
    );
    fc.assert(
      fc.property(arb, ([id, value, length]) => {
        for (let n = 3; n < value.length; n++) {
          const r = validate(id, value.slice(0, n));
          expect(r, value.slice(0, n)).toMatchObject({ valid: false, code: 'too-short', partial: true });
          expect(r.params?.missing).toBe(length - n);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('prefixes of dates, phones and emails are partial', () => {
    for (const [id, full] of [
      ['date', '12/03/1985'],
      ['phone', '06 12 34 56 78'],
      ['email', 'jean.dupont@exemple.fr'],
      ['postcode', '75001'],
      ['bic', 'DEUTDEFF500'],
    ] as const) {
      for (let n = 1; n < full.length; n++) {
        const prefix = full.slice(0, n);
        if (prefix.endsWith(' ')) continue;
        const r = validate(id, prefix);
        // A shorter form can already be complete (an 8-letter BIC): then it is valid, not partial.
        expect(r.valid || r.partial, `${id} ${prefix}`).toBe(true);
      }
    }
  });
});

describe('robustness', () => {
  it('never throws and only returns codes listed in VALIDATOR_CODES', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALIDATOR_IDS), fc.string({ maxLength: 40 }), (id, value) => {
        const r = validate(id, value);
        if (r.valid) expect(r.code).toBe('ok');
        else expect(VALIDATOR_CODES[id]).toContain(r.code);
      }),
      { numRuns: 2000 },
    );
  });

  it('digit-like noise also stays within the listed codes', () => {
    const noisy = fc
      .array(fc.constantFrom(...'0123456789 AB+-./@FRfr2'), { maxLength: 30 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...VALIDATOR_IDS), noisy, (id, value) => {
        const r = validate(id, value);
        if (!r.valid) expect(VALIDATOR_CODES[id]).toContain(r.code);
      }),
      { numRuns: 3000 },
    );
  });
});
