/**
 * A tiny safe Markdown subset for guide texts: paragraphs, **bold**, *italic*, bullet and
 * numbered lists, and [links](https://…). Nothing else has a meaning: raw HTML stays literal
 * text, and a link to anything but https stays plain text. The result is a small JSON tree.
 */

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'link'; href: string; children: MdInline[] };

export type MdNode =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'list'; ordered: boolean; items: MdInline[][] };

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/;
const MAX_INLINE_DEPTH = 4;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** True for an absolute https URL without spaces or quotes; the only links we render. */
export function isSafeHref(href: string): boolean {
  if (!/^https:\/\/[^\s<>"'`\\/][^\s<>"'`\\]*$/i.test(href)) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export function parseSafeMarkdown(source: string): MdNode[] {
  const text = String(source ?? '')
    .replace(/\r\n?/g, '\n')
    // Control characters other than tab and newline have no place in a text.
    .replace(CONTROL_CHARS, '');
  const nodes: MdNode[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0)
      nodes.push({ type: 'paragraph', children: parseInline(paragraph.join(' '), 0) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      nodes.push({
        type: 'list',
        ordered: list.ordered,
        items: list.items.map((item) => parseInline(item, 0)),
      });
    }
    list = null;
  };

  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\s+$/, '');
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const match = bullet ?? numbered;
    if (match) {
      flushParagraph();
      const ordered = numbered !== null;
      if (list && list.ordered !== ordered) flushList();
      if (!list) list = { ordered, items: [] };
      list.items.push((match[1] ?? '').trim());
      continue;
    }
    const current = list as { ordered: boolean; items: string[] } | null;
    if (current && /^\s/.test(line) && current.items.length > 0) {
      // An indented line continues the list item above it.
      current.items[current.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return nodes;
}

function pushText(out: MdInline[], text: string) {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** Finds the matching closing bracket of a `[` at `open`, honouring nesting and escapes. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function findCloser(text: string, from: number, marker: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(marker, i)) {
      // A single `*` closer must not be half of a `**`.
      if (marker.length === 1 && text[i + 1] === marker) {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

export function parseInline(text: string, depth: number): MdInline[] {
  const out: MdInline[] = [];
  if (depth > MAX_INLINE_DEPTH) {
    pushText(out, text);
    return out;
  }
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length && /[\\`*_[\]()#+\-.!<>]/.test(text[i + 1] as string)) {
      pushText(out, text[i + 1] as string);
      i += 2;
      continue;
    }
    if (text.startsWith('**', i)) {
      const end = findCloser(text, i + 2, '**');
      if (end > i + 2) {
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end), depth + 1) });
        i = end + 2;
        continue;
      }
      pushText(out, '**');
      i += 2;
      continue;
    }
    if ((ch === '*' || ch === '_') && text[i + 1] !== ' ') {
      const end = findCloser(text, i + 1, ch);
      // `_` inside words (snake_case) is not emphasis.
      const wordy = ch === '_' && i > 0 && /\w/.test(text[i - 1] as string);
      if (end > i + 1 && !wordy && text[end - 1] !== ' ') {
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, end), depth + 1) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const close = closingBracket(text, i);
      if (close > i && text[close + 1] === '(') {
        const end = text.indexOf(')', close + 2);
        if (end > close) {
          const label = text.slice(i + 1, close);
          const href = text.slice(close + 2, end).trim();
          if (isSafeHref(href) && label.trim() !== '') {
            out.push({ type: 'link', href, children: parseInline(label, depth + 1) });
          } else {
            // Not an https link: keep the whole thing as the literal text it was written as.
            pushText(out, text.slice(i, end + 1));
          }
          i = end + 1;
          continue;
        }
      }
    }
    pushText(out, ch);
    i++;
  }
  return out;
}

/** The plain text of a tree (for reading aloud, search, titles). */
export function markdownToText(nodes: MdNode[]): string {
  const inline = (list: MdInline[]): string =>
    list.map((n) => (n.type === 'text' ? n.text : inline(n.children))).join('');
  return nodes
    .map((n) =>
      n.type === 'paragraph' ? inline(n.children) : n.items.map((item) => `- ${inline(item)}`).join('\n'),
    )
    .join('\n\n');
}

export type MarkdownProblem = { code: 'md-html' | 'md-unsafe-link' | 'md-control-char'; excerpt: string };

/**
 * Problems a guide author should fix. None of them is dangerous (the renderer shows raw HTML as
 * text and drops unsafe links), but they show that the text will not look as the author meant.
 */
export function checkSafeMarkdown(source: string, { markdown = true } = {}): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  const html = /<\/?[A-Za-z][^>]*>|<!--|<![A-Za-z]/.exec(source);
  if (html) problems.push({ code: 'md-html', excerpt: html[0].slice(0, 40) });
  if (new RegExp(CONTROL_CHARS.source).test(source)) problems.push({ code: 'md-control-char', excerpt: '' });
  if (markdown) {
    const links = /\[[^\]]*\]\(([^)]*)\)/g;
    for (let m = links.exec(source); m; m = links.exec(source)) {
      const href = (m[1] ?? '').trim();
      if (!isSafeHref(href)) {
        problems.push({ code: 'md-unsafe-link', excerpt: href.slice(0, 60) });
        break;
      }
    }
  }
  return problems;
}
