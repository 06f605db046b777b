import { describe, expect, it } from 'vitest';
import { LANGS, missingKeys } from '../../../utils/i18n/index.ts';
import {
  messageKeys,
  VALIDATOR_CODES,
  VALIDATOR_IDS,
  validate,
  validationMessage,
  validatorCatalogs,
} from '../../../utils/validators/index.ts';
import type { ValidationResult } from '../../../utils/validators/types.ts';

describe('validator messages', () => {
  it('English and Arabic catalogs have every French key', () => {
    expect(missingKeys(validatorCatalogs, 'en')).toEqual([]);
    expect(missingKeys(validatorCatalogs, 'ar')).toEqual([]);
  });

  it('every code of every validator has its own sentence in fr, en and ar (singular and plural)', () => {
    for (const id of VALIDATOR_IDS) {
      for (const code of VALIDATOR_CODES[id]) {
        for (const count of [1, 3, undefined]) {
          const result: ValidationResult = {
            valid: false,
            code,
            params: {
              ...(count ? { missing: count, extra: count, count } : {}),
              min: 18,
              max: 120,
              country: 'DE',
              length: 22,
            },
          };
          for (const lang of LANGS) {
            const catalog: Record<string, string> = validatorCatalogs[lang];
            const key = messageKeys(id, result).find((k) => k in catalog);
            expect(key, `${lang} ${id} ${code} ${count}`).toBeDefined();
            const text = validationMessage(lang, id, result);
            expect(text.length).toBeGreaterThan(5);
            expect(text).not.toMatch(/\{\w+\}|validators\./);
          }
        }
      }
    }
  });

  it('speaks plainly with the numbers filled in', () => {
    expect(validationMessage('fr', 'fiscal-number', validate('fiscal-number', '30232176000'))).toBe(
      'Il manque 2 chiffres. Le numéro fiscal compte 13 chiffres.',
    );
    expect(validationMessage('fr', 'caf-number', validate('caf-number', '12345678 9'))).toBe(
      'Il y a 2 chiffres en trop. Le numéro allocataire compte 7 chiffres.',
    );
    expect(validationMessage('fr', 'siren', validate('siren', '73282932'))).toBe(
      'Il manque 1 chiffre. Un numéro SIREN compte 9 chiffres.',
    );
    expect(validationMessage('fr', 'nir', validate('nir', '295109912611199'))).toBe(
      'Ce numéro ne peut pas être juste : vérifiez les chiffres, surtout les 2 derniers.',
    );
    expect(validationMessage('fr', 'iban', validate('iban', 'FR14 2004 1010 0505 0001 3M02 6'))).toBe(
      'Il manque 2 caractères. Un IBAN français commence par FR et compte 27 caractères.',
    );
    expect(validationMessage('en', 'iban', validate('iban', 'DE89 3704 0044 0532 0130 000'))).toBe(
      'There is 1 character too many. An IBAN starting with DE has 22 characters.',
    );
    expect(validationMessage('ar', 'postcode', validate('postcode', '96000'))).toBe(
      'هذا الرمز البريدي غير موجود في فرنسا.',
    );
    expect(validationMessage('fr', 'nir', validate('nir', '2 95 10 99 126 111 93'))).toBe('C’est bon.');
  });
});
