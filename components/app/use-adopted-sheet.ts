/**
 * Our CSS joins the root our component is drawn in (the panel's shadow root, or an extension
 * page's document) as a constructed stylesheet: one sheet per CSS text, shared by every component
 * and every copy of it, adopted once per root.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

const sheets = new Map<string, CSSStyleSheet>();

/** Adds the sheet for `css` to the root of `node`, once; false where constructed sheets are not supported. */
export function adoptSheet(node: Node | null | undefined, css: string): boolean {
  const root = node?.getRootNode() as ShadowRoot | Document | undefined;
  if (!root || !('adoptedStyleSheets' in root) || typeof CSSStyleSheet !== 'function') return false;
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return true;
}

/**
 * Adopts `css` in the root of the component's element before the first paint (a layout effect).
 * Pass the component's own ref, or put the returned one on its outer element.
 */
export function useAdoptedSheet<T extends Element>(
  css: string,
  ref?: RefObject<T | null>,
): RefObject<T | null> {
  const own = useRef<T>(null);
  const target = ref ?? own;
  useLayoutEffect(() => {
    adoptSheet(target.current, css);
  }, [css]);
  return target;
}
