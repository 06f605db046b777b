/**
 * The kinds of entry "Mes informations" holds, and for each: the project's validator that checks it
 * (none for names and addresses) and the field meaning that finds it on a page (the OCR fill's
 * scoring in utils/ocr/fill/suggest.ts, so a page field is read one way only).
 */
import type { FieldKind } from '../ocr/extract/types.ts';
import type { DateRule, ValidatorId } from '../validators/index.ts';

export const INFO_KINDS = [
  'family-name',
  'given-names',
  'birth-date',
  'address',
  'postcode',
  'city',
  'phone',
  'email',
  'caf-number',
  'fiscal-number',
  'nir',
  'iban',
] as const;
export type InfoKind = (typeof INFO_KINDS)[number];

export function isInfoKind(value: unknown): value is InfoKind {
  return typeof value === 'string' && (INFO_KINDS as readonly string[]).includes(value);
}

type KindSpec = {
  validator?: ValidatorId;
  dateRule?: DateRule;
  /** How a page field asking for it is recognised. */
  field: { kind: FieldKind; meaning?: string };
  /** Free text (names, addresses): the longest value kept. */
  maxLength: number;
};

export const KIND_SPECS: Readonly<Record<InfoKind, KindSpec>> = {
  'family-name': { field: { kind: 'family-name' }, maxLength: 100 },
  'given-names': { field: { kind: 'given-name' }, maxLength: 100 },
  'birth-date': {
    validator: 'date',
    dateRule: { rule: 'past' },
    field: { kind: 'date', meaning: 'naissance' },
    maxLength: 10,
  },
  address: { field: { kind: 'address' }, maxLength: 200 },
  postcode: { validator: 'postcode', field: { kind: 'postcode' }, maxLength: 5 },
  city: { field: { kind: 'city' }, maxLength: 100 },
  phone: { validator: 'phone', field: { kind: 'phone' }, maxLength: 20 },
  email: { validator: 'email', field: { kind: 'email' }, maxLength: 254 },
  'caf-number': { validator: 'caf-number', field: { kind: 'caf-number' }, maxLength: 7 },
  'fiscal-number': { validator: 'fiscal-number', field: { kind: 'fiscal-number' }, maxLength: 13 },
  nir: { validator: 'nir', field: { kind: 'nir' }, maxLength: 15 },
  iban: { validator: 'iban', field: { kind: 'iban' }, maxLength: 34 },
};

/** Where a value comes from: typed by the person, or read from a document (and how it was checked). */
export type InfoSource =
  | { kind: 'typed' }
  /** Read by OCR from a document the person photographed (`document`: its type, e.g. avis-imposition). */
  | { kind: 'ocr'; document?: string }
  /** From a 2D-Doc whose signature was verified. */
  | { kind: '2ddoc'; document?: string }
  /** From an identity document's MRZ whose check digits were right. */
  | { kind: 'mrz'; document?: string };

export type InfoEntry = {
  id: string;
  kind: InfoKind;
  value: string;
  source: InfoSource;
  /** When the value was entered or read (ms). */
  at: number;
};
