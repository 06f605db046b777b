/**
 * Wraps glossary terms found in an element's text in `<abbr>` elements, by splitting text nodes:
 * no innerHTML, so page text can never become markup. Controls, code, scripts and existing marks
 * are left alone; links keep their attributes (only their text is split).
 */
import { findTerms, type GlossaryInput, toCompiled } from './match.ts';

const SKIP =
  'script, style, noscript, template, textarea, input, select, option, button, code, pre, kbd, samp, abbr, svg, math, title, [data-term-id], [contenteditable]:not([contenteditable="false"])';
const SHOW_TEXT = 4;

export type MarkOptions = {
  /** Element to create (default `abbr`). */
  tagName?: string;
  className?: string;
  /** Only the first occurrence of each term (less noise in long pages). */
  firstOnly?: boolean;
  /** Also set `title` to the short explanation in this language. */
  title?: 'fr' | 'en';
};

export type MarkedTerm = { id: string; element: Element };

export function markTerms(
  root: Element,
  glossary: GlossaryInput,
  doc: Document,
  options: MarkOptions = {},
): MarkedTerm[] {
  const compiled = toCompiled(glossary);
  const seen = new Set<string>();
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP)) continue;
    if (!/[\p{L}\p{N}]/u.test(node.nodeValue ?? '')) continue;
    textNodes.push(node as Text);
  }
  const marked: MarkedTerm[] = [];
  for (const textNode of textNodes) {
    const text = textNode.nodeValue ?? '';
    let matches = findTerms(text, compiled);
    if (options.firstOnly) {
      matches = matches.filter((m) => {
        if (seen.has(m.id)) return false;
        seen.add(m.id);
        return true;
      });
    }
    // From the end, so the offsets of earlier matches stay valid in the node being split.
    const created: MarkedTerm[] = [];
    for (let i = matches.length - 1; i >= 0; i -= 1) {
      const match = matches[i];
      if (!match) continue;
      textNode.splitText(match.end);
      const middle = textNode.splitText(match.start);
      const wrapper = doc.createElement(options.tagName ?? 'abbr');
      wrapper.className = options.className ?? 'pasapas-term';
      wrapper.setAttribute('data-term-id', match.id);
      const term = compiled.terms.get(match.id);
      if (options.title && term)
        wrapper.setAttribute('title', options.title === 'en' ? term.short_en : term.short_fr);
      middle.replaceWith(wrapper);
      wrapper.appendChild(middle);
      created.push({ id: match.id, element: wrapper });
    }
    marked.push(...created.reverse());
  }
  return marked;
}
