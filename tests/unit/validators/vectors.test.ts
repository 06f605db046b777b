import { describe, expect, it } from 'vitest';
import { ValidatorError, validate, validationMessage } from '../../../utils/validators/index.ts';

describe('IBAN', () => {
  // ECBS / SWIFT registry examples, one per country.
  it.each([
    ['FR14 2004 1010 0505 0001 3M02 606', 'FR'],
    ['DE89 3704 0044 0532 0130 00', 'DE'],
    ['GB29 NWBK 6016 1331 9268 19', 'GB'],
    ['BE68 5390 0754 7034', 'BE'],
    ['ES91 2100 0418 4502 0005 1332', 'ES'],
    ['IT60 X054 2811 1010 0000 0123 456', 'IT'],
    ['NL91 ABNA 0417 1643 00', 'NL'],
    ['CH93 0076 2011 6238 5295 7', 'CH'],
    ['LU28 0019 4006 4475 0000', 'LU'],
    ['PT50 0002 0123 1234 5678 9015 4', 'PT'],
    ['MC58 1122 2000 0101 2345 6789 030', 'MC'],
    ['NO93 8601 1117 947', 'NO'],
    ['MT84 MALT 0110 0001 2345 MTLC AST0 01S', 'MT'],
  ])('accepts %s', (iban, country) => {
    const r = validate('iban', iban);
    expect(r).toMatchObject({ valid: true, code: 'ok', params: { country } });
    expect(r.normalized).toBe(iban);
  });

  it('tolerates lowercase, missing spaces, dashes and a pasted label', () => {
    expect(validate('iban', 'fr1420041010050500013m02606').normalized).toBe(
      'FR14 2004 1010 0505 0001 3M02 606',
    );
    expect(validate('iban', 'IBAN : FR14-2004-1010-0505-0001-3M02-606').valid).toBe(true);
  });

  it('gives length problems with the count and the country length', () => {
    expect(validate('iban', 'FR14 2004 1010 0505 0001 3M02 6')).toMatchObject({
      code: 'too-short',
      params: { missing: 2, country: 'FR', length: 27 },
      partial: true,
    });
    expect(validate('iban', 'FR14 2004 1010 0505 0001 3M02 6066')).toMatchObject({
      code: 'too-long',
      params: { extra: 1 },
    });
  });

  it('rejects bad checksums, unknown countries, bad characters and a wrong RIB key', () => {
    expect(validate('iban', 'FR15 2004 1010 0505 0001 3M02 606').code).toBe('bad-checksum');
    expect(validate('iban', 'XX14 2004 1010 0505 0001 3M02 606')).toMatchObject({ code: 'bad-country' });
    expect(validate('iban', 'FR14 2004 1010 0505 0001 3M02 60#').code).toBe('bad-chars');
    expect(validate('iban', '1234').code).toBe('bad-country');
    // Swapping two adjacent digits of the account keeps mod 97 unlikely valid: check it independently.
    expect(validate('iban', 'FRAB 2004 1010 0505 0001 3M02 606').code).toBe('bad-format');
    expect(validate('iban', '').code).toBe('empty');
  });
});

describe('BIC', () => {
  it.each(['BNPAFRPP', 'DEUTDEFF', 'DEUTDEFF500', 'agrifrpp 882', 'CEPAFRPP751'])('accepts %s', (bic) => {
    expect(validate('bic', bic).valid).toBe(true);
  });
  it('rejects wrong shapes', () => {
    expect(validate('bic', 'BNPAXXPP')).toMatchObject({ code: 'bad-country', params: { country: 'XX' } });
    expect(validate('bic', 'BNP1FRPP').code).toBe('bad-format');
    expect(validate('bic', 'BNPAFR')).toMatchObject({
      code: 'too-short',
      params: { missing: 2 },
      partial: true,
    });
    expect(validate('bic', 'DEUTDEFF5')).toMatchObject({ code: 'too-short', params: { missing: 2 } });
    expect(validate('bic', 'DEUTDEFF5000')).toMatchObject({ code: 'too-long', params: { extra: 1 } });
  });
});

describe('NIR', () => {
  it('accepts the python-stdnum example and Corsican numbers', () => {
    expect(validate('nir', '2 95 10 99 126 111 93')).toMatchObject({
      valid: true,
      normalized: '295109912611193',
    });
    // Key computed with 2A → 19 (97 − 2530719073004 mod 97 = 43).
    expect(validate('nir', '2 53 07 2A 073 004 43').valid).toBe(true);
    expect(validate('nir', '2 53 07 2B 073 004 70').valid).toBe(true);
  });
  it('rejects the stdnum bad-checksum example and bad parts', () => {
    expect(validate('nir', '295109912611199')).toMatchObject({ code: 'bad-checksum', params: { count: 2 } });
    expect(validate('nir', '253072C07300443').code).toBe('bad-chars');
    expect(validate('nir', '595109912611193')).toMatchObject({ code: 'bad-format', params: { part: 'sex' } });
    expect(validate('nir', '295139912611193')).toMatchObject({
      code: 'bad-format',
      params: { part: 'month' },
    });
    expect(validate('nir', '2951099126111')).toMatchObject({ code: 'too-short', params: { missing: 2 } });
  });
  it('accepts temporary numbers and pseudo-months', () => {
    // 7 = temporary (NIA); month 20+ when the civil status is incomplete. Keys computed by the rule.
    const withKey = (n13: string) => n13 + String(97 - Number(BigInt(n13) % 97n)).padStart(2, '0');
    expect(validate('nir', withKey('7952599126111')).valid).toBe(true);
    expect(validate('nir', withKey('1854499126111')).code).toBe('bad-format');
  });
});

describe('numéro fiscal', () => {
  it('accepts the known examples', () => {
    expect(validate('fiscal-number', '30 23 217 600 053')).toMatchObject({
      valid: true,
      normalized: '3023217600053',
    });
    expect(validate('fiscal-number', '0701987765493').valid).toBe(true);
  });
  it('rejects stdnum bad examples', () => {
    expect(validate('fiscal-number', '070198776543')).toMatchObject({
      code: 'too-short',
      params: { missing: 1 },
    });
    expect(validate('fiscal-number', '4023217600053')).toMatchObject({ code: 'bad-format' });
    expect(validate('fiscal-number', '3023217600054')).toMatchObject({
      code: 'bad-checksum',
      params: { count: 3 },
    });
  });
});

describe('SIREN / SIRET', () => {
  it('accepts real registry numbers', () => {
    expect(validate('siren', '732 829 320').valid).toBe(true);
    expect(validate('siret', '732 829 320 00074')).toMatchObject({
      valid: true,
      params: { siren: '732829320' },
    });
    expect(validate('siret', '356 000 000 00048').valid).toBe(true); // La Poste head office (Luhn)
    expect(validate('siren', '552 008 443').valid).toBe(true); // python-stdnum example
    expect(validate('siret', '443 061 841 00047').valid).toBe(true);
    expect(validate('siret', '130 025 265 00013').valid).toBe(true);
  });
  it('applies La Poste’s digit-sum rule to its establishments', () => {
    // 3+5+6+4+9+8+3+7 = 45: a multiple of 5, although Luhn fails.
    expect(validate('siret', '35600000049837').valid).toBe(true);
    expect(validate('siret', '35600000049838').code).toBe('bad-checksum');
  });
  it('rejects wrong Luhn and lengths', () => {
    expect(validate('siren', '732829321').code).toBe('bad-checksum');
    expect(validate('siret', '73282932000075').code).toBe('bad-checksum');
    expect(validate('siret', '7328293200007')).toMatchObject({ code: 'too-short', params: { missing: 1 } });
    expect(validate('siret', '73282932000074A').code).toBe('bad-chars');
  });
});

describe('CAF number', () => {
  it('accepts 7 digits and 8 with a leading zero, normalised to 7', () => {
    expect(validate('caf-number', '1234567')).toMatchObject({ valid: true, normalized: '1234567' });
    expect(validate('caf-number', '0123 4567')).toMatchObject({ valid: true, normalized: '1234567' });
    expect(validate('caf-number', '123456')).toMatchObject({
      code: 'too-short',
      params: { missing: 1 },
      partial: true,
    });
    expect(validate('caf-number', '123456789')).toMatchObject({ code: 'too-long', params: { extra: 2 } });
  });
});

describe('postcode', () => {
  it.each(['75001', '20000', '20200', '01000', '97400', '97600', '98000', '13 008'])('accepts %s', (code) => {
    expect(validate('postcode', code).valid).toBe(true);
  });
  it.each(['00100', '96000', '99000', '97900'])('rejects %s', (code) => {
    expect(validate('postcode', code).code).toBe('unknown-area');
  });
  it('counts missing digits', () => {
    expect(validate('postcode', '750')).toMatchObject({
      code: 'too-short',
      params: { missing: 2 },
      partial: true,
    });
  });
});

describe('phone', () => {
  it.each([
    ['06 12 34 56 78', '06 12 34 56 78'],
    ['0612345678', '06 12 34 56 78'],
    ['+33 6 12 34 56 78', '06 12 34 56 78'],
    ['+33 (0)1 23 45 67 89', '01 23 45 67 89'],
    ['0033 1 23 45 67 89', '01 23 45 67 89'],
    ['01.23.45.67.89', '01 23 45 67 89'],
    ['+262 692 12 34 56', '06 92 12 34 56'],
  ])('accepts %s', (input, normalized) => {
    expect(validate('phone', input)).toMatchObject({ valid: true, normalized });
  });
  it('rejects what is not a French number', () => {
    expect(validate('phone', '+44 20 7946 0000').code).toBe('bad-country');
    expect(validate('phone', '00 12 34 56 78').code).toBe('bad-country');
    expect(validate('phone', '+33 06 12 34 56 78').normalized).toBe('06 12 34 56 78');
    expect(validate('phone', '6 12 34 56 78').code).toBe('bad-format');
    expect(validate('phone', '06 12 34 56 789')).toMatchObject({ code: 'too-long', params: { extra: 1 } });
    expect(validate('phone', '06 12 ab').code).toBe('bad-chars');
  });
});

describe('email', () => {
  it('accepts ordinary addresses and lowercases the domain', () => {
    expect(validate('email', ' Jean.Dupont@Exemple.FR ')).toMatchObject({
      valid: true,
      normalized: 'Jean.Dupont@exemple.fr',
    });
    expect(validate('email', 'a+tag@sous.domaine.gouv.fr').valid).toBe(true);
  });
  it.each([
    ['jean dupont@exemple.fr', 'has-space'],
    ['jean.exemple.fr', 'no-at'],
    ['jean@@exemple.fr', 'many-at'],
    ['@exemple.fr', 'no-local'],
    ['jéan@exemple.fr', 'bad-chars'],
    ['jean@exemple', 'bad-domain'],
    ['jean@exemple.f', 'bad-domain'],
    ['jean@-exemple.fr', 'bad-domain'],
  ])('%s → %s', (input, code) => {
    expect(validate('email', input).code).toBe(code);
  });
});

describe('date', () => {
  const today = new Date(2026, 10, 23);
  it.each([
    ['12/03/1985', '12/03/1985'],
    ['1/3/1985', '01/03/1985'],
    ['1985-03-12', '12/03/1985'],
    ['12 mars 1985', '12/03/1985'],
    ['1er février 2000', '01/02/2000'],
    ['12 fevrier 2000', '12/02/2000'],
    ['3 déc. 1999', '03/12/1999'],
    ['12.03.1985', '12/03/1985'],
    ['12031985', '12/03/1985'],
    ['29/02/2024', '29/02/2024'],
  ])('reads %s', (input, normalized) => {
    expect(validate('date', input, { today })).toMatchObject({ valid: true, normalized });
  });
  it('rejects dates that are not on the calendar', () => {
    expect(validate('date', '29/02/2023').code).toBe('bad-date');
    expect(validate('date', '31/04/2020').code).toBe('bad-date');
    expect(validate('date', '12/13/2020').code).toBe('bad-date');
    expect(validate('date', '12 brumaire 1799').code).toBe('bad-format');
  });
  it('applies past/future rules and ages', () => {
    expect(validate('date', '24/11/2026', { rule: 'past', today }).code).toBe('in-future');
    expect(validate('date', '23/11/2026', { rule: 'past', today }).valid).toBe(true);
    expect(validate('date', '22/11/2026', { rule: 'future', today }).code).toBe('in-past');
    expect(validate('date', '24/11/2008', { minAgeYears: 18, today })).toMatchObject({
      code: 'too-young',
      params: { min: 18 },
    });
    expect(validate('date', '23/11/2008', { minAgeYears: 18, today }).valid).toBe(true);
    expect(validate('date', '01/01/1900', { maxAgeYears: 120, today })).toMatchObject({ code: 'too-old' });
  });
  it('asks for the full year and recognises typing', () => {
    expect(validate('date', '12/03/85')).toMatchObject({ code: 'short-year', partial: true });
    expect(validate('date', '12/0')).toMatchObject({ code: 'too-short', partial: true });
    expect(validate('date', '12 ma')).toMatchObject({ code: 'too-short', partial: true });
  });
});

describe('programming errors', () => {
  it('throws a typed error for an unknown validator or a non-string', () => {
    expect(() => validate('passport' as never, 'x')).toThrow(ValidatorError);
    try {
      validate('iban', 42 as never);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidatorError);
      expect((error as ValidatorError).code).toBe('not-a-string');
    }
    expect.assertions(3);
  });
});

describe('email slips', () => {
  it('accepts a near miss of a common provider but suggests the usual spelling', () => {
    const r = validate('email', 'marie.dupont@gmial.com');
    expect(r).toMatchObject({ valid: true, code: 'ok', params: { suggestion: 'marie.dupont@gmail.com' } });
    expect(validationMessage('fr', 'email', r)).toBe(
      'Vérifiez la fin de l’adresse : vouliez-vous écrire marie.dupont@gmail.com ?',
    );
    expect(validate('email', 'a@hotmial.fr').params?.suggestion).toBe('a@hotmail.fr');
    expect(validate('email', 'a@orange.fr').params).toBeUndefined();
    expect(validate('email', 'a@service-public.fr').params).toBeUndefined();
  });
});
