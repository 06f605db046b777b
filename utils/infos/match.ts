/**
 * Which entry of "Mes informations" a field of the page asks for, by the field's meaning: the OCR
 * fill's scoring (autocomplete token, name/id, label, hint; utils/ocr/fill/suggest.ts), never a
 * second reading of the page. Only what the person confirms is filled (the tab asks, one by one).
 */
import { valueForTarget } from '../ocr/fill/fill.ts';
import { SUGGEST_THRESHOLD, scoreTarget } from '../ocr/fill/suggest.ts';
import type { FillTarget } from '../ocr/fill/targets.ts';
import { compactIban } from '../validators/index.ts';
import { type InfoEntry, KIND_SPECS } from './kinds.ts';

export type InfoOffer = {
  targetKey: string;
  entryId: string;
  /** The value as it goes into that field (ISO date for a date input, IBAN without spaces…). */
  value: string;
  /** What the field already holds: then the person is asked before it is replaced. */
  current?: string;
};

/** The value in the form a field takes: identifiers without the spaces used to show them. */
export function fillValue(entry: InfoEntry, target: FillTarget): string {
  const spec = KIND_SPECS[entry.kind];
  let value = entry.value;
  if (entry.kind === 'iban') value = compactIban(value);
  if (entry.kind === 'nir' || entry.kind === 'fiscal-number') value = value.replace(/\s+/g, '');
  return valueForTarget({ kind: spec.field.kind, value }, target);
}

/**
 * For each field, the entry whose meaning fits it best (above the OCR fill's threshold), and each
 * entry at most once per field. Fields already holding that same value are left out.
 */
export function matchFields(
  targets: readonly FillTarget[],
  entries: readonly InfoEntry[],
  current: ReadonlyMap<string, string> = new Map(),
): InfoOffer[] {
  const offers: InfoOffer[] = [];
  for (const target of targets) {
    let best: { entry: InfoEntry; score: number } | null = null;
    for (const entry of entries) {
      const field = KIND_SPECS[entry.kind].field;
      const candidate = { kind: field.kind, value: entry.value, valid: true, meaning: field.meaning };
      const score = scoreTarget(candidate, target);
      if (score >= SUGGEST_THRESHOLD && (!best || score > best.score)) best = { entry, score };
    }
    if (!best) continue;
    const value = fillValue(best.entry, target);
    const now = current.get(target.key)?.trim() ?? '';
    if (now === value) continue;
    const offer: InfoOffer = { targetKey: target.key, entryId: best.entry.id, value };
    if (now !== '') offer.current = now;
    offers.push(offer);
  }
  return offers;
}
