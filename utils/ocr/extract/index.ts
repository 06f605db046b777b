/**
 * Typed fields from OCR output (text, or lines with word boxes and confidences). Framework-free:
 * the same code runs in the extension, the widget and `pasapas ocr`.
 */
import { createTranslator, type Lang } from '../../i18n/index.ts';
import { findIds } from './find-ids.ts';
import { buildLines, type Tok } from './layout.ts';
import { extractCatalogs } from './messages.ts';
import { findMrz } from './mrz.ts';
import { findAddresses, findNames } from './people.ts';
import { ExtractError, type ExtractedField, type FieldKind, type OcrInput } from './types.ts';
import { findAmounts, findDates } from './values.ts';

export { detectDocumentType } from './doctype.ts';
export { extractCatalogs } from './messages.ts';
export type { DocumentType, ExtractedField, FieldKind, OcrBox, OcrInput, OcrLine, OcrWord } from './types.ts';
export { ExtractError } from './types.ts';

const ORDER: FieldKind[] = [
  'name',
  'address',
  'postcode',
  'nir',
  'fiscal-number',
  'tax-notice-reference',
  'reference-tax-income',
  'caf-number',
  'iban',
  'bic',
  'siret',
  'date',
  'amount',
];

/** One field per kind and value (per meaning for dates and amounts); the surest reading wins. */
function dedupe(fields: ExtractedField[]): ExtractedField[] {
  const best = new Map<string, ExtractedField>();
  for (const f of fields) {
    const key =
      f.kind === 'date' || f.kind === 'amount'
        ? `${f.kind}|${f.value}|${f.meaning ?? ''}`
        : f.kind === 'name'
          ? // The MRZ spells names without accents: "AISSATOU" is the printed "Aïssatou".
            `name|${f.value
              .normalize('NFD')
              .replace(/[\u0300-\u036f]/g, '')
              .toUpperCase()}`
          : `${f.kind}|${f.value}`;
    const prev = best.get(key);
    if (!prev || f.confidence > prev.confidence) best.set(key, f);
  }
  return [...best.values()];
}

export function extractFields(input: OcrInput): ExtractedField[] {
  if (!input || typeof input !== 'object' || typeof input.text !== 'string') {
    throw new ExtractError('extractFields expects { text: string, lines?: OcrLine[] }');
  }
  const lines = buildLines(input);
  const used = new Set<Tok>();
  const fields = [
    ...findIds(lines, used),
    ...findAmounts(lines),
    ...findDates(lines),
    ...findNames(lines),
    ...findAddresses(lines),
    ...findMrz(lines),
  ];
  return dedupe(fields).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

const t = createTranslator(extractCatalogs);

/**
 * "numéro fiscal", "date de naissance"…: the words to show next to a field. A role names the kind it
 * qualifies (« adresse du destinataire »): the name, address and postcode of a letter's addressee were
 * three values all called « destinataire ».
 */
export function fieldLabel(lang: Lang, field: Pick<ExtractedField, 'kind' | 'meaning'>): string {
  const keys = field.meaning ? [`meaning.${field.kind}.${field.meaning}`, `meaning.${field.meaning}`] : [];
  const key = keys.find((k) => k in extractCatalogs.fr) ?? `field.${field.kind}`;
  return t(lang, key);
}

export function documentTypeLabel(lang: Lang, labelKey: string): string {
  return t(lang, labelKey);
}
