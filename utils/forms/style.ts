/**
 * Visibility without layout. Real browsers have `checkVisibility` and a fast `getComputedStyle`;
 * jsdom, happy-dom and linkedom have no layout and a very slow (or missing) cascade, so there we
 * read only what the markup says: `hidden`, `aria-hidden`, inline `display`/`visibility`, closed
 * dialogs.
 */

import { parentAcross } from './shadow.ts';

type StyleLike = Pick<CSSStyleDeclaration, 'display' | 'visibility' | 'content' | 'getPropertyValue'>;

export function hasLayout(el: Element): boolean {
  return typeof (el as Element & { checkVisibility?: unknown }).checkVisibility === 'function';
}

function inlineStyle(el: Element): { display: string; visibility: string } {
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  let display = style?.display ?? '';
  if (el.hasAttribute('hidden')) display = 'none';
  return { display, visibility: style?.visibility ?? '' };
}

/** A `getComputedStyle` stand-in for dom-accessibility-api in DOMs without layout. */
export function markupStyle(el: Element, pseudo?: string | null): CSSStyleDeclaration {
  const { display, visibility } = pseudo ? { display: '', visibility: '' } : inlineStyle(el);
  const values: Record<string, string> = { display, visibility, content: pseudo ? 'none' : '' };
  const style: StyleLike = {
    display,
    visibility,
    content: values.content ?? '',
    getPropertyValue: (name: string) => values[name] ?? '',
  };
  return style as CSSStyleDeclaration;
}

/** The getComputedStyle to give dom-accessibility-api for this element's document. */
export function styleReader(
  el: Element,
): ((el: Element, pseudo?: string | null) => CSSStyleDeclaration) | undefined {
  if (hasLayout(el)) return undefined;
  return markupStyle;
}

/** Hidden by markup: `hidden`, `aria-hidden`, inline display/visibility, a closed `<dialog>`. */
export function isHiddenByMarkup(el: Element, stopAt?: Element | null): boolean {
  // Across shadow roots: a hidden custom element hides the fields inside it.
  for (let node: Element | null = el; node && node !== stopAt; node = parentAcross(node)) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const { display, visibility } = inlineStyle(node);
    if (display === 'none' || visibility === 'hidden') return true;
    if (node.localName === 'dialog' && !node.hasAttribute('open')) return true;
  }
  return false;
}

/** Whether a person can see the element: layout when there is one, markup otherwise. */
export function isVisible(el: Element): boolean {
  if (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden') return false;
  if (hasLayout(el)) {
    const check = (el as Element & { checkVisibility(o?: object): boolean }).checkVisibility({
      visibilityProperty: true,
    });
    // Closed <dialog> contents are not rendered, so checkVisibility already says false.
    return check;
  }
  return !isHiddenByMarkup(el);
}
