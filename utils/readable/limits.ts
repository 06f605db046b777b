/**
 * How big a page readable mode takes on. Readability and form discovery slow down with the DOM's
 * depth far more than with its size (measured in jsdom: 300 nested divs 0.5 s, 512 → 2 s, 2,500 →
 * over 100 s), so a page beyond these bounds is refused whole with a plain message rather than cut:
 * a form shown in part would let the person send it incomplete without knowing.
 *
 * Real pages sit far below: administration pages (DSFR) have 1,000–5,000 elements, a depth under 40
 * and a few dozen fields; Chromium's own parser stops nesting at 512.
 */
import { ReadableError } from './errors.ts';

export const READABLE_LIMITS = {
  /** Elements in the whole document (a long encyclopedia article is 20,000–30,000). */
  maxElements: 30_000,
  /** Nesting depth from <html>. */
  maxDepth: 256,
  /** Controls a person could fill (input, select, textarea, ARIA widgets). */
  maxFields: 1_000,
} as const;

export type PageSize = { elements: number; depth: number; fields: number; tooLarge: boolean };

export const CONTROL_TAGS = new Set(['input', 'select', 'textarea']);

/** True once any count passes its limit. */
export function beyondLimits(
  size: Pick<PageSize, 'elements' | 'depth' | 'fields'>,
  limits: typeof READABLE_LIMITS = READABLE_LIMITS,
): boolean {
  return size.elements > limits.maxElements || size.depth > limits.maxDepth || size.fields > limits.maxFields;
}

/**
 * Counts elements, depth and controls with one iterative walk (no recursion: a deep page cannot
 * overflow the stack), stopping as soon as a limit is passed. Cost: at most `maxElements` steps.
 */
export function measurePage(
  root: Document | Element,
  limits: typeof READABLE_LIMITS = READABLE_LIMITS,
): PageSize {
  const start = (root as Document).documentElement ?? (root as Element);
  const size: PageSize = { elements: 0, depth: 0, fields: 0, tooLarge: false };
  if (!start) return size;
  let node: Element | null = start;
  let depth = 1;
  while (node) {
    size.elements++;
    if (depth > size.depth) size.depth = depth;
    if (CONTROL_TAGS.has(node.localName) || (node.hasAttribute('role') && node.hasAttribute('tabindex')))
      size.fields++;
    if (beyondLimits(size, limits)) {
      size.tooLarge = true;
      return size;
    }
    // Next in document order: first child, else next sibling of the nearest ancestor that has one.
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node && node !== start && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    node = node && node !== start ? node.nextElementSibling : null;
  }
  return size;
}

/** Throws `page-too-large` for a page beyond the limits. */
export function assertReadableSize(
  root: Document | Element,
  limits: typeof READABLE_LIMITS = READABLE_LIMITS,
): PageSize {
  const size = measurePage(root, limits);
  if (size.tooLarge) {
    throw new ReadableError(
      'page-too-large',
      `${size.elements} elements, depth ${size.depth}, ${size.fields} fields (counted until a limit was passed)`,
    );
  }
  return size;
}
