import { createTranslator, type Lang } from '../i18n/index.ts';
import { validateBic } from './bic.ts';
import { validateCafNumber } from './caf-number.ts';
import { validateDate } from './date.ts';
import { validateEmail } from './email.ts';
import { validateFiscalNumber } from './fiscal-number.ts';
import { validateIban } from './iban.ts';
import { validatorCatalogs } from './messages.ts';
import { validateNir } from './nir.ts';
import { validatePhone } from './phone.ts';
import { validatePostcode } from './postcode.ts';
import { validateSiren, validateSiret } from './siret.ts';
import {
  type DateRule,
  VALIDATOR_IDS,
  type ValidationResult,
  ValidatorError,
  type ValidatorId,
} from './types.ts';

export { ageInYears, isRealDate, monthFromName, parseDate } from './date.ts';
export { formatFiscalNumber } from './fiscal-number.ts';
export { compactIban, formatIban, ribKey } from './iban.ts';
export { validatorCatalogs } from './messages.ts';
export { formatNir, nirKey } from './nir.ts';
export type { DateRule, ValidationResult, ValidatorId } from './types.ts';
export { VALIDATOR_IDS, ValidatorError } from './types.ts';

/** Every code each validator can return (besides 'ok'): the message catalog must cover them all. */
export const VALIDATOR_CODES: Readonly<Record<ValidatorId, readonly string[]>> = {
  iban: ['empty', 'bad-chars', 'bad-country', 'bad-format', 'too-short', 'too-long', 'bad-checksum'],
  bic: ['empty', 'bad-chars', 'bad-format', 'bad-country', 'too-short', 'too-long'],
  nir: ['empty', 'bad-chars', 'bad-format', 'too-short', 'too-long', 'bad-checksum'],
  'fiscal-number': ['empty', 'bad-chars', 'bad-format', 'too-short', 'too-long', 'bad-checksum'],
  'caf-number': ['empty', 'bad-chars', 'too-short', 'too-long'],
  siret: ['empty', 'bad-chars', 'too-short', 'too-long', 'bad-checksum'],
  siren: ['empty', 'bad-chars', 'too-short', 'too-long', 'bad-checksum'],
  postcode: ['empty', 'bad-chars', 'too-short', 'too-long', 'unknown-area'],
  phone: ['empty', 'bad-chars', 'bad-format', 'bad-country', 'too-short', 'too-long'],
  email: ['empty', 'has-space', 'no-at', 'many-at', 'no-local', 'bad-chars', 'bad-domain'],
  date: [
    'empty',
    'too-short',
    'short-year',
    'bad-format',
    'bad-date',
    'in-future',
    'in-past',
    'too-young',
    'too-old',
  ],
};

const VALIDATORS: Record<ValidatorId, (value: string, options?: DateRule) => ValidationResult> = {
  iban: validateIban,
  bic: validateBic,
  nir: validateNir,
  'fiscal-number': validateFiscalNumber,
  'caf-number': validateCafNumber,
  siret: validateSiret,
  siren: validateSiren,
  postcode: validatePostcode,
  phone: validatePhone,
  email: validateEmail,
  date: validateDate,
};

export function isValidatorId(value: unknown): value is ValidatorId {
  return typeof value === 'string' && (VALIDATOR_IDS as readonly string[]).includes(value);
}

export function validate(id: ValidatorId, value: string, options?: DateRule): ValidationResult {
  const run = isValidatorId(id) ? VALIDATORS[id] : undefined;
  if (!run) throw new ValidatorError('unknown-validator', `Unknown validator: ${String(id)}`);
  if (typeof value !== 'string') throw new ValidatorError('not-a-string', `Validator ${id} expects a string`);
  return run(value, options);
}

const t = createTranslator(validatorCatalogs);

/** Catalog keys tried for a result, most specific first (exported so tests can check coverage). */
export function messageKeys(id: ValidatorId, result: ValidationResult): string[] {
  if (result.valid)
    return result.params?.suggestion ? [`validators.${id}.suggestion`, 'validators.ok'] : ['validators.ok'];
  const p = result.params ?? {};
  const count = result.code === 'too-short' ? p.missing : result.code === 'too-long' ? p.extra : p.count;
  const plural = typeof count === 'number' ? (count === 1 ? '.one' : '.other') : '';
  const bases = [`${id}.${result.code}`, result.code];
  if (typeof p.part === 'string') bases.unshift(`${id}.${result.code}.${p.part}`);
  const keys: string[] = [];
  for (const base of bases) {
    if (plural) keys.push(`validators.${base}${plural}`);
    keys.push(`validators.${base}`);
  }
  return keys;
}

/** The plain sentence to show a person for a validation result. */
export function validationMessage(lang: Lang, id: ValidatorId, result: ValidationResult): string {
  const params = result.params;
  const key = messageKeys(id, result).find((k) => k in t.catalogs.fr) ?? 'validators.bad-format';
  let text = t(lang, key, params);
  // For IBAN length problems, say what a right IBAN looks like for that country.
  if (id === 'iban' && (result.code === 'too-short' || result.code === 'too-long') && params?.length) {
    const hint = params.country === 'FR' ? 'validators.iban.hint.FR' : 'validators.iban.hint';
    text += ` ${t(lang, hint, params)}`;
  }
  return text;
}

/** Same as validationMessage, under the `message(lang, …)` name the other modules use. */
export const message = validationMessage;
