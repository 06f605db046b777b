/**
 * Fields inside the open shadow roots of custom elements (date pickers, address finders, design
 * systems built as web components): a person sees and fills them like any other field, so
 * discovery reads them too, at their host's place in the page. Closed roots stay closed (the
 * command line lists their element in `dynamic`). Our own hosts (`data-pasapas-host`, the
 * `pasapas-*` elements) are never the page's: the widget's roots are open.
 *
 * A page saved with its shadow roots writes them as `<template shadowrootmode="open">`, which a
 * browser attaches while parsing; `attachDeclarativeShadowRoots` does the same where the DOM does
 * not (jsdom, for the command line).
 */

/** Shadow roots visited at most in one reading: a hostile page could nest them without end. */
export const MAX_SHADOW_ROOTS = 200;

function isOurs(host: Element): boolean {
  return host.hasAttribute('data-pasapas-host') || host.localName.startsWith('pasapas-');
}

type Scope = Document | Element | ShadowRoot;

function elementsOf(scope: Scope): Iterable<Element> {
  // getElementsByTagName is much faster than querySelectorAll('*'); a shadow root has no such method.
  return 'getElementsByTagName' in scope ? scope.getElementsByTagName('*') : scope.querySelectorAll('*');
}

/** The open shadow roots of the page's elements under `scope`, not those nested in them, in page order. */
export function openShadowRoots(scope: Scope, budget = { left: MAX_SHADOW_ROOTS }): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  if (budget.left <= 0) return roots;
  for (const el of elementsOf(scope)) {
    const root = el.shadowRoot;
    if (!root || isOurs(el)) continue;
    roots.push(root);
    if (--budget.left <= 0) break;
  }
  return roots;
}

/** Every open shadow root of the page, nested ones too (bounded). */
export function allOpenShadowRoots(doc: Document): ShadowRoot[] {
  const budget = { left: MAX_SHADOW_ROOTS };
  const out: ShadowRoot[] = [];
  const queue: Scope[] = [doc];
  for (let scope = queue.shift(); scope; scope = queue.shift()) {
    for (const root of openShadowRoots(scope, budget)) {
      out.push(root);
      queue.push(root);
    }
  }
  return out;
}

/**
 * Puts `inner` (found in `host`'s shadow root) at the host's place in `list`, whose items sit at
 * `places` in this tree (itself, or the host of the root it came from: positions across trees
 * cannot be compared). Before the host's own children, which the root shows in its slots.
 */
export function insertAtHost<T>(list: T[], places: Element[], host: Element, inner: T[]): void {
  // Node.DOCUMENT_POSITION_FOLLOWING: the first item at or after the host.
  const at = places.findIndex(
    (p) => p === host || host.contains(p) || (host.compareDocumentPosition(p) & 4) !== 0,
  );
  const index = at < 0 ? list.length : at;
  list.splice(index, 0, ...inner);
  places.splice(index, 0, ...inner.map(() => host));
}

/** The elements matching `selector` under `scope` and in its open shadow roots, in page order (bounded). */
export function queryAllAcross(
  scope: Document | Element | ShadowRoot,
  selector: string,
  budget = { left: MAX_SHADOW_ROOTS },
): Element[] {
  const found = [...scope.querySelectorAll(selector)];
  const places = [...found];
  for (const root of openShadowRoots(scope, budget)) {
    const inner = queryAllAcross(root, selector, budget);
    if (inner.length > 0) insertAtHost(found, places, root.host, inner);
  }
  return found;
}

/** The parent element, or the host when `el` is at the top of a shadow root. */
export function parentAcross(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode as (Node & { host?: Element }) | null;
  return parent && parent.nodeType === 11 && parent.host ? parent.host : null;
}

/**
 * Attaches the shadow roots a saved page declares (`<template shadowrootmode>`, and the older
 * `shadowroot` attribute), inner ones after outer ones, as a browser's parser does. A template
 * whose parent cannot take a root, or already has one, stays a plain template (browsers ignore it).
 */
export function attachDeclarativeShadowRoots(doc: Document): number {
  let attached = 0;
  const budget = { left: MAX_SHADOW_ROOTS };
  const attachIn = (scope: Document | ShadowRoot) => {
    for (const template of [...scope.querySelectorAll('template[shadowrootmode], template[shadowroot]')]) {
      if (budget.left <= 0) return;
      const mode = template.getAttribute('shadowrootmode') ?? template.getAttribute('shadowroot');
      const host = template.parentElement;
      if ((mode !== 'open' && mode !== 'closed') || !host || host.shadowRoot || !template.isConnected)
        continue;
      let root: ShadowRoot;
      try {
        root = host.attachShadow({ mode });
      } catch {
        continue;
      }
      budget.left--;
      root.append((template as HTMLTemplateElement).content);
      template.remove();
      attached++;
      // Its own declared roots: only reachable now that it is attached (a closed one stays unread).
      if (mode === 'open') attachIn(root);
    }
  };
  attachIn(doc);
  return attached;
}
