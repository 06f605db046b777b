/**
 * The only way page content reaches our UI: DOMPurify with a strict profile. No scripts, styles,
 * event handlers, forms, frames, SVG or MathML, `style` attributes or `javascript:` URLs; page ids
 * and names are prefixed so they cannot clobber our own DOM.
 */
import type { Config, DOMPurify } from 'dompurify';

export type Purifier = Pick<DOMPurify, 'sanitize' | 'isSupported'>;

export const READABLE_PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'script',
    'style',
    'link',
    'meta',
    'base',
    'template',
    'noscript',
    'form',
    'input',
    'button',
    'select',
    'option',
    'optgroup',
    'textarea',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'svg',
    'math',
    'dialog',
    'xmp',
    'plaintext',
    'noembed',
    'noframes',
    'title',
  ],
  FORBID_ATTR: [
    'style',
    'srcdoc',
    'formaction',
    'action',
    'target',
    'ping',
    'autofocus',
    'contenteditable',
    'tabindex',
    'is',
  ],
  ALLOW_DATA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
} satisfies Config;

/**
 * Sanitizes an element in place (Readability's article, already parsed: no second parse). Safe to
 * serialize because every raw-text element (script, style, textarea, title, xmp, noscript…) and all
 * foreign content (SVG, MathML) is removed, so serializing and parsing again cannot change meaning;
 * the tests check that sanitizing the output again changes nothing.
 */
export function sanitizeInPlace(purify: Purifier, element: Element): Element {
  purify.sanitize(element, { ...READABLE_PURIFY_CONFIG, IN_PLACE: true });
  return element;
}

/** Sanitizes HTML into a detached fragment (owned by DOMPurify's inert document). */
export function sanitizeToFragment(purify: Purifier, html: string): DocumentFragment {
  return purify.sanitize(html, { ...READABLE_PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Sanitizes HTML to a string, with the same profile. */
export function sanitizeHtml(purify: Purifier, html: string): string {
  return purify.sanitize(html, READABLE_PURIFY_CONFIG) as unknown as string;
}
