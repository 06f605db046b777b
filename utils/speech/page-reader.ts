import { computeAccessibleDescription, computeAccessibleName } from 'dom-accessibility-api';
import { buildTextIndex, rangeFor, type TextIndex } from './text-index';

/**
 * What can be read aloud on the real page, and the highlight of what is being read.
 * DOM code but framework-free: used by the panel in the widget and in the extension.
 */
export type ReadSource = 'selection' | 'page' | 'field';
export type ReadTarget = { text: string; index?: TextIndex; required?: boolean };

const HIGHLIGHT_SENTENCE = 'pasapas-sentence';
const HIGHLIGHT_WORD = 'pasapas-word';
const FIELD_SELECTOR = 'input:not([type=hidden]), select, textarea, [role=textbox], [role=combobox]';

export function createPageReader(doc: Document, isOurs: (node: Node) => boolean) {
  const win = doc.defaultView;
  let lastField: Element | undefined;
  let styleInstalled = false;

  // The panel takes focus when the person presses "read the field": remember the last field they were in.
  const onFocus = (e: FocusEvent) => {
    const el = e.target as Element | null;
    if (el && !isOurs(el) && el.matches?.(FIELD_SELECTOR)) lastField = el;
  };
  doc.addEventListener('focusin', onFocus, true);

  const visible = (el: Element) => {
    const style = win?.getComputedStyle(el);
    return !style || (style.display !== 'none' && style.visibility !== 'hidden');
  };

  function mainContent(): Element {
    return (
      doc.querySelector('main, [role=main]') ??
      doc.querySelector('article') ??
      doc.getElementById('content') ??
      doc.body ??
      doc.documentElement
    );
  }

  function target(source: ReadSource): ReadTarget | { error: 'no-selection' | 'no-field' | 'nothing' } {
    if (source === 'selection') {
      const selection = win?.getSelection();
      const text = selection?.toString().trim() ?? '';
      if (!selection || !text) return { error: 'no-selection' };
      const range = selection.getRangeAt(0);
      const container =
        range.commonAncestorContainer.nodeType === 1
          ? range.commonAncestorContainer
          : range.commonAncestorContainer.parentNode;
      if (!container) return { text };
      const index = buildTextIndex(container, visible);
      // Restrict to the selected part of the container's text.
      const before = doc.createRange();
      before.setStart(container, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const startGuess = index.text.indexOf(text.slice(0, 20), Math.max(0, before.toString().length - 5));
      if (startGuess < 0) return { text };
      return { text: ' '.repeat(startGuess) + text, index };
    }
    if (source === 'field') {
      const el = lastField?.isConnected ? lastField : undefined;
      if (!el) return { error: 'no-field' };
      const name = computeAccessibleName(el);
      const description = computeAccessibleDescription(el);
      const required = el.hasAttribute('required') || el.getAttribute('aria-required') === 'true';
      const text = [name, description].filter(Boolean).join('. ');
      return text.trim() ? { text, required } : { error: 'nothing' };
    }
    const index = buildTextIndex(mainContent(), visible);
    return index.text.trim() ? { text: index.text, index } : { error: 'nothing' };
  }

  function installStyle() {
    if (styleInstalled || !win) return;
    styleInstalled = true;
    const css = `::highlight(${HIGHLIGHT_SENTENCE}){background-color:#fff3b0;color:#000}::highlight(${HIGHLIGHT_WORD}){background-color:#ffd400;color:#000;text-decoration:underline}`;
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      const style = doc.createElement('style');
      style.textContent = css;
      doc.head?.append(style);
    }
  }

  /** Highlights with the CSS Custom Highlight API: the page's DOM is never changed. */
  function highlight(
    index: TextIndex | undefined,
    sentence?: { start: number; end: number },
    word?: { start: number; end: number },
  ) {
    const registry = (win as (Window & { CSS?: { highlights?: Map<string, unknown> } }) | null)?.CSS
      ?.highlights;
    const HighlightCtor = (win as unknown as { Highlight?: new (...r: Range[]) => unknown } | null)
      ?.Highlight;
    if (!registry || !HighlightCtor) return false;
    installStyle();
    registry.delete(HIGHLIGHT_SENTENCE);
    registry.delete(HIGHLIGHT_WORD);
    if (!index || !sentence) return true;
    const sentenceRange = rangeFor(index, sentence.start, sentence.end, doc);
    if (sentenceRange) {
      registry.set(HIGHLIGHT_SENTENCE, new HighlightCtor(sentenceRange));
      const el = sentenceRange.startContainer.parentElement;
      el?.scrollIntoView?.({ block: 'nearest', behavior: 'auto' });
    }
    if (word) {
      const wordRange = rangeFor(index, word.start, word.end, doc);
      if (wordRange) registry.set(HIGHLIGHT_WORD, new HighlightCtor(wordRange));
    }
    return true;
  }

  return {
    target,
    highlight,
    clear: () => highlight(undefined),
    dispose() {
      doc.removeEventListener('focusin', onFocus, true);
      highlight(undefined);
    },
  };
}
export type PageReader = ReturnType<typeof createPageReader>;
