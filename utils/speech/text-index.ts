/**
 * Maps offsets in the text we read aloud back to DOM ranges, so the sentence or word being
 * read can be highlighted on the real page (with the CSS Custom Highlight API: no DOM change).
 */
export type TextIndex = { text: string; nodes: { node: Text; start: number; end: number }[] };

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'SVG',
]);
const BLOCK =
  /^(P|DIV|LI|H[1-6]|SECTION|ARTICLE|MAIN|HEADER|FOOTER|TR|TD|TH|DT|DD|BLOCKQUOTE|FIELDSET|LEGEND|LABEL|BR|FORM|UL|OL|TABLE)$/;

export function buildTextIndex(root: Node, isVisible: (el: Element) => boolean = () => true): TextIndex {
  const nodes: TextIndex['nodes'] = [];
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      // Same length as the node's data, so offsets map exactly back to the node.
      const value = (node as Text).data.replace(/[\t\n\r\f]/g, ' ');
      if (!value.trim() && (text.endsWith(' ') || text.endsWith('\n') || text === '')) return;
      nodes.push({ node: node as Text, start: text.length, end: text.length + value.length });
      text += value;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (
      SKIP.has(el.tagName.toUpperCase()) ||
      el.hasAttribute('data-pasapas-host') ||
      el.getAttribute('aria-hidden') === 'true'
    )
      return;
    if (!isVisible(el)) return;
    const block = BLOCK.test(el.tagName.toUpperCase());
    if (block && text && !text.endsWith('\n')) text += '\n';
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block && text && !text.endsWith('\n')) text += '\n';
  };
  walk(root);
  return { text, nodes };
}

/** A DOM Range for [start, end) of the index text, or null if it falls between nodes. */
export function rangeFor(index: TextIndex, start: number, end: number, doc: Document): Range | null {
  const first = index.nodes.find((n) => n.end > start);
  const last = [...index.nodes].reverse().find((n) => n.start < end);
  if (!first || !last) return null;
  const range = doc.createRange();
  range.setStart(first.node, clampOffset(first, start));
  range.setEnd(last.node, clampOffset(last, end));
  return range;
}

function clampOffset(entry: TextIndex['nodes'][number], offset: number): number {
  return Math.max(0, Math.min(entry.node.data.length, offset - entry.start));
}
