import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MultipartError, parseMultipart } from '../../../demo/multipart.js';
import {
  checkValue,
  fiscalNumberValid,
  ibanValid,
  nirValid,
  parseFrenchDate,
} from '../../../demo/site/assets/checks.js';
import { type ValidatorId, validate } from '../../../utils/validators/index.ts';

/** NIR key computed independently with BigInt: 97 − (13 digits mod 97), Corsica 2A → 19, 2B → 18. */
function withKey(body13: string): string {
  const n = BigInt(body13.replace('2A', '19').replace('2B', '18'));
  return body13 + String(97n - (n % 97n)).padStart(2, '0');
}

describe('demo site checks', () => {
  it('accepts NIRs with the right key, Corsica included, and rejects a wrong key', () => {
    for (const body of [
      '2840575112345',
      '1850299123456',
      '185022A123456',
      '185022B123456',
      '3991299000001',
    ]) {
      const nir = withKey(body);
      expect(nirValid(nir), nir).toBe(true);
      expect(nirValid(nir.replace(/(\d{2})(\d{3})(\d{3})(\d{2})$/, ' $1 $2 $3 $4')), nir).toBe(true);
      const wrong = nir.slice(0, 13) + String((Number(nir.slice(13)) % 97) + 1).padStart(2, '0');
      expect(nirValid(wrong), wrong).toBe(false);
    }
    expect(nirValid('28405751123')).toBe(false);
  });

  it('checks IBANs with mod 97 and the French length', () => {
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(ibanValid('fr7630006000011234567890189')).toBe(true);
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 18')).toBe(false);
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
  });

  it('checks tax numbers: 13 digits, first 0–3, last three = first ten mod 511', () => {
    expect(fiscalNumberValid('3023217600053')).toBe(true);
    expect(fiscalNumberValid('30 23 217 600 053')).toBe(true);
    expect(fiscalNumberValid('3023217600054')).toBe(false);
    const first10 = '4023217600';
    expect(fiscalNumberValid(first10 + String(Number(first10) % 511).padStart(3, '0'))).toBe(false);
    expect(fiscalNumberValid('302321760005')).toBe(false);
  });

  it('reads real dates only, and the past rule refuses today and later', () => {
    expect(parseFrenchDate('29/02/2024')?.toISOString().slice(0, 10)).toBe('2024-02-29');
    expect(parseFrenchDate('29/02/2023')).toBeNull();
    expect(parseFrenchDate('2024-02-01')).toBeNull();
    const field = { label: 'Date', check: 'date-past' };
    expect(checkValue(field, '01/01/1990')).toBeNull();
    const next = new Date();
    next.setFullYear(next.getFullYear() + 1);
    const future = `${String(next.getDate()).padStart(2, '0')}/${String(next.getMonth() + 1).padStart(2, '0')}/${next.getFullYear()}`;
    expect(checkValue(field, future)).toContain('passé');
  });

  it('treats fields as required unless said otherwise, and optional empty fields pass', () => {
    expect(checkValue({ label: 'Nom' }, '  ')).toContain('obligatoire');
    expect(checkValue({ label: 'CAF', check: 'caf-number', required: false }, '')).toBeNull();
    expect(checkValue({ label: 'CAF', check: 'caf-number', required: false }, '12')).not.toBeNull();
    expect(checkValue({ label: 'Civilité', kind: 'radio' }, '')).toContain('Choisissez');
    expect(checkValue({ label: 'Code postal', check: 'postcode' }, '2A000')).not.toBeNull();
    expect(checkValue({ label: 'Tél', check: 'phone' }, '+33 6 12 34 56 78')).toBeNull();
    expect(checkValue({ label: 'Tél', check: 'phone' }, '06 12 34 56')).not.toBeNull();
  });
});

describe('demo multipart parser', () => {
  const type = 'multipart/form-data; boundary=----b0undary';
  const body = (parts: string[]) =>
    Buffer.from(`${parts.map((p) => `------b0undary\r\n${p}\r\n`).join('')}------b0undary--\r\n`);

  it('keeps text fields and file names, types and sizes, and skips empty file inputs', () => {
    const parsed = parseMultipart(
      body([
        'Content-Disposition: form-data; name="nom"\r\n\r\nMartin\r\nLéa',
        'Content-Disposition: form-data; name="rib"; filename="C:\\Users\\lea\\rib.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--not-a-boundary',
        'Content-Disposition: form-data; name="vide"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n',
        `Content-Disposition: form-data; name="avis"; filename*=UTF-8''avis%20d%E2%80%99imp%C3%B4t.jpg\r\nContent-Type: image/jpeg\r\n\r\nabc`,
      ]),
      type,
    );
    expect(parsed.fields).toEqual({ nom: 'Martin\r\nLéa' });
    expect(parsed.files).toEqual([
      { field: 'rib', name: 'rib.pdf', type: 'application/pdf', size: '%PDF-1.4\r\n--not-a-boundary'.length },
      { field: 'avis', name: 'avis d’impôt.jpg', type: 'image/jpeg', size: 3 },
    ]);
  });

  it('throws typed errors for a missing boundary or a truncated body', () => {
    expect(() => parseMultipart(Buffer.from('x'), 'multipart/form-data')).toThrow(MultipartError);
    try {
      parseMultipart(
        Buffer.from('------b0undary\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc'),
        type,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MultipartError);
      expect((error as MultipartError).code).toBe('malformed');
    }
  });
});

describe('the demo site and Pas à pas agree on what is valid', () => {
  // If they disagreed, the guides would approve values the site then refuses (or the reverse).
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

  it('NIR: keys built independently are accepted by both, a wrong key by neither', () => {
    const body = fc
      .tuple(
        fc.constantFrom('1', '2'),
        digits(2),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('75', '13', '2A', '2B', '59'),
        digits(6),
      )
      .map(
        ([sex, year, month, dept, rest]) => `${sex}${year}${String(month).padStart(2, '0')}${dept}${rest}`,
      );
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 96 }), (b, shift) => {
        const nir = withKey(b);
        const wrong =
          nir.slice(0, 13) + String(((Number(nir.slice(13)) - 1 + shift) % 97) + 1).padStart(2, '0');
        return (
          nirValid(nir) && validate('nir', nir).valid && !nirValid(wrong) && !validate('nir', wrong).valid
        );
      }),
    );
  });

  it('IBAN and numéro fiscal: both accept the valid ones and refuse a changed digit', () => {
    fc.assert(
      // Real French BBANs carry a RIB key (bank 5, branch 5, account 11, key 2), which Pas à pas also checks.
      fc.property(
        digits(5),
        digits(5),
        digits(11),
        fc.integer({ min: 0, max: 22 }),
        (bank, branch, account, at) => {
          const rib = 97n - ((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
          const bban = `${bank}${branch}${account}${String(rib).padStart(2, '0')}`;
          const check = 98 - Number(BigInt(`${bban}152700`) % 97n);
          const iban = `FR${String(check).padStart(2, '0')}${bban}`;
          const changed = `${iban.slice(0, 4 + at)}${(Number(iban[4 + at]) + 1) % 10}${iban.slice(5 + at)}`;
          return (
            ibanValid(iban) &&
            validate('iban', iban).valid &&
            !ibanValid(changed) &&
            !validate('iban', changed).valid
          );
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), digits(9), (first, rest) => {
        const ten = `${first}${rest}`;
        const n = ten + String(Number(ten) % 511).padStart(3, '0');
        const off = ten + String((Number(ten) + 1) % 511).padStart(3, '0');
        return (
          fiscalNumberValid(n) &&
          validate('fiscal-number', n).valid &&
          !fiscalNumberValid(off) &&
          !validate('fiscal-number', off).valid
        );
      }),
    );
  });

  it('postcodes, phones, e-mails and dates of the guides examples pass both', () => {
    const samples: Array<[ValidatorId, string, string]> = [
      ['postcode', '75011', 'postcode'],
      ['phone', '06 12 34 56 78', 'phone'],
      ['email', 'lea.martin@exemple.fr', 'email'],
      ['date', '05/04/1984', 'date-past'],
      ['caf-number', '1234567', 'caf-number'],
      ['bic', 'BNPAFRPPXXX', 'bic'],
    ];
    for (const [id, value, check] of samples) {
      expect(validate(id, value).valid, id).toBe(true);
      expect(checkValue({ label: id, check }, value), id).toBeNull();
    }
  });
});
