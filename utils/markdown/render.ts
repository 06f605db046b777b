/**
 * Builds DOM from a safe Markdown tree with createElement/textContent only, so no string is
 * ever parsed as HTML. Nodes are re-checked here because a tree may come from storage.
 */
import { isSafeHref, type MdInline, type MdNode, parseSafeMarkdown } from './parse.ts';

function renderInline(nodes: unknown, doc: Document, parent: Node, depth: number) {
  if (!Array.isArray(nodes) || depth > 8) return;
  for (const node of nodes as MdInline[]) {
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'text') {
      parent.appendChild(doc.createTextNode(String(node.text ?? '')));
    } else if (node.type === 'strong' || node.type === 'em') {
      const el = doc.createElement(node.type);
      renderInline(node.children, doc, el, depth + 1);
      parent.appendChild(el);
    } else if (node.type === 'link') {
      if (typeof node.href === 'string' && isSafeHref(node.href)) {
        const a = doc.createElement('a');
        a.setAttribute('href', node.href);
        a.setAttribute('rel', 'noopener noreferrer');
        a.setAttribute('target', '_blank');
        renderInline(node.children, doc, a, depth + 1);
        parent.appendChild(a);
      } else {
        renderInline(node.children, doc, parent, depth + 1);
      }
    }
  }
}

export function renderMarkdown(nodes: MdNode[], doc: Document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  if (!Array.isArray(nodes)) return fragment;
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'paragraph') {
      const p = doc.createElement('p');
      renderInline(node.children, doc, p, 0);
      fragment.appendChild(p);
    } else if (node.type === 'list' && Array.isArray(node.items)) {
      const list = doc.createElement(node.ordered ? 'ol' : 'ul');
      for (const item of node.items) {
        const li = doc.createElement('li');
        renderInline(item, doc, li, 0);
        list.appendChild(li);
      }
      fragment.appendChild(list);
    }
  }
  return fragment;
}

/** Parse and render in one go. */
export function renderMarkdownText(source: string, doc: Document): DocumentFragment {
  return renderMarkdown(parseSafeMarkdown(source), doc);
}
