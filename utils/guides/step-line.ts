/**
 * A step's help in one line, for the compact step view of a phone or a zoomed screen: the first
 * sentence of its explanation. The rest stays one press away (« Plus d'aide »).
 */
import { markdownToText, parseSafeMarkdown } from '../markdown/index.ts';

/** Sentence ends in French, English and Arabic (؟), followed by a space. */
const SENTENCE_END = /(?<=[.!?…؟])\s+/u;

/**
 * The first sentence of a step's body (safe Markdown), as plain text. A body whose first sentence
 * introduces a list ("Préparez ces papiers :") has no one-line form: null, the whole body is shown.
 */
export function stepLine(body: string): string | null {
  const nodes = parseSafeMarkdown(body);
  const first = nodes[0];
  if (!first) return '';
  if (first.type === 'list') return null;
  const paragraph = markdownToText([first]).replace(/\s+/g, ' ').trim();
  const sentence = paragraph.split(SENTENCE_END)[0] ?? paragraph;
  if (/[:：]$/.test(sentence)) return null;
  return sentence;
}

/** True when the one line leaves something of the body unsaid (the compact view offers the rest). */
export function bodyHasMore(body: string, line: string | null): boolean {
  if (line === null) return false;
  const all = markdownToText(parseSafeMarkdown(body)).replace(/\s+/g, ' ').trim();
  return all !== line;
}
