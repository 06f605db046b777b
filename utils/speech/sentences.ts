/** Splits text into sentences with their offsets, so speech goes sentence by sentence
 * (Chrome cuts long utterances) and each sentence can be highlighted. */
export type Sentence = { text: string; start: number; end: number };

// Abbreviations common in French administrative letters that do not end a sentence.
const ABBREVIATIONS =
  /(?:\b(?:M|Mme|Mlle|MM|Dr|St|Ste|art|n°|No|etc|cf|p|ex|av|bd|janv|févr|sept|oct|nov|déc)\.)$/i;

export function splitSentences(text: string, maxLength = 220): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?…\n]+(?:[.!?…]+|\n+|$)/g;
  let pending: Sentence | undefined;
  for (const match of text.matchAll(re)) {
    const start = match.index ?? 0;
    const piece = { text: match[0], start, end: start + match[0].length };
    pending = pending ? { text: pending.text + piece.text, start: pending.start, end: piece.end } : piece;
    if (ABBREVIATIONS.test(pending.text.trimEnd()) && piece.end < text.length) continue;
    pushTrimmed(out, pending, maxLength);
    pending = undefined;
  }
  if (pending) pushTrimmed(out, pending, maxLength);
  return out;
}

function pushTrimmed(out: Sentence[], s: Sentence, maxLength: number): void {
  const lead = s.text.length - s.text.trimStart().length;
  const text = s.text.trim();
  if (!text || !/[\p{L}\p{N}]/u.test(text)) return;
  const start = s.start + lead;
  if (text.length <= maxLength) {
    out.push({ text, start, end: start + text.length });
    return;
  }
  // Very long sentences are cut at commas or spaces so the voice does not stop mid-way.
  let offset = 0;
  while (offset < text.length) {
    let cut = Math.min(text.length, offset + maxLength);
    if (cut < text.length) {
      const window = text.slice(offset, cut);
      const at = Math.max(window.lastIndexOf(', '), window.lastIndexOf(' '));
      if (at > maxLength / 3) cut = offset + at + 1;
    }
    const part = text.slice(offset, cut);
    const partLead = part.length - part.trimStart().length;
    if (part.trim())
      out.push({
        text: part.trim(),
        start: start + offset + partLead,
        end: start + offset + partLead + part.trim().length,
      });
    offset = cut;
  }
}
