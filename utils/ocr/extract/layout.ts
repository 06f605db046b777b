/**
 * A working model of the page: lines of tokens that remember their words (for boxes and
 * confidences) and their position (box x when the OCR gave boxes, else the character column).
 */
import type { OcrBox, OcrInput, OcrWord } from './types.ts';

/** Confidence assumed for plain text without per-word scores (pasted text, PDF text layer). */
export const TEXT_ONLY_CONFIDENCE = 0.9;

export type Tok = {
  text: string;
  line: number;
  /** Offsets in the line's text. */
  start: number;
  end: number;
  /** 0..1 */
  conf: number;
  box?: OcrBox;
  /** A column gap (or the line start) precedes this token: values do not run across it. */
  gapBefore: boolean;
  /** Horizontal position used to match a value to a label above it. */
  x: number;
};

export type Line = { index: number; text: string; norm: string; toks: Tok[] };

/** Lowercase, accents and typographic quotes removed, same length as the input (positions stay valid). */
export function normalize(text: string): string {
  let out = '';
  for (const ch of text) {
    let c = ch.normalize('NFD')[0] ?? ch;
    if (c === '’' || c === '‘' || c === '`' || c === '´') c = "'";
    else if (c === 'º' || c === '˚') c = '°';
    else if (c === '\u00a0' || c === '\u202f' || c === '\t') c = ' ';
    c = c.toLowerCase();
    // Characters outside the BMP would shift positions: keep one code unit per input code unit.
    out += ch.length === 2 ? `${c}_`.slice(0, 2) : c.length === 1 ? c : ' ';
  }
  return out;
}

/** Splits "IBAN:FR76" or "fiscal:3023" so the label and the value are separate tokens. */
function splitPieces(text: string, start: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /[^:]+|:/g;
  for (const m of text.matchAll(re)) out.push({ text: m[0], start: start + (m.index ?? 0) });
  return out;
}

function lineFromWords(index: number, words: OcrWord[]): Line {
  const parts: string[] = [];
  const toks: Tok[] = [];
  let col = 0;
  const heights = words.map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)] ?? 10;
  let prev: OcrWord | undefined;
  for (const word of words) {
    const text = word.text.trim();
    if (!text) continue;
    if (parts.length) col += 1;
    // A gap wider than about two character heights separates columns of a table.
    const gap = prev ? word.bbox.x0 - prev.bbox.x1 > 2 * height : true;
    splitPieces(text, col).forEach((piece, i) => {
      toks.push({
        text: piece.text,
        line: index,
        start: piece.start,
        end: piece.start + piece.text.length,
        conf: clamp01(word.confidence / 100),
        box: word.bbox,
        gapBefore: i === 0 && gap,
        x: word.bbox.x0,
      });
    });
    parts.push(text);
    col += text.length;
    prev = word;
  }
  const text = parts.join(' ');
  return { index, text, norm: normalize(text), toks };
}

function lineFromText(index: number, text: string, conf: number): Line {
  const clean = text.replace(/\t/g, '    ');
  const toks: Tok[] = [];
  for (const m of clean.matchAll(/\S+/g)) {
    const start = m.index ?? 0;
    const before = clean.slice(0, start);
    // Three spaces or more (or a tab) is how plain-text layouts separate columns.
    const gap = start === 0 || /\S?\s{3,}$/.test(before) || before.trim() === '';
    splitPieces(m[0], start).forEach((piece, i) => {
      toks.push({
        text: piece.text,
        line: index,
        start: piece.start,
        end: piece.start + piece.text.length,
        conf,
        gapBefore: i === 0 && gap,
        x: piece.start,
      });
    });
  }
  return { index, text: clean, norm: normalize(clean), toks };
}

export function buildLines(input: OcrInput): Line[] {
  const lines: Line[] = [];
  if (input.lines && input.lines.length > 0) {
    for (const line of input.lines) {
      const words = line.words?.filter((w) => w.text.trim()) ?? [];
      if (words.length > 0) lines.push(lineFromWords(lines.length, words));
      else lines.push(lineFromText(lines.length, line.text, clamp01(line.confidence / 100)));
    }
  } else {
    for (const text of input.text.split(/\r?\n/))
      lines.push(lineFromText(lines.length, text, TEXT_ONLY_CONFIDENCE));
  }
  return lines;
}

export function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

export function unionBox(toks: readonly Tok[]): OcrBox | undefined {
  let box: OcrBox | undefined;
  for (const t of toks) {
    if (!t.box) continue;
    box = box
      ? {
          x0: Math.min(box.x0, t.box.x0),
          y0: Math.min(box.y0, t.box.y0),
          x1: Math.max(box.x1, t.box.x1),
          y1: Math.max(box.y1, t.box.y1),
        }
      : { ...t.box };
  }
  return box;
}

/** Mean confidence weighted by token length (a long number read badly matters more than a dash). */
export function meanConf(toks: readonly Tok[]): number {
  let sum = 0;
  let weight = 0;
  for (const t of toks) {
    sum += t.conf * t.text.length;
    weight += t.text.length;
  }
  return weight ? sum / weight : TEXT_ONLY_CONFIDENCE;
}

/** Tokens overlapping [start, end) of a line. */
export function toksIn(line: Line, start: number, end: number): Tok[] {
  return line.toks.filter((t) => t.end > start && t.start < end);
}
