/**
 * Labels, hints and errors of one control, read the way a screen reader would (accessible name)
 * and the way the DSFR writes them (`fr-hint-text` inside the label, `fr-messages-group` since
 * DSFR 1.8, `fr-error-text` before), with guesses for broken markup as a last resort.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import { styleReader } from './style.ts';
import { cleanText } from './text.ts';
import type { LabelSource } from './types.ts';

const HINT_SELECTOR = '.fr-hint-text';
const ERROR_CLASS =
  /(^|\s)(fr-error-text|fr-message--error|error-message|invalid-feedback|field-error)(\s|$)/;
const ERROR_SELECTOR = '.fr-error-text, .fr-message--error, .error-message, .invalid-feedback, .field-error';
const VALID_CLASS = /(^|\s)(fr-valid-text|fr-message--valid)(\s|$)/;
const DSFR_ERROR_GROUP =
  '.fr-input-group--error, .fr-select-group--error, .fr-upload-group--error, .fr-checkbox-group--error, .fr-radio-group--error, .fr-toggle--error, .fr-range-group--error, .fr-fieldset--error';

function lookup(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  if (typeof root.getElementById === 'function') return root.getElementById(id);
  return el.ownerDocument.getElementById(id);
}

/** Elements referenced by an ID-list attribute (`aria-labelledby="a b"`); missing ids are skipped. */
export function idRefs(el: Element, attr: string): Element[] {
  const value = el.getAttribute(attr);
  if (!value) return [];
  const found: Element[] = [];
  for (const id of value.split(/\s+/)) {
    if (!id) continue;
    const target = lookup(el, id);
    if (target && !found.includes(target)) found.push(target);
  }
  return found;
}

/** Text of an element without its DSFR hint and its error messages. */
export function textWithoutHints(el: Element): string {
  if (el.firstElementChild === null) return cleanText(el.textContent);
  const skip = [...el.querySelectorAll(`${HINT_SELECTOR}, ${ERROR_SELECTOR}, .fr-messages-group`)];
  if (skip.length === 0) return cleanText(el.textContent);
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !skip.includes(child as Element)) walk(child);
    }
  };
  walk(el);
  return cleanText(text);
}

export function hintsInside(el: Element | null | undefined): string[] {
  if (!el) return [];
  return [...el.querySelectorAll(HINT_SELECTOR)].map((h) => cleanText(h.textContent)).filter(Boolean);
}

function accessibleName(el: Element): string {
  const getComputedStyle = styleReader(el);
  return cleanText(
    computeAccessibleName(
      el,
      getComputedStyle ? { getComputedStyle, computedStyleSupportsPseudoElements: false } : {},
    ),
  );
}

/** Removes hint texts the accessible name swallowed from a label (`Libellé Texte d'aide` → `Libellé`). */
function stripHints(name: string, hints: string[]): string {
  let out = name;
  for (const hint of hints) {
    const at = out.lastIndexOf(hint);
    if (at >= 0) out = cleanText(out.slice(0, at) + out.slice(at + hint.length));
  }
  return out;
}

// Inside a label, these need the full accessible-name computation (hidden parts, embedded controls, alt text…).
const COMPLEX_LABEL_CONTENT =
  'input, select, textarea, img, svg, [hidden], [aria-hidden], [aria-label], [aria-labelledby], [style], [role], button';

/** Most labels are plain text: read them directly, which is 10 to 50 times faster than accname in jsdom. */
function simpleLabelText(labels: Element[]): string | undefined {
  const parts: string[] = [];
  for (const label of labels) {
    if (label.firstElementChild !== null && label.querySelector(COMPLEX_LABEL_CONTENT)) return undefined;
    parts.push(textWithoutHints(label));
  }
  return cleanText(parts.join(' '));
}

function nativeLabels(el: Element, pairedLabel?: Element): Element[] {
  if (pairedLabel) return [pairedLabel];
  const labels = (el as HTMLInputElement).labels;
  return labels ? [...labels] : [];
}

/** Text just before an unlabelled control: the previous cell of a layout table, or a text node. */
function guessNearbyLabel(el: Element): { label: string; source: LabelSource } | undefined {
  const cell = el.closest('td, th');
  if (cell) {
    const text = cell.previousElementSibling ? textWithoutHints(cell.previousElementSibling) : '';
    if (text) return { label: text, source: 'table-cell' };
  }
  let text = '';
  for (let node = el.previousSibling; node && text.length < 120; node = node.previousSibling) {
    if (node.nodeType === 1 && (node as Element).matches('input, select, textarea, button, br, hr')) break;
    const piece = cleanText(node.textContent);
    if (piece) {
      text = piece;
      break;
    }
  }
  if (text && text.length <= 120) return { label: text, source: 'nearby-text' };
  return undefined;
}

export type LabelResult = { label: string; source: LabelSource; hints: string[] };

/**
 * The person-facing label of a control and where it came from. `pairedLabel` is the `<label for>`
 * that belongs to this element when several elements share its id (broken markup).
 */
export function describeLabel(el: Element, pairedLabel?: Element): LabelResult {
  const labels = nativeLabels(el, pairedLabel);
  const hints = labels.flatMap((label) => hintsInside(label));
  const labelledBy = idRefs(el, 'aria-labelledby');
  if (labelledBy.length > 0 && !pairedLabel) {
    const name = accessibleName(el);
    if (name) {
      const inner = labelledBy.flatMap((ref) => hintsInside(ref));
      return { label: stripHints(name, inner), source: 'aria-labelledby', hints: [...inner, ...hints] };
    }
  }
  const ariaLabel = cleanText(el.getAttribute('aria-label'));
  if (ariaLabel) return { label: ariaLabel, source: 'aria-label', hints };
  if (labels.length > 0) {
    const name = pairedLabel
      ? textWithoutHints(pairedLabel)
      : (simpleLabelText(labels) ?? stripHints(accessibleName(el), hints));
    const wrapping = labels.some((label) => label.contains(el));
    if (name) return { label: name, source: wrapping ? 'wrapping-label' : 'label', hints };
  }
  const title = cleanText(el.getAttribute('title'));
  if (title) return { label: title, source: 'title', hints };
  const placeholder = cleanText(el.getAttribute('placeholder') ?? el.getAttribute('aria-placeholder'));
  if (placeholder) return { label: placeholder, source: 'placeholder', hints };
  const guess = guessNearbyLabel(el);
  if (guess) return { ...guess, hints };
  return { label: '', source: 'none', hints };
}

function isErrorElement(el: Element): boolean {
  return ERROR_CLASS.test(el.getAttribute('class') ?? '') || el.getAttribute('role') === 'alert';
}

/** Splits referenced message elements into hint texts and error texts. */
export function readMessages(refs: Element[]): { hints: string[]; errors: string[] } {
  const hints: string[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    if (isErrorElement(ref)) {
      const text = cleanText(ref.textContent);
      if (text) errors.push(text);
      continue;
    }
    if (VALID_CLASS.test(ref.getAttribute('class') ?? '')) continue;
    const messages = ref.querySelectorAll('.fr-message, .fr-error-text, .fr-valid-text, .fr-hint-text');
    if (messages.length > 0) {
      for (const message of messages) {
        const text = cleanText(message.textContent);
        if (!text) continue;
        if (isErrorElement(message)) errors.push(text);
        else if (!VALID_CLASS.test(message.getAttribute('class') ?? '')) hints.push(text);
      }
      continue;
    }
    const text = cleanText(ref.textContent);
    if (text) hints.push(text);
  }
  return { hints, errors };
}

export type StateResult = { hint?: string; error?: string; invalid: boolean };

function joinUnique(parts: string[]): string | undefined {
  const unique = [...new Set(parts.filter(Boolean))];
  return unique.length > 0 ? unique.join(' ') : undefined;
}

/**
 * Hint and error of a control. `labelHints` are the hints already found inside its label;
 * `container` is a fieldset or radiogroup whose own messages also apply (radio groups).
 */
export function describeState(el: Element, labelHints: string[], container?: Element | null): StateResult {
  const described = readMessages(idRefs(el, 'aria-describedby'));
  const errors = [...described.errors];
  const hints = [...labelHints, ...described.hints];
  const invalidAttr = el.getAttribute('aria-invalid');
  const invalid = invalidAttr !== null && invalidAttr !== 'false';
  for (const ref of idRefs(el, 'aria-errormessage')) {
    const text = cleanText(ref.textContent);
    if (text) errors.push(text);
  }
  const group = el.closest(DSFR_ERROR_GROUP);
  if (group && group !== container) {
    for (const message of group.querySelectorAll(ERROR_SELECTOR)) {
      const owner = message.closest('fieldset, .fr-input-group, .fr-select-group, .fr-upload-group');
      // Only the messages of this control's own group, not of a nested one.
      if (!owner || owner === group || owner.contains(el)) errors.push(cleanText(message.textContent));
    }
  }
  if (container) {
    const refs = [...idRefs(container, 'aria-labelledby'), ...idRefs(container, 'aria-describedby')];
    const own = [...container.children].filter((child) =>
      child.matches('.fr-messages-group, .fr-error-text'),
    );
    const messages = readMessages([...new Set([...refs.filter((r) => r.localName !== 'legend'), ...own])]);
    errors.push(...messages.errors);
    hints.push(...messages.hints);
  }
  const error = joinUnique(errors.map(cleanText));
  return { hint: joinUnique(hints), error, invalid: invalid || error !== undefined || group !== null };
}

/** A group's legend without its hint, and the hint. */
export function describeLegend(container: Element): { legend: string; hints: string[] } {
  const legend = container.localName === 'fieldset' ? container.querySelector(':scope > legend') : null;
  if (legend) return { legend: textWithoutHints(legend), hints: hintsInside(legend) };
  const ariaLabel = cleanText(container.getAttribute('aria-label'));
  if (ariaLabel) return { legend: ariaLabel, hints: [] };
  const refs = idRefs(container, 'aria-labelledby').filter((r) => !r.matches('.fr-messages-group'));
  const text = refs.map((r) => textWithoutHints(r)).filter(Boolean);
  return { legend: text.join(' '), hints: refs.flatMap((r) => hintsInside(r)) };
}
