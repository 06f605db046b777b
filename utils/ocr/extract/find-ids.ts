/** Finds fixed-length identifiers next to their labels (same line, or the line below in the same column). */
import { fieldConfidence } from './confidence.ts';
import { ALL_LABEL_RES, findAll, ID_LABELS, type LabelHit } from './labels.ts';
import { type Line, meanConf, type Tok, unionBox } from './layout.ts';
import { ID_SPECS, type IdCheck, type IdSpec, joinPieces } from './numbers.ts';
import type { ExtractedField } from './types.ts';

type Candidate = { toks: Tok[]; joined: string; check: IdCheck; score: number };

/** Strips the punctuation that sticks to values: "3023217600053," "(1234567)". */
export function cleanTok(text: string): string {
  return text.replace(/^[:;,()[\]"'«»]+|[:;,()[\]"'«»]+$/g, '');
}

function isLastOfLine(lines: Line[], t: Tok): boolean {
  const toks = lines[t.line]?.toks ?? [];
  return toks[toks.length - 1] === t;
}

/** Every way of joining consecutive tokens of `seq` into a value of the right length. */
function candidates(lines: Line[], seq: Tok[], spec: IdSpec, used: Set<Tok>): Candidate[] {
  const out: Candidate[] = [];
  for (let s = 0; s < seq.length; s++) {
    const first = seq[s];
    if (!first || used.has(first) || !spec.piece(cleanTok(first.text), true)) continue;
    const prev = seq[s - 1];
    const startsRun =
      !prev || first.gapBefore || prev.line !== first.line || !spec.piece(cleanTok(prev.text), false);
    let joined = '';
    const toks: Tok[] = [];
    for (let e = s; e < seq.length; e++) {
      const tok = seq[e];
      if (!tok || used.has(tok)) break;
      const last = toks[toks.length - 1];
      if (last) {
        if (tok.line === last.line && tok.gapBefore) break;
        // A value broken over two lines: only from the very end of one line to the start of the next.
        if (tok.line !== last.line && !(isLastOfLine(lines, last) && lines[tok.line]?.toks[0] === tok)) break;
      }
      const text = cleanTok(tok.text);
      if (!text || !spec.piece(text, e === s)) break;
      toks.push(tok);
      joined = joinPieces([joined, text]);
      const lengths = spec.lengths(joined);
      if (lengths.length === 0 || joined.length > Math.max(...lengths)) break;
      if (lengths.includes(joined.length)) {
        const check = spec.check(joined);
        const next = seq[e + 1];
        const endsRun =
          !next || next.gapBefore || next.line !== tok.line || !spec.piece(cleanTok(next.text), false);
        // A group with no real digit ("|", "OS") is weaker evidence: a stray bar often reads as 1.
        const weak = toks.slice(1).filter((t) => !/\d/.test(t.text)).length;
        const score = (check.valid ? 1000 : 0) + (startsRun ? 50 : 0) + (endsRun ? 20 : 0) - 30 * weak;
        out.push({ toks: [...toks], joined, check, score });
      }
    }
  }
  return out;
}

/**
 * The value as far as it could be read when no reading has the right length ("FR76 3000 6000 o112
 * 3456 789 1"): returned as invalid so the person is told, rather than silently dropped.
 */
function partialRun(lines: Line[], seq: Tok[], spec: IdSpec, used: Set<Tok>): Candidate | undefined {
  // Only right after the label: anything further is not clearly this value.
  const s = 0;
  const first = seq[0];
  if (!first || used.has(first) || !spec.piece(cleanTok(first.text), true)) return undefined;
  const toks: Tok[] = [];
  let joined = '';
  for (let e = s; e < seq.length; e++) {
    const tok = seq[e];
    if (!tok || used.has(tok)) break;
    const last = toks[toks.length - 1];
    if (last && tok.line === last.line && tok.gapBefore) break;
    if (last && tok.line !== last.line && !(isLastOfLine(lines, last) && lines[tok.line]?.toks[0] === tok))
      break;
    const text = cleanTok(tok.text);
    if (!text || !spec.piece(text, e === s)) break;
    toks.push(tok);
    joined = joinPieces([joined, text]);
  }
  const lengths = spec.lengths(joined);
  const min = Math.min(...lengths);
  if (!lengths.length || joined.length < 0.6 * min || lengths.includes(joined.length)) return undefined;
  if (toks[0]?.line !== first.line || joined.length > Math.max(...lengths) + 4) return undefined;
  return { toks, joined, check: spec.check(joined), score: 0 };
}

function labelStops(line: Line): number[] {
  return ALL_LABEL_RES.flatMap((re) => findAll(re, line.norm).map((h) => h.start));
}

function toField(spec: IdSpec, c: Candidate, labelled: boolean, label?: string): ExtractedField {
  const raw = c.toks.map((t) => cleanTok(t.text)).join(' ');
  const field: ExtractedField = {
    kind: spec.kind,
    value: c.check.value,
    raw,
    valid: c.check.valid,
    confidence: fieldConfidence({
      ocr: meanConf(c.toks),
      labelled,
      valid: c.check.valid,
      checked: spec.checked,
      repaired: c.check.repaired,
    }),
  };
  if (c.check.validation) field.validation = c.check.validation;
  if (label) field.label = label;
  const box = unionBox(c.toks);
  if (box) field.box = box;
  if (c.check.repaired) field.repaired = true;
  return field;
}

/** Width of one character in the line's units (pixels with boxes, 1 in plain text). */
function charWidth(toks: readonly Tok[]): number {
  const t = toks.find((x) => x.box && x.text.length > 1);
  return t?.box ? (t.box.x1 - t.box.x0) / t.text.length : 1;
}

export function findIds(lines: Line[], used: Set<Tok>): ExtractedField[] {
  const fields: ExtractedField[] = [];
  const idLabelLines = new Set<number>();
  const hits: Array<{ line: Line; hit: LabelHit; spec: IdSpec }> = [];
  for (const line of lines) {
    for (const def of ID_LABELS) {
      const spec = ID_SPECS[def.kind as IdSpec['kind']];
      if (!spec) continue;
      for (const hit of findAll(def.re, line.norm)) {
        // Two patterns may match the same label ("N° d'immatriculation"): one search per label.
        const dup = hits.some(
          (h) => h.line === line && h.spec === spec && h.hit.start < hit.end && hit.start < h.hit.end,
        );
        if (dup) continue;
        hits.push({ line, hit, spec });
        idLabelLines.add(line.index);
      }
    }
  }
  for (const { line, hit, spec } of hits) {
    const stop = Math.min(...labelStops(line).filter((s) => s >= hit.end), Number.POSITIVE_INFINITY);
    const label = line.text.slice(hit.start, hit.end);
    const after = line.toks.filter((t) => t.start >= hit.end && t.start < stop && cleanTok(t.text) !== '');
    // The line below may finish a value broken at the end of this one.
    const below = lines[line.index + 1]?.toks ?? [];
    let found = candidates(lines, [...after, ...below], spec, used).filter(
      (c) => c.toks[0]?.line === line.index,
    );
    if (found.length === 0) {
      // Label above its value (tables): look one or two lines down, nearest column first.
      const labelToks = line.toks.filter((t) => t.end > hit.start && t.start < hit.end);
      const labelX = labelToks[0]?.x ?? hit.start;
      const unit = charWidth(line.toks);
      // Photos break layouts: further down (up to 6 lines with text), only a value whose check digits
      // pass is trusted.
      let seen = 0;
      for (let next = line.index + 1; next < lines.length && seen < 6; next++) {
        const l = lines[next];
        if (!l || l.toks.length === 0) continue;
        seen++;
        if (idLabelLines.has(next)) continue;
        found = candidates(lines, [...l.toks, ...(lines[next + 1]?.toks ?? [])], spec, used)
          .filter((c) => c.toks[0]?.line === next && (seen <= 2 || (spec.checked && c.check.valid)))
          .map((c) => ({ ...c, score: c.score - Math.abs((c.toks[0]?.x ?? 0) - labelX) / unit }));
        if (found.length) break;
      }
      if (found.length === 0) {
        const partial = partialRun(lines, [...after, ...below], spec, used);
        if (partial) found = [partial];
      }
    } else {
      found = found.map((c) => ({ ...c, score: c.score - after.indexOf(c.toks[0] as Tok) * 5 }));
    }
    const best = found.sort((a, b) => b.score - a.score)[0];
    if (!best) continue;
    for (const t of best.toks) used.add(t);
    fields.push(toField(spec, best, true, label));
  }
  // IBANs and NIRs are distinctive enough to be found without their label.
  for (const spec of Object.values(ID_SPECS)) {
    if (!spec.unlabelled) continue;
    for (const line of lines) {
      const found = candidates(lines, [...line.toks, ...(lines[line.index + 1]?.toks ?? [])], spec, used)
        .filter((c) => c.toks[0]?.line === line.index)
        .filter((c) => spec.unlabelled === 'shape' || c.check.valid)
        .sort((a, b) => b.score - a.score);
      for (const c of found) {
        if (c.toks.some((t) => used.has(t))) continue;
        for (const t of c.toks) used.add(t);
        fields.push(toField(spec, c, false));
      }
    }
  }
  return fields;
}
