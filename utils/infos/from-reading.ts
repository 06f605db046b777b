/**
 * What a document reading can give « Mes informations »: each checked value whose meaning is one of
 * its kinds, with where it comes from. Nothing is saved here: the reading screen offers these, and
 * saves them only when the person asks.
 */
import type { DocumentType, ExtractedField, FieldKind } from '../ocr/extract/types.ts';
import type { InfoKind, InfoSource } from './kinds.ts';
import type { InfoInput } from './store.ts';

/** One value of the reading, as the confirmation screen shows it (possibly corrected by the person). */
export type ReadValue = { field: ExtractedField; value: string; valid: boolean };

const BY_KIND: Partial<Record<FieldKind, InfoKind>> = {
  'fiscal-number': 'fiscal-number',
  'caf-number': 'caf-number',
  nir: 'nir',
  iban: 'iban',
  postcode: 'postcode',
  address: 'address',
  city: 'city',
  email: 'email',
  phone: 'phone',
  'family-name': 'family-name',
  'given-name': 'given-names',
};

/** A name or a date says what it is by its meaning; the document's holder only (not « titulaire » of an account, nor the spouse). */
function kindOf(field: ExtractedField): InfoKind | null {
  if (field.kind === 'name') {
    if (field.meaning === 'nom' || field.meaning === 'nom-naissance') return 'family-name';
    if (field.meaning === 'prenom') return 'given-names';
    return null;
  }
  if (field.kind === 'date') return field.meaning === 'naissance' ? 'birth-date' : null;
  return BY_KIND[field.kind] ?? null;
}

/**
 * The source the file records. A value the person corrected is their own (« typed »); a 2D-Doc's value
 * counts as from the signed code only when its signature was verified; an MRZ gives values only when
 * every check digit was right (utils/mrz/values.ts).
 */
function sourceOf(row: ReadValue, codeVerified: boolean, document: string | undefined): InfoSource {
  if (row.value !== row.field.value) return { kind: 'typed' };
  const from = row.field.source ?? 'ocr';
  const kind = from === '2ddoc' && !codeVerified ? 'ocr' : from;
  return document ? { kind, document } : { kind };
}

export function infosFromReading(
  rows: readonly ReadValue[],
  options: { codeVerified: boolean; documentType: DocumentType | 'unknown' },
): InfoInput[] {
  const document = options.documentType === 'unknown' ? undefined : options.documentType;
  const out: InfoInput[] = [];
  const seen = new Set<InfoKind>();
  for (const row of rows) {
    const kind = kindOf(row.field);
    const value = row.value.trim();
    // One value per kind (the first: the code's or the MRZ's come first), and only a checked one.
    if (!kind || !row.valid || !value || seen.has(kind)) continue;
    seen.add(kind);
    out.push({ kind, value, source: sourceOf(row, options.codeVerified, document) });
  }
  return out;
}
