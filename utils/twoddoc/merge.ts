/**
 * A signed code and the OCR of the same document: the code's values win; an OCR value of the same kind
 * and meaning that reads differently is a disagreement the person is told about (a misread, or a paper
 * changed after it was signed). OCR values the code does not carry stay.
 */
import type { ExtractedField } from '../ocr/extract/types.ts';

export type Disagreement = { kind: ExtractedField['kind']; meaning?: string; code: string; ocr: string };

/** Case, spaces, punctuation and accents do not make two readings different. */
function same(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]/gu, '')
      .toUpperCase();
  return fold(a) === fold(b);
}

const slot = (f: Pick<ExtractedField, 'kind' | 'meaning'>) => `${f.kind}|${f.meaning ?? ''}`;

export function mergeWithOcr(
  code: readonly ExtractedField[],
  ocr: readonly ExtractedField[],
): { fields: ExtractedField[]; disagreements: Disagreement[] } {
  const bySlot = new Map<string, ExtractedField[]>();
  for (const f of code) bySlot.set(slot(f), [...(bySlot.get(slot(f)) ?? []), f]);
  const disagreements: Disagreement[] = [];
  const kept: ExtractedField[] = [];
  for (const f of ocr) {
    const mine = bySlot.get(slot(f)) ?? bySlot.get(`${f.kind}|`);
    if (!mine) {
      kept.push(f);
      continue;
    }
    // The OCR value is covered by the code; told only when no value of the code reads the same.
    if (!mine.some((c) => same(c.value, f.value))) {
      const c = mine[0] as ExtractedField;
      const d: Disagreement = { kind: f.kind, code: c.value, ocr: f.value };
      if (c.meaning) d.meaning = c.meaning;
      disagreements.push(d);
    }
  }
  return { fields: [...code, ...kept], disagreements };
}
