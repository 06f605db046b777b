/** Dates (with what they mean: birth, issue, due…) and amounts (with their label: net à payer…). */

import { MONTH_NAME_PATTERN } from '../../validators/date.ts';
import { validate } from '../../validators/index.ts';
import { fieldConfidence } from './confidence.ts';
import { AMOUNT_LABELS, DATE_LABELS, findAll, ID_LABELS, type LabelHit, NAME_LABELS } from './labels.ts';
import { type Line, meanConf, toksIn, unionBox } from './layout.ts';
import { CONFUSABLE_DIGIT as D, repairNumericTokens, toDigits } from './repair.ts';
import type { ExtractedField } from './types.ts';

const DATE_RE = new RegExp(
  String.raw`(?<![0-9a-z])(?:${D}{1,2} ?[/.\-] ?${D}{1,2} ?[/.\-] ?${D}{4}|${D}{4}-${D}{2}-${D}{2}|(?:1er|\d{1,2}) +${MONTH_NAME_PATTERN} +\d{4})(?![0-9a-z])`,
  'gi',
);

const MONTH_NAME_RE = new RegExp(MONTH_NAME_PATTERN, 'i');

type DateHit = { start: number; end: number };

/** Dates of a line, found on the normalised text (accents removed, same positions). */
export function dateHits(line: Line): DateHit[] {
  const hits: DateHit[] = [];
  // Case matters for the confusable letters (O, I, S, B, Z), so search the original text too.
  for (const text of [line.text, line.norm]) {
    for (const m of text.matchAll(DATE_RE)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (m[0].replace(/\D/g, '').length < 4) continue;
      if (hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({ start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function nearestLabel(
  labels: ReadonlyArray<{ meaning: string; re: RegExp }>,
  text: string,
): { meaning: string; hit: LabelHit } | undefined {
  let best: { meaning: string; hit: LabelHit } | undefined;
  for (const def of labels) {
    for (const hit of findAll(def.re, text))
      if (!best || hit.end > best.hit.end) best = { meaning: def.meaning, hit };
  }
  return best;
}

/** Labels of the line above, for a value printed under its label. */
function labelAbove(
  lines: Line[],
  line: Line,
  x: number,
  labels: ReadonlyArray<{ meaning: string; re: RegExp }>,
): { meaning: string; label: string } | undefined {
  const above = lines[line.index - 1];
  if (!above) return undefined;
  let best: { meaning: string; label: string; d: number } | undefined;
  for (const def of labels) {
    for (const hit of findAll(def.re, above.norm)) {
      const tok = toksIn(above, hit.start, hit.end)[0];
      const d = Math.abs((tok?.x ?? hit.start) - x);
      if (!best || d < best.d)
        best = { meaning: def.meaning, label: above.text.slice(hit.start, hit.end), d };
    }
  }
  return best;
}

export function findDates(lines: Line[]): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const line of lines) {
    let prevEnd = 0;
    for (const h of dateHits(line)) {
      const raw = line.text.slice(h.start, h.end);
      const isNumeric = !MONTH_NAME_RE.test(line.norm.slice(h.start, h.end));
      const text = isNumeric ? toDigits(raw) : raw;
      const result = validate('date', text);
      const prefix = line.norm.slice(prevEnd, h.start);
      prevEnd = h.end;
      const near = nearestLabel(DATE_LABELS, prefix);
      const toks = toksIn(line, h.start, h.end);
      let meaning = near?.meaning;
      const from = h.start - prefix.length;
      let label = near ? line.text.slice(from + near.hit.start, from + near.hit.end) : undefined;
      if (!near && /^[\s:]*$/.test(prefix)) {
        const above = labelAbove(lines, line, toks[0]?.x ?? h.start, DATE_LABELS);
        meaning = above?.meaning;
        label = above?.label;
      }
      const repaired = text !== raw;
      const field: ExtractedField = {
        kind: 'date',
        value: result.normalized ?? text,
        raw,
        valid: result.valid,
        confidence: fieldConfidence({
          ocr: meanConf(toks),
          labelled: meaning !== undefined,
          valid: result.valid,
          checked: false,
          repaired,
        }),
        validation: result,
      };
      if (meaning) field.meaning = meaning;
      if (label) field.label = label;
      const box = unionBox(toks);
      if (box) field.box = box;
      if (repaired) field.repaired = true;
      fields.push(field);
    }
  }
  return fields;
}

const AMOUNT_RE =
  /(?<![\d,./])(-\s?)?(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d{1,2})|\.(\d{2}))?(?![\d/])(\s*(?:€|eur(?:os?)?\b))?/gi;

/** `shaped`: has a € sign, cents or a thousands group, so it reads as money, not as a stray number. */
type AmountHit = { start: number; end: number; value: string; euro: boolean; shaped: boolean };

export function amountsIn(text: string, from: number, to: number): AmountHit[] {
  const hits: AmountHit[] = [];
  const region = text.slice(0, to);
  const re = new RegExp(AMOUNT_RE.source, 'gi');
  re.lastIndex = from;
  for (let m = re.exec(region); m; m = re.exec(region)) {
    if (m.index < from) continue;
    const intPart = (m[2] ?? '').replace(/[ \u00a0\u202f.]/g, '');
    const dec = m[3] ?? m[4];
    const value = `${m[1] ? '-' : ''}${String(Number(intPart))}${dec ? `.${dec.padEnd(2, '0')}` : ''}`;
    const shaped = Boolean(m[5] || dec || /\D/.test(m[2] ?? ''));
    hits.push({ start: m.index, end: m.index + m[0].length, value, euro: Boolean(m[5]), shaped });
  }
  return hits;
}

/** Masks dates and identifiers' labels so their digits are not read as amounts. */
function maskDates(line: Line, text: string): string {
  let out = text;
  for (const h of dateHits(line))
    out = out.slice(0, h.start) + ' '.repeat(h.end - h.start) + out.slice(h.end);
  return out;
}

function stopsFor(line: Line): number[] {
  const res = [
    ...ID_LABELS.map((l) => l.re),
    ...NAME_LABELS.map((l) => l.re),
    ...AMOUNT_LABELS.map((l) => l.re),
  ];
  return res.flatMap((re) => findAll(re, line.norm).map((h) => h.start));
}

export function findAmounts(lines: Line[]): ExtractedField[] {
  const fields: ExtractedField[] = [];
  const rfr = ID_LABELS.find((l) => l.kind === 'reference-tax-income');
  const defs: Array<{ meaning: string; re: RegExp; kind: 'reference-tax-income' | 'amount' }> = [];
  if (rfr) defs.push({ meaning: 'revenu-fiscal', re: rfr.re, kind: 'reference-tax-income' });
  for (const d of AMOUNT_LABELS) defs.push({ ...d, kind: 'amount' });
  for (const line of lines) {
    const text = maskDates(line, repairNumericTokens(line.text));
    for (const def of defs) {
      for (const hit of findAll(def.re, line.norm)) {
        const stop = Math.min(...stopsFor(line).filter((s) => s >= hit.end), text.length);
        let hits = amountsIn(text, hit.end, stop);
        let src = line;
        let srcText = text;
        if (hits.length === 0) {
          // Value under its label (tables).
          const next = lines[line.index + 1];
          if (next && stopsFor(next).length === 0) {
            srcText = maskDates(next, repairNumericTokens(next.text));
            const alone = srcText.trim();
            const labelX = toksIn(line, hit.start, hit.end)[0]?.x ?? hit.start;
            // Below a label, only a money amount or a number alone on its line (not "50 rue…").
            hits = amountsIn(srcText, 0, srcText.length)
              .filter((a) => a.euro || srcText.slice(a.start, a.end).trim() === alone)
              .sort(
                (a, b) =>
                  Math.abs((toksIn(next, a.start, a.end)[0]?.x ?? a.start) - labelX) -
                  Math.abs((toksIn(next, b.start, b.end)[0]?.x ?? b.start) - labelX),
              );
            src = next;
          }
        }
        // With a € sign, the first such amount; otherwise the rightmost column (pay slips).
        // An amount of money has a € sign, cents or thousands; a bare "20" is likely a broken date.
        if (def.kind === 'amount') hits = hits.filter((h) => h.shaped);
        const pick = hits.find((h) => h.euro) ?? (src === line ? hits[hits.length - 1] : hits[0]);
        if (!pick) continue;
        const raw = src.text.slice(pick.start, pick.end).trim();
        const toks = toksIn(src, pick.start, pick.end);
        const value = def.kind === 'reference-tax-income' ? pick.value.replace(/\..*$/, '') : pick.value;
        const valid = Number.isFinite(Number(value)) && Math.abs(Number(value)) < 1e9;
        const repaired = srcText.slice(pick.start, pick.end) !== src.text.slice(pick.start, pick.end);
        const field: ExtractedField = {
          kind: def.kind,
          value,
          raw,
          valid,
          confidence: fieldConfidence({
            ocr: meanConf(toks),
            labelled: true,
            valid,
            checked: false,
            repaired,
          }),
          meaning: def.meaning,
          label: line.text.slice(hit.start, hit.end),
        };
        const box = unionBox(toks);
        if (box) field.box = box;
        if (repaired) field.repaired = true;
        fields.push(field);
      }
    }
  }
  return fields;
}
