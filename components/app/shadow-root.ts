/**
 * Our shadow roots on web pages. The extension's are closed: the visited site's script cannot
 * walk into them (`host.shadowRoot` is null for it) to read what we show or press our buttons.
 * We keep each root here, in the extension's isolated world (the site's script does not share
 * this global), so our own code still finds it: the launcher's root is reused by the panel, which
 * is another bundle, hence a registry on the global rather than a module variable.
 *
 * The widget's roots stay open: it runs in the embedding site's own script world, where a closed
 * root would hide nothing from that site, and the administration's own tools can test it.
 */
const KEY = Symbol.for('pasapas.shadowRoots');

function registry(): WeakMap<Element, ShadowRoot> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<Element, ShadowRoot> | undefined>;
  let map = holder[KEY];
  if (!map) {
    map = new WeakMap();
    holder[KEY] = map;
  }
  return map;
}

/** The root of one of our hosts, attached on first use: closed unless `open` is asked. */
export function attachOurShadow(host: Element, mode: ShadowRootMode): ShadowRoot {
  const known = shadowOf(host);
  if (known) return known;
  const shadow = host.attachShadow({ mode });
  registry().set(host, shadow);
  return shadow;
}

/** Open roots (the site's components, our widget) and our own closed ones. */
export function shadowOf(el: Element): ShadowRoot | null {
  return el.shadowRoot ?? registry().get(el) ?? null;
}

/** Where the page context puts our roots: closed on a web page (the extension), open elsewhere. */
export function modeFor(context: string): ShadowRootMode {
  return context === 'page' ? 'closed' : 'open';
}
