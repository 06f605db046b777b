/**
 * Who may move focus on the person's page (issue 13). One rule: focus never leaves a text field the
 * person is in. A guide step done by itself, a panel reopening on the procedure's next page, or any
 * other work of ours that arrives late must leave the person typing where they are: moving them
 * mid-word sent « salaire » into « numéro d'allocataire », and the site refused the form.
 *
 * Framework-free: the guide service and the panel's mount both ask it.
 */

/** Input types that take no typed text: choosing, pressing or picking a file. */
const NOT_TYPED = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** The element that has focus, followed through open shadow roots (a site's own components). */
export function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A control the person types into: a text-like input, a textarea, an editable region. */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.localName;
  if (tag === 'textarea') {
    const area = el as HTMLTextAreaElement;
    return !area.disabled && !area.readOnly;
  }
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    return !NOT_TYPED.has((input.type || 'text').toLowerCase()) && !input.disabled && !input.readOnly;
  }
  const editable = (el as HTMLElement).isContentEditable;
  // Engines without isContentEditable (a test DOM) are read from the attribute.
  if (editable !== undefined) return editable;
  return ['', 'true', 'plaintext-only'].includes(el.getAttribute('contenteditable') ?? 'false');
}

/**
 * The person's text field on the page that has focus now, if any (ours never count: the panel's own
 * fields are the person's choice of the help). `isOurs` tells our UI apart.
 */
export function typingIn(doc: Document, isOurs: (node: Node | null) => boolean): Element | null {
  const active = deepActiveElement(doc);
  if (!active || isOurs(active)) return null;
  return isTextEntry(active) ? active : null;
}

/**
 * Is the person typing in a field of the page other than `to`? Then nothing they did not ask for
 * may take focus, nor scroll the page away from their field (a guide's step shown late).
 */
export function typingElsewhere(
  doc: Document,
  isOurs: (node: Node | null) => boolean,
  to?: Element | null,
): boolean {
  return !mayTakeFocus(doc, isOurs, to);
}

/**
 * May something the person did not ask for take focus now? Not while they are in a text field of
 * the page, unless it is `to` itself (or holds it: a group's field).
 */
export function mayTakeFocus(
  doc: Document,
  isOurs: (node: Node | null) => boolean,
  to?: Element | null,
): boolean {
  const field = typingIn(doc, isOurs);
  if (!field) return true;
  return !!to && (to === field || to.contains(field));
}

/**
 * Whether the field holds words (the person's, or the site's). An empty field just reached by the
 * Tab that finished a step is where the browser went, not where the person chose to be: the guide
 * may still take them on to its next step's field (past an optional field it has no step for).
 * Once it holds words, the person is in it. Read now, so it holds for a panel that comes late.
 */
export function holdsWords(el: Element | null): boolean {
  if (!el) return false;
  if (el.localName === 'input' || el.localName === 'textarea') return (el as HTMLInputElement).value !== '';
  return (el.textContent ?? '').trim() !== '';
}
