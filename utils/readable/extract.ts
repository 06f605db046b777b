/**
 * Readable mode's core: the page's main content without clutter, sanitized, plus its forms kept
 * working. Forms are read from the ORIGINAL document first, because Readability removes inputs,
 * buttons, headers and alerts and mutates the document it parses; Readability then runs on a clone.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { discoverFields } from '../forms/discover.ts';
import { type DynamicField, findDynamicFields } from '../forms/dynamic.ts';
import { findSubmitControls, type SubmitControl } from '../forms/mirror.ts';
import { parentAcross, queryAllAcross } from '../forms/shadow.ts';
import { isVisible } from '../forms/style.ts';
import { cleanText, foldText } from '../forms/text.ts';
import type { FieldInfo } from '../forms/types.ts';
import { type MarkOptions, markTerms } from '../glossary/mark.ts';
import { findTerms, type GlossaryInput, toCompiled } from '../glossary/match.ts';
import { ReadableError } from './errors.ts';
import { assertReadableSize, measurePage, READABLE_LIMITS } from './limits.ts';
import { type Purifier, sanitizeInPlace } from './sanitize.ts';
import { type ErrorSummary, findSummaryElement, readErrorSummary } from './summary.ts';

export type { DynamicField } from '../forms/dynamic.ts';
export type { ErrorSummary, ErrorSummaryItem } from './summary.ts';

export type ReadableOptions = {
  url?: string;
  /** `createDOMPurify(window)`: jsdom's window in Node, the page's in the browser. */
  purify: Purifier;
  glossary?: GlossaryInput;
  /** Wrap glossary terms of the content in `<abbr data-term-id>` (needs `glossary`). */
  markTerms?: boolean | MarkOptions;
  /** Readability's minimum article length (default 500 characters, 200 on a page with fields). */
  charThreshold?: number;
};

/** Fields that follow one heading of the page, in reading order. */
export type ReadableSection = {
  heading: string | null;
  level: number;
  fieldKeys: string[];
  /** Set when that heading is in `contentHtml`, marked `data-pasapas-section="<index>"`. */
  anchored: boolean;
};

export type GlossaryHit = { id: string; term: string; count: number };

export type ReadableResult = {
  title: string;
  /** The page's main heading (`h1`), which Readability often drops. */
  heading: string | null;
  lang: string | null;
  dir: string | null;
  /** Sanitized HTML of the main content; safe to insert. */
  contentHtml: string;
  /** Plain text of the content, one paragraph per line. */
  text: string;
  excerpt: string;
  /** Whether Readability found an article (otherwise content is empty but forms may be there). */
  article: boolean;
  fields: FieldInfo[];
  sections: ReadableSection[];
  submitControls: SubmitControl[];
  glossaryMatches: GlossaryHit[];
  /** The page's list of what went wrong (Readability drops it), with each link's field. */
  errorSummary: ErrorSummary | null;
  /** Fields the page's scripts build, which this reading of the page may not show yet. */
  dynamic: DynamicField[];
};

const CHROME_TAGS = new Set(['header', 'nav', 'footer', 'aside']);
const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo', 'search']);

/**
 * Inside the site's header, menus, footer or a closed dialog. One walk up in code: long selector
 * lists with :not() in `closest` are slow in jsdom, and this runs for every field and heading.
 */
function outsideContent(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentAcross(node)) {
    const tag = node.localName;
    if (CHROME_TAGS.has(tag)) return true;
    const role = node.getAttribute('role');
    if (role && CHROME_ROLES.has(role)) return true;
    if (tag === 'dialog' && !node.hasAttribute('open')) return true;
    const modal =
      node.classList.contains('fr-modal') ||
      (role === 'dialog' && node.getAttribute('aria-modal') === 'true');
    if (modal && !node.classList.contains('fr-modal--opened') && !node.hasAttribute('open')) return true;
  }
  return false;
}
const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'figcaption',
  'figure',
  'br',
  'hr',
  // A question's legend and its options' labels are lines of their own, not "SexeFM".
  'form',
  'fieldset',
  'legend',
  'label',
  'caption',
  'td',
  'th',
]);

// Site chrome removed from the clone before Readability: menus, banners and footers are never the
// article, and fewer nodes make Readability faster.
const CLONE_CHROME =
  '[role="banner"], [role="navigation"], [role="contentinfo"], [role="search"], nav, dialog, .fr-header, .fr-footer, .fr-skiplinks, .fr-breadcrumb';

function stripChrome(clone: Document): void {
  for (const el of clone.querySelectorAll(CLONE_CHROME)) el.remove();
  // A page's own <header>/<footer>, but not an article's.
  for (const el of clone.querySelectorAll('header, footer')) {
    if (el.isConnected && !el.closest('main, article, section, [role="main"]')) el.remove();
  }
}

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && (value as Node).nodeType === 9;
}

/** A field the person is meant to fill: not in the site's header/menus/footer, not hidden. */
function isPageField(field: FieldInfo): boolean {
  const el = field.element;
  if (outsideContent(el)) return false;
  return (field.elements ?? [el]).some(isVisible);
}

function primaryFields(doc: Document): FieldInfo[] {
  const main = doc.querySelector('main, [role="main"]');
  // Only describe what readable mode will show: the main region's fields when it has some.
  if (main) {
    const inMain = discoverFields(main).filter(isPageField);
    if (inMain.length > 0) return inMain;
  }
  return discoverFields(doc).filter(isPageField);
}

/** Readability's verdict, or a page with at least one visible field a person can fill. */
export function isProbablyReadable(doc: Document): boolean {
  if (!isDocument(doc)) throw new ReadableError('not-a-document');
  // Too large to be shown (extractReadable refuses it): said at once, without walking every control.
  if (measurePage(doc).tooLarge) return false;
  if (isProbablyReaderable(doc)) return true;
  const controls = doc.querySelectorAll('input, select, textarea, [role][tabindex]');
  for (const el of controls) {
    if (
      el.localName === 'input' &&
      /^(hidden|submit|button|reset|image)$/i.test((el as HTMLInputElement).type)
    )
      continue;
    if (outsideContent(el)) continue;
    if (isVisible(el)) return true;
  }
  return false;
}

/** A name for a page whose <title> is empty and that has no h1: its first heading, else its form's legend. */
function fallbackTitle(doc: Document, fields: FieldInfo[]): string {
  for (const h of doc.querySelectorAll(HEADINGS)) {
    if (outsideContent(h)) continue;
    const text = cleanText(h.textContent);
    if (text) return text;
  }
  for (const field of fields) if (field.group?.legend) return field.group.legend;
  return '';
}

/** The same element in a clone of its document, by its path of child positions. */
function sameInClone(el: Element, clone: Document): Element | null {
  const path: number[] = [];
  for (let node: Element | null = el; node?.parentElement; node = node.parentElement) {
    path.unshift([...node.parentElement.children].indexOf(node));
  }
  let at: Element | null = clone.documentElement;
  for (const i of path) at = at?.children[i] ?? null;
  return at;
}

function mainHeading(doc: Document): string | null {
  const main = doc.querySelector('main, [role="main"]');
  for (const scope of [main, doc.body].filter(Boolean) as Element[]) {
    for (const h of scope.querySelectorAll('h1')) {
      if (outsideContent(h)) continue;
      const text = cleanText(h.textContent);
      if (text) return text;
    }
  }
  return null;
}

/** Walks headings and fields together, in document order, grouping fields under the heading before them. */
function sectionsOf(doc: Document, fields: FieldInfo[]): ReadableSection[] {
  const byElement = new Map<Element, FieldInfo>();
  for (const field of fields) byElement.set(field.element, field);
  const sections: ReadableSection[] = [];
  let current: ReadableSection = { heading: null, level: 0, fieldKeys: [], anchored: false };
  const selector = `${HEADINGS}, input, select, textarea, [role][tabindex]`;
  // Fields inside custom elements' open shadow roots go under the heading before their host; the
  // walk into roots is only paid for on pages that have such fields.
  const across = fields.some((f) => f.element.getRootNode() !== doc);
  const elements = across ? queryAllAcross(doc, selector) : doc.querySelectorAll(selector);
  for (const el of elements) {
    const field = byElement.get(el);
    if (field) {
      current.fieldKeys.push(field.key);
      continue;
    }
    if (!/^h[1-6]$/.test(el.localName) || outsideContent(el)) continue;
    const text = cleanText(el.textContent);
    if (!text) continue;
    if (current.fieldKeys.length > 0) sections.push(current);
    current = { heading: text, level: Number(el.localName[1]), fieldKeys: [], anchored: false };
  }
  if (current.fieldKeys.length > 0) sections.push(current);
  return sections;
}

/** Marks the content headings that start a section, so the UI can place the fields right after them. */
function anchorSections(content: Element, sections: ReadableSection[]): void {
  const headings = [...content.querySelectorAll(HEADINGS)];
  const used = new Set<Element>();
  sections.forEach((section, index) => {
    if (!section.heading) return;
    const wanted = foldText(section.heading);
    const match = headings.find((h) => !used.has(h) && foldText(cleanText(h.textContent)) === wanted);
    if (!match) return;
    used.add(match);
    match.setAttribute('data-pasapas-section', String(index));
    section.anchored = true;
  });
}

function blockText(root: Node): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const text = cleanText(line);
    if (text) lines.push(text);
    line = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        line += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const block = BLOCKS.has((child as Element).localName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
}

function countTerms(texts: string[], glossary: GlossaryInput): GlossaryHit[] {
  const compiled = toCompiled(glossary);
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of findTerms(text, compiled)) counts.set(match.id, (counts.get(match.id) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, term: compiled.terms.get(id)?.term ?? id, count }));
}

function submitControlsOf(doc: Document, fields: FieldInfo[]): SubmitControl[] {
  const forms = new Set<Element>();
  for (const field of fields) {
    const form = (field.element as HTMLInputElement).form ?? field.element.closest('form');
    if (form) forms.add(form);
  }
  const scopes: (Element | Document)[] =
    forms.size > 0 ? [...forms] : [doc.querySelector('main, [role="main"]') ?? doc];
  const seen = new Set<Element>();
  const out: SubmitControl[] = [];
  for (const scope of scopes) {
    for (const control of findSubmitControls(scope)) {
      if (seen.has(control.element) || outsideContent(control.element)) continue;
      seen.add(control.element);
      out.push(control);
    }
  }
  return out;
}

function formOf(doc: Document): PageForm & { summaryElement: Element | null } {
  const fields = primaryFields(doc);
  const submitControls = submitControlsOf(doc, fields);
  const summaryElement = findSummaryElement(doc, fields, isVisible);
  const errorSummary = summaryElement ? readErrorSummary(summaryElement, fields) : null;
  return { fields, submitControls, errorSummary, summaryElement };
}

export type PageForm = Pick<ReadableResult, 'fields' | 'submitControls' | 'errorSummary'>;

/**
 * The page's form alone, as `extractReadable` reads it, without Readability: what the readable view
 * reads again each time the page's scripts change the page (revealed questions, errors on submit).
 */
export function readPageForm(doc: Document): PageForm {
  if (!isDocument(doc)) throw new ReadableError('not-a-document');
  assertReadableSize(doc);
  const { fields, submitControls, errorSummary } = formOf(doc);
  return { fields, submitControls, errorSummary };
}

/** The main content, sanitized, with the page's fields in reading order and the glossary terms found. */
export function extractReadable(doc: Document, options: ReadableOptions): ReadableResult {
  if (!isDocument(doc)) throw new ReadableError('not-a-document');
  if (!options?.purify || typeof options.purify.sanitize !== 'function')
    throw new ReadableError('no-sanitizer');
  // 0. Bounded work: a page too large or too deep is refused before any quadratic walk.
  assertReadableSize(doc);
  // 1. Forms from the original document, before anything is removed.
  const { fields, submitControls, errorSummary, summaryElement } = formOf(doc);
  const sections = sectionsOf(doc, fields);
  const heading = mainHeading(doc);
  const dynamic = findDynamicFields(doc);
  // 2. Readability on a clone: it mutates what it parses. The article comes back as a node, so it
  // is sanitized where it is and serialized once.
  const clone = doc.cloneNode(true) as Document;
  // The summary is shown apart, at the top: not a second time in the text.
  if (summaryElement) sameInClone(summaryElement, clone)?.remove();
  stripChrome(clone);
  let article: ReturnType<Readability<Element>['parse']> = null;
  try {
    article = new Readability<Element>(clone, {
      serializer: (node) => node as Element,
      // Second guard (the clone was measured above): Readability throws beyond this count.
      maxElemsToParse: READABLE_LIMITS.maxElements,
      // Form pages have little prose: a lower bar spares Readability three retries for nothing.
      charThreshold: options.charThreshold ?? (fields.length > 0 ? 200 : 500),
    }).parse();
  } catch (error) {
    throw new ReadableError('readability-failed', String(error));
  }
  const content = article?.content ?? null;
  if (content) {
    anchorSections(content, sections);
    if (options.glossary && options.markTerms) {
      const markOptions = typeof options.markTerms === 'object' ? options.markTerms : {};
      markTerms(content, options.glossary, clone, markOptions);
    }
  }
  // 3. Sanitize in place; our own marks go through the sanitizer too.
  let contentHtml = '';
  let text = '';
  if (content) {
    sanitizeInPlace(options.purify, content);
    contentHtml = content.innerHTML;
    text = blockText(content);
  }
  const fieldTexts = fields.flatMap((f) => [f.label, f.hint ?? '', f.group?.legend ?? '']);
  const glossaryMatches = options.glossary ? countTerms([text, ...fieldTexts], options.glossary) : [];
  const title = cleanText(article?.title) || cleanText(doc.title) || heading || fallbackTitle(doc, fields);
  return {
    title,
    heading,
    lang: doc.documentElement?.getAttribute('lang') || article?.lang || null,
    dir: article?.dir ?? doc.documentElement?.getAttribute('dir') ?? null,
    contentHtml,
    text,
    excerpt: cleanText(article?.excerpt),
    article: content !== null,
    fields,
    sections,
    submitControls,
    glossaryMatches,
    errorSummary,
    dynamic,
  };
}
