/**
 * Identifiers of fixed length (numéro fiscal, NIR, IBAN…): tokens after a label are joined
 * (documents print them in groups, OCR splits them further) until the length is right, the usual
 * OCR confusions are undone where digits are expected, and the validator decides.
 */
import { IBAN_LENGTHS } from '../../validators/countries.ts';
import { type ValidationResult, validate } from '../../validators/index.ts';
import { isNumericish, toDigits, toLetters } from './repair.ts';
import type { FieldKind } from './types.ts';

export type IdCheck = { value: string; valid: boolean; validation?: ValidationResult; repaired: boolean };

export type IdSpec = {
  kind: Exclude<
    FieldKind,
    | 'name'
    | 'family-name'
    | 'given-name'
    | 'city'
    | 'email'
    | 'phone'
    | 'address'
    | 'postcode'
    | 'date'
    | 'amount'
    | 'reference-tax-income'
    | 'nationality'
    | 'document-number'
  >;
  /** Can this token be part of the value? (`first`: it would be the first token.) */
  piece(text: string, first: boolean): boolean;
  /** Allowed lengths once joined, given the joined characters so far. */
  lengths(joined: string): readonly number[];
  /** Reads the joined characters: repair variants, validation. */
  check(joined: string): IdCheck;
  /** Has a check digit, so a valid value is strong evidence. */
  checked: boolean;
  /** May be found without a label (distinctive enough when valid). */
  unlabelled?: 'valid-only' | 'shape';
};

/** A group of a printed number; a short group may be misread entirely ("OS" for 05). */
export function numericPiece(text: string): boolean {
  return isNumericish(text) || /^[OolI|SBZ]{1,6}$/.test(text);
}

/** Joined text of tokens: separators inside numbers (spaces, dots, dashes) dropped. */
export function joinPieces(texts: readonly string[]): string {
  return texts.join('').replace(/[.\-_]/g, '');
}

/** Tries the text as read, then with digits repaired; the first one the validator accepts wins. */
function firstValid(
  id: Parameters<typeof validate>[0],
  variants: readonly string[],
  raw: string,
  accept: (r: ValidationResult) => string = (r) => r.normalized ?? '',
): IdCheck {
  const seen = new Set<string>();
  let best: { v: string; r: ValidationResult; digits: number } | undefined;
  for (const v of variants) {
    if (seen.has(v)) continue;
    seen.add(v);
    const r = validate(id, v);
    if (r.valid) {
      return { value: accept(r), valid: true, validation: r, repaired: v !== raw.toUpperCase() && v !== raw };
    }
    const digits = v.replace(/\D/g, '').length;
    if (!best || digits > best.digits) best = { v, r, digits };
  }
  // Nothing passed: keep the most repaired (most digits) reading, clearly marked invalid.
  const v = best?.v ?? raw;
  return { value: v, valid: false, validation: best?.r, repaired: v !== raw.toUpperCase() && v !== raw };
}

const digitsSpec = (
  kind: IdSpec['kind'],
  id: Parameters<typeof validate>[0],
  lengths: readonly number[],
  extra: Partial<IdSpec> = {},
): IdSpec => ({
  kind,
  piece: numericPiece,
  lengths: () => lengths,
  check: (joined) => firstValid(id, [joined, toDigits(joined)], joined),
  checked: true,
  ...extra,
});

const fiscal = digitsSpec('fiscal-number', 'fiscal-number', [13]);
const siret = digitsSpec('siret', 'siret', [14]);
const caf: IdSpec = { ...digitsSpec('caf-number', 'caf-number', [7, 8]), checked: false };

const nir: IdSpec = {
  kind: 'nir',
  // Corsica's 2A/2B: a token may hold one A or B after a 2.
  piece: (text) => numericPiece(text) || /^[0-9OolI|SZ]*2[AB][0-9OolI|SBZ]*$/.test(text.replace(/[.-]/g, '')),
  lengths: () => [15],
  check: (joined) => {
    // Repair before upper-casing: a lowercase l is a 1, an uppercase L is not.
    const keepCorsica = /^.{5}2[AB]/.test(joined)
      ? toDigits(joined.slice(0, 6)) + joined[6] + toDigits(joined.slice(7))
      : joined;
    return firstValid(
      'nir',
      [joined.toUpperCase(), keepCorsica.toUpperCase(), toDigits(joined).toUpperCase()],
      joined,
    );
  },
  checked: true,
  unlabelled: 'valid-only',
};

const taxRef: IdSpec = {
  kind: 'tax-notice-reference',
  // 13 characters: year and département digits, then letters and digits (no public check digit).
  piece: (text) => /^[0-9A-Za-z|]+$/.test(text.replace(/[.-]/g, '')) && /\d/.test(text),
  lengths: () => [13],
  check: (joined) => {
    const up = joined.toUpperCase();
    const fixed = (
      toDigits(joined.slice(0, 4)) +
      joined.slice(4, 11) +
      toDigits(joined.slice(11))
    ).toUpperCase();
    const valid = /^\d{4}[0-9A-Z]{9}$/.test(fixed) && fixed.replace(/\D/g, '').length >= 10;
    return { value: fixed, valid, repaired: fixed !== up };
  },
  checked: false,
};

/** IBAN: 2 letters then digits and letters; only digit-only positions are repaired first. */
const iban: IdSpec = {
  kind: 'iban',
  piece: (text, first) => {
    const t = text.replace(/[.-]/g, '');
    // "FR76…", or "FR" alone, then groups (a group may be misread entirely: "OOOO").
    if (first) {
      return (
        /^[A-Za-z]{2}([0-9OolI|SBZ]{1,2}[0-9A-Za-z]*)?$/.test(t) &&
        IBAN_LENGTHS[t.slice(0, 2).toUpperCase()] !== undefined
      );
    }
    return /^[0-9A-Za-z|]{1,8}$/.test(t) && (/\d/.test(t) || /^[OolI|SBZ]{1,6}$/.test(t));
  },
  lengths: (joined) => {
    const n = IBAN_LENGTHS[joined.slice(0, 2).toUpperCase()];
    return n ? [n] : [];
  },
  check: (joined) => {
    const up = joined.toUpperCase();
    const country = up.slice(0, 2);
    // Repair on the text as read (a lowercase l is a 1), then upper-case.
    const rest = joined.slice(2);
    const head = country + toDigits(rest.slice(0, 2));
    // Most digit-like reading first: an O in an account number is far more often a misread 0, and a
    // real letter read right makes the digit reading fail its check (then the letters are kept).
    const variants = [(head + toDigits(rest.slice(2))).toUpperCase()];
    if (country === 'FR' || country === 'MC') {
      // Bank and branch (10) and RIB key (2) are digits; the 11-character account may hold letters.
      const bban = rest.slice(2);
      variants.push(
        (head + toDigits(bban.slice(0, 10)) + bban.slice(10, 21) + toDigits(bban.slice(21))).toUpperCase(),
      );
    }
    variants.push((head + rest.slice(2)).toUpperCase(), up);
    return firstValid('iban', variants, joined, (r) => (r.normalized ?? '').replace(/ /g, ''));
  },
  checked: true,
  unlabelled: 'shape',
};

const bic: IdSpec = {
  kind: 'bic',
  piece: (text, first) => {
    const t = text.replace(/[.-]/g, '');
    return first
      ? /^[A-Za-z0-9]{4,11}$/.test(t) && /^[A-Za-z]{4}/.test(toLetters(t.toUpperCase()))
      : /^[A-Za-z0-9]{2,7}$/.test(t);
  },
  lengths: () => [8, 11],
  check: (joined) => {
    const up = joined.toUpperCase();
    return firstValid('bic', [up, toLetters(up.slice(0, 6)) + up.slice(6)], joined);
  },
  checked: false,
};

export const ID_SPECS: Readonly<Record<IdSpec['kind'], IdSpec>> = {
  'fiscal-number': fiscal,
  'tax-notice-reference': taxRef,
  'caf-number': caf,
  nir,
  iban,
  bic,
  siret,
};
