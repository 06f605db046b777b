/**
 * The DOM side of finding a step's element (target.ts): where to look (the page, its open shadow
 * roots, its same-origin iframes) and lookups that never throw on a hostile or odd page.
 */

export type TargetScope = 'document' | 'shadow' | 'frame';
export type Scope = Document | ShadowRoot;

/** A form control, as hand-written targets have always meant it. */
export const LEGACY_CONTROLS =
  'input:not([type="hidden"]), select, textarea, button, [contenteditable="true"], [role="textbox"]';
const MAX_SCOPES = 200;

export function query(scope: ParentNode, selector: string): Element | null {
  try {
    return scope.querySelector(selector);
  } catch {
    return null;
  }
}

export function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

export function byId(scope: Scope, id: string): Element | null {
  const get = (scope as { getElementById?: (id: string) => Element | null }).getElementById;
  if (typeof get === 'function') return get.call(scope, id);
  return query(scope, `[id=${quote(id)}]`);
}

/** Elements by name: the document's own index where there is one (far faster than a selector). */
export function byName(scope: Scope, name: string): Element[] {
  const get = (scope as { getElementsByName?: (name: string) => NodeListOf<Element> }).getElementsByName;
  if (typeof get === 'function') return Array.from(get.call(scope, name));
  return queryAll(scope, `[name=${quote(name)}]`);
}

export function matchesSafe(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export function controlOfLabel(label: Element, scope: Scope): Element | null {
  const htmlFor = label.getAttribute('for');
  if (htmlFor) {
    const el = byId(scope, htmlFor);
    if (el) return el;
  }
  return query(label, LEGACY_CONTROLS);
}

/**
 * Whether the element is shown. Sites often keep hidden copies of a form (mobile and desktop);
 * a shown candidate wins over a hidden one of the same quality. Uses checkVisibility() where the
 * browser has it, else the hidden attribute, aria-hidden and inline styles.
 */
export function isShown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function') {
    try {
      return check.call(el);
    } catch {
      // fall through to the attribute checks
    }
  }
  if (el.closest('[hidden], [aria-hidden="true"]')) return false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = node.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return false;
  }
  return true;
}

export function frameDocument(frame: Element): Document | null {
  try {
    // Cross-origin frames give null or throw: they are out of reach, by design.
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** Every place to look, page first, then open shadow roots and same-origin iframes (depth-first). */
export function collectScopes(
  root: Scope,
  kind: TargetScope,
  out: Array<[Scope, TargetScope]>,
  ignore: ((node: Node) => boolean) | undefined,
) {
  if (out.length >= MAX_SCOPES) return;
  out.push([root, kind]);
  const nested: Array<[Scope, TargetScope]> = [];
  for (const el of queryAll(root, '*')) {
    if (ignore && (el.shadowRoot || el.localName === 'iframe') && ignore(el)) continue;
    const shadow = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    if (shadow) nested.push([shadow, kind === 'frame' ? 'frame' : 'shadow']);
    if (el.localName === 'iframe' || el.localName === 'frame') {
      const doc = frameDocument(el);
      if (doc) nested.push([doc, 'frame']);
    }
  }
  for (const [scope, k] of nested) collectScopes(scope, k, out, ignore);
}
