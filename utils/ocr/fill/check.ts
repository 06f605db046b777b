/**
 * Checking a value the person corrected on the confirmation screen: the same validators as extraction, so
 * a corrected IBAN turns right only when its check digits are right.
 */
import { type ValidatorId, validate } from '../../validators/index.ts';
import type { FieldKind } from '../extract/types.ts';

/** The kinds of value that have a validator, and which one. */
export const VALIDATED_KINDS: Partial<Record<FieldKind, ValidatorId>> = {
  iban: 'iban',
  bic: 'bic',
  nir: 'nir',
  'fiscal-number': 'fiscal-number',
  'caf-number': 'caf-number',
  siret: 'siret',
  postcode: 'postcode',
  date: 'date',
  email: 'email',
  phone: 'phone',
};

/**
 * Whether a (possibly corrected) value is right. Kinds with a validator are checked again; for the others
 * (names, addresses, amounts) the value as read keeps its status and a value the person typed counts as right.
 */
export function recheckValue(
  field: { kind: FieldKind; value: string; valid: boolean },
  value: string,
): boolean {
  if (value.trim() === '') return false;
  const id = VALIDATED_KINDS[field.kind];
  if (id) return validate(id, value).valid;
  return value === field.value ? field.valid : true;
}
