/** Every validator, by id; guides name them in `field.validator`. */
export const VALIDATOR_IDS = [
  'iban',
  'bic',
  'nir',
  'fiscal-number',
  'caf-number',
  'siret',
  'siren',
  'postcode',
  'phone',
  'email',
  'date',
] as const;
export type ValidatorId = (typeof VALIDATOR_IDS)[number];

export type ValidationResult = {
  valid: boolean;
  /** 'ok' when valid; otherwise a stable code ('empty', 'too-short', 'bad-checksum'…), see VALIDATOR_CODES. */
  code: string;
  params?: Record<string, string | number>;
  /** Canonical form (IBAN grouped by 4, phone 0X XX XX XX XX, NIR without spaces…). */
  normalized?: string;
  /** True when the value is a valid beginning (typing in progress). */
  partial?: boolean;
};

export type DateRule = {
  rule?: 'past' | 'future' | 'any';
  minAgeYears?: number;
  maxAgeYears?: number;
  /** Injected "today" for tests and for forms that date things otherwise. */
  today?: Date;
};

/** Thrown for programming errors only (unknown validator id, non-string value); people get codes instead. */
export class ValidatorError extends Error {
  readonly code: string;
  constructor(code: 'unknown-validator' | 'not-a-string', message: string) {
    super(message);
    this.name = 'ValidatorError';
    this.code = code;
  }
}

export const ok = (normalized: string, params?: ValidationResult['params']): ValidationResult =>
  params ? { valid: true, code: 'ok', normalized, params } : { valid: true, code: 'ok', normalized };

export const fail = (
  code: string,
  params?: ValidationResult['params'],
  partial?: boolean,
): ValidationResult => {
  const result: ValidationResult = { valid: false, code };
  if (params) result.params = params;
  if (partial) result.partial = true;
  return result;
};
