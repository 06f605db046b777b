/**
 * Labels, hints and errors of one control, read the way a screen reader would (accessible name)
 * and the way the DSFR writes them (`fr-hint-text` inside the label, `fr-messages-group` since
 * DSFR 1.8, `fr-error-text` before), with guesses for broken markup as a last resort. Errors are
 * told apart from hints by what the page's own style sheets and screen readers go by: an error
 * class or id in any design system's words, `role="alert"`, a live region, `aria-errormessage`.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import { type ControlCounts, isNative, ownGroup } from './controls.ts';
import { styleReader } from './style.ts';
import { cleanText } from './text.ts';
import type { LabelSource } from './types.ts';

const HINT_SELECTOR = '.fr-hint-text';
// An error message in the words of the DSFR (fr-error-text, fr-message--error), GOV.UK
// (govuk-error-message), USWDS (usa-error-message), Bootstrap (invalid-feedback), WET (error),
// and of plain sites (id="cp-erreur", class="field-error").
const ERRORISH = /(^|[\s_-])(errors?|erreurs?|invalid|invalide)([\s_-]|$)/i;
// Shown by the page's CSS only once the field is marked invalid.
const HIDDEN_UNTIL_INVALID = /(^|\s)(invalid-feedback|invalid-tooltip)(\s|$)/;
const VALID_CLASS = /(^|\s)(fr-valid-text|fr-message--valid|valid-feedback|valid-tooltip)(\s|$)/;
// Hints in design systems' words: form-hint, govuk-hint, usa-hint, fr-hint-text, form-text,
// help-block, aide…
const HINTISH =
  /(^|\s)([\w-]*hint[\w-]*|form-text|help-block|help-text|helptext|form-help|field-help|aide|aide-saisie|indication)(\s|$)/i;
const INVALID_LOOK = /(^|\s)(is-invalid|invalid|error|erreur|has-error|[\w-]+--error|[\w-]+-error)(\s|$)/i;
// Icon fonts drawn with ligatures: the element's text is the icon's name ("info", "event").
const ICON_LIGATURE = /(^|\s)(material-icons[\w-]*|material-symbols[\w-]*)(\s|$)/;
const DSFR_ERROR_GROUP =
  '.fr-input-group--error, .fr-select-group--error, .fr-upload-group--error, .fr-checkbox-group--error, .fr-radio-group--error, .fr-toggle--error, .fr-range-group--error, .fr-fieldset--error';

function classOf(el: Element): string {
  return el.getAttribute('class') ?? '';
}

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

/** An error message by its class or id (not a whole group in error: that holds the field). */
function namedAsError(el: Element): boolean {
  const cls = classOf(el);
  if (VALID_CLASS.test(cls)) return false;
  return ERRORISH.test(cls) || ERRORISH.test(el.id);
}

function isIcon(el: Element): boolean {
  return ICON_LIGATURE.test(classOf(el));
}

/** Text of an element, leaving out the descendants `skip` says. */
function textSkipping(el: Element, skip: Element[]): string {
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

function isLabelHint(el: Element): boolean {
  return el.matches(`${HINT_SELECTOR}, .fr-messages-group`);
}

/**
 * A part of a label or legend that is not its name: a hint, an error message, an icon's name. The
 * guides' clues (utils/guides/clues.ts) leave out the same parts, so a step's target and readable
 * mode read a label alike.
 */
export function isLabelExtra(el: Element): boolean {
  return isLabelHint(el) || namedAsError(el) || isIcon(el);
}

/** What to leave out of a label or legend's own words: hints, error messages, icon names. */
function labelExtras(el: Element): { hints: Element[]; errors: Element[]; icons: Element[] } {
  const out = { hints: [] as Element[], errors: [] as Element[], icons: [] as Element[] };
  if (el.firstElementChild === null) return out;
  for (const child of el.querySelectorAll('[class], [id]')) {
    if (isLabelHint(child)) out.hints.push(child);
    else if (namedAsError(child)) out.errors.push(child);
    else if (isIcon(child)) out.icons.push(child);
  }
  // Only the outermost of nested messages.
  const outer = (list: Element[]) => list.filter((e) => !list.some((o) => o !== e && o.contains(e)));
  return { hints: outer(out.hints), errors: outer(out.errors), icons: out.icons };
}

/** Text of an element without its DSFR hint, its error messages and its icon names. */
export function textWithoutHints(el: Element): string {
  if (el.firstElementChild === null) return cleanText(el.textContent);
  const { hints, errors, icons } = labelExtras(el);
  return textSkipping(el, [...hints, ...errors, ...icons]);
}

/** Text of a message element without icon names. */
function messageText(el: Element): string {
  if (el.firstElementChild === null) return cleanText(el.textContent);
  return textSkipping(el, [...el.querySelectorAll('[class]')].filter(isIcon));
}

export function hintsInside(el: Element | null | undefined): string[] {
  if (!el) return [];
  return [...el.querySelectorAll(HINT_SELECTOR)].map(messageText).filter(Boolean);
}

/** Error messages written inside a label or legend (WET, older sites): said as errors, not as the label. */
export function errorsInside(el: Element | null | undefined): string[] {
  if (!el || el.firstElementChild === null) return [];
  return labelExtras(el).errors.map(messageText).filter(Boolean);
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

/** Removes texts the accessible name swallowed from a label (`Libellé Texte d'aide` → `Libellé`). */
function stripTexts(name: string, texts: string[]): string {
  let out = name;
  for (const text of texts) {
    const at = out.lastIndexOf(text);
    if (at >= 0) out = cleanText(out.slice(0, at) + out.slice(at + text.length));
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

export type LabelResult = { label: string; source: LabelSource; hints: string[]; errors: string[] };

// ARIA widgets whose accessible name comes from their own text (WAI-ARIA "name from content").
const NAMED_BY_CONTENT = new Set(['checkbox', 'radio', 'switch', 'option']);

/**
 * The person-facing label of a control and where it came from. `pairedLabel` is the `<label for>`
 * that belongs to this element when several elements share its id (broken markup).
 */
export function describeLabel(el: Element, pairedLabel?: Element): LabelResult {
  const labels = nativeLabels(el, pairedLabel);
  const hints = labels.flatMap((label) => hintsInside(label));
  const errors = labels.flatMap((label) => errorsInside(label));
  const labelledBy = idRefs(el, 'aria-labelledby');
  if (labelledBy.length > 0 && !pairedLabel) {
    const name = accessibleName(el);
    if (name) {
      const inner = labelledBy.flatMap((ref) => hintsInside(ref));
      const innerErrors = labelledBy.flatMap((ref) => errorsInside(ref));
      return {
        label: stripTexts(name, [...inner, ...innerErrors]),
        source: 'aria-labelledby',
        hints: [...inner, ...hints],
        errors: [...innerErrors, ...errors],
      };
    }
  }
  const ariaLabel = cleanText(el.getAttribute('aria-label'));
  if (ariaLabel) return { label: ariaLabel, source: 'aria-label', hints, errors };
  if (labels.length > 0) {
    const name = pairedLabel
      ? textWithoutHints(pairedLabel)
      : (simpleLabelText(labels) ?? stripTexts(accessibleName(el), [...hints, ...errors]));
    const wrapping = labels.some((label) => label.contains(el));
    if (name) return { label: name, source: wrapping ? 'wrapping-label' : 'label', hints, errors };
  }
  // A `role="checkbox"` (switch, radio, option) is named by its own text, as a screen reader says it.
  if (!isNative(el) && NAMED_BY_CONTENT.has(el.getAttribute('role') ?? '')) {
    const name = accessibleName(el);
    if (name) return { label: name, source: 'content', hints, errors };
  }
  const title = cleanText(el.getAttribute('title'));
  if (title) return { label: title, source: 'title', hints, errors };
  const placeholder = cleanText(el.getAttribute('placeholder') ?? el.getAttribute('aria-placeholder'));
  if (placeholder) return { label: placeholder, source: 'placeholder', hints, errors };
  const guess = guessNearbyLabel(el);
  if (guess) return { ...guess, hints, errors };
  return { label: '', source: 'none', hints, errors };
}

/**
 * A referenced element that is an error message: named so, an alert, an assertive live region, or
 * a polite one next to a field already marked invalid (hints are not announced as they change).
 */
function isErrorElement(el: Element, fieldInvalid: boolean): boolean {
  if (namedAsError(el) || el.getAttribute('role') === 'alert') return true;
  const live = el.getAttribute('aria-live');
  return live === 'assertive' || (live === 'polite' && fieldInvalid);
}

/** Splits referenced message elements into hint texts and error texts. */
export function readMessages(refs: Element[], fieldInvalid = false): { hints: string[]; errors: string[] } {
  const hints: string[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    if (VALID_CLASS.test(classOf(ref))) continue;
    // A DSFR messages group holds several messages of different kinds: each says what it is.
    const messages = ref.querySelectorAll('.fr-message, .fr-error-text, .fr-valid-text, .fr-hint-text');
    if (messages.length > 0) {
      for (const message of messages) {
        const text = messageText(message);
        if (!text) continue;
        if (namedAsError(message)) errors.push(text);
        else if (!VALID_CLASS.test(classOf(message))) hints.push(text);
      }
      continue;
    }
    const text = messageText(ref);
    if (!text) continue;
    if (isErrorElement(ref, fieldInvalid)) errors.push(text);
    else hints.push(text);
  }
  return { hints, errors };
}

export type StateResult = { hint?: string; error?: string; invalid: boolean };

function joinUnique(parts: string[]): string | undefined {
  const unique = [...new Set(parts.filter(Boolean))];
  return unique.length > 0 ? unique.join(' ') : undefined;
}

function looksInvalid(el: Element | null): boolean {
  return el !== null && INVALID_LOOK.test(classOf(el));
}

function precedes(a: Node, b: Node): boolean {
  // Node.DOCUMENT_POSITION_FOLLOWING
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/**
 * Messages shown next to a field but not tied to it in markup: hint-like and error-like blocks of
 * its own group (the block around it that holds no other control), or, when fields sit side by
 * side, the hint-like blocks between its label and it and right after it. When the field is marked
 * invalid and no error was found, the first message after it is the error (a validation area).
 */
function looseMessages(
  el: Element,
  tied: Element[],
  invalid: boolean,
  haveError: boolean,
  counts?: ControlCounts,
): { hints: string[]; errors: string[]; invalid: boolean } {
  const group = ownGroup(el, counts);
  const candidates: Element[] = [];
  const groupInvalid =
    invalid || looksInvalid(group) || looksInvalid(el) || looksInvalid(group?.parentElement ?? null);
  const usable = (node: Element) =>
    !tied.some((t) => t === node || t.contains(node) || node.contains(t)) &&
    !node.contains(el) &&
    node.closest('label, legend') === null &&
    node.querySelector('input, select, textarea, button, label') === null;
  if (group) {
    for (const node of group.querySelectorAll('*')) {
      if (candidates.some((c) => c.contains(node)) || !usable(node)) continue;
      const cls = classOf(node);
      if (HINTISH.test(cls) || namedAsError(node) || isIcon(node)) candidates.push(node);
      else if (
        groupInvalid &&
        !haveError &&
        precedes(el, node) &&
        /^(p|div|span|small|strong|em|td)$/.test(node.localName)
      ) {
        // A plain validation area after an invalid field.
        if ([...node.childNodes].some((c) => c.nodeType === 3 && cleanText(c.nodeValue)))
          candidates.push(node);
      }
    }
  } else {
    for (let node = el.previousElementSibling; node; node = node.previousElementSibling) {
      if (node.localName === 'label' || node.querySelector('input, select, textarea')) break;
      if (HINTISH.test(classOf(node)) && usable(node)) candidates.unshift(node);
    }
    const next = el.nextElementSibling;
    if (next && HINTISH.test(classOf(next)) && usable(next)) candidates.push(next);
  }
  const hints: string[] = [];
  const errors: string[] = [];
  let errorFrom: Element | undefined;
  for (const node of candidates) {
    if (isIcon(node)) continue;
    const text = messageText(node);
    if (!text) continue;
    if (namedAsError(node)) {
      if (HIDDEN_UNTIL_INVALID.test(classOf(node)) && !groupInvalid) continue;
      errors.push(text);
      errorFrom = node;
    } else hints.push(text);
  }
  if (!haveError && errors.length === 0 && groupInvalid) {
    const after = candidates.find((node) => !isIcon(node) && precedes(el, node) && messageText(node));
    if (after && invalid) {
      const text = messageText(after);
      hints.splice(hints.indexOf(text), 1);
      errors.push(text);
      errorFrom = after;
    }
  }
  return { hints, errors, invalid: errorFrom !== undefined };
}

/**
 * Hint and error of a control. `labelHints` and `labelErrors` were found inside its label;
 * `container` is a fieldset or radiogroup whose own messages also apply (radio groups).
 */
export function describeState(
  el: Element,
  labelHints: string[],
  container?: Element | null,
  labelErrors: string[] = [],
  counts?: ControlCounts,
): StateResult {
  const invalidAttr = el.getAttribute('aria-invalid');
  const invalid = invalidAttr !== null && invalidAttr !== 'false';
  const describedBy = idRefs(el, 'aria-describedby');
  const described = readMessages(describedBy, invalid);
  const errors = [...labelErrors, ...described.errors];
  const hints = [...labelHints, ...described.hints];
  const errorRefs = idRefs(el, 'aria-errormessage');
  for (const ref of errorRefs) {
    const text = messageText(ref);
    if (text) errors.push(text);
  }
  const group = el.closest(DSFR_ERROR_GROUP);
  if (group && group !== container) {
    for (const message of group.querySelectorAll('.fr-error-text, .fr-message--error')) {
      const owner = message.closest('fieldset, .fr-input-group, .fr-select-group, .fr-upload-group');
      // Only the messages of this control's own group, not of a nested one.
      if (!owner || owner === group || owner.contains(el)) errors.push(messageText(message));
    }
  }
  let loose = false;
  if (container) {
    // The group's name (aria-labelledby) is its name, not a hint, even when also listed in
    // aria-describedby; only error messages referenced there count (the DSFR names its fieldsets
    // "legend messages").
    const labelledBy = idRefs(container, 'aria-labelledby');
    const describedByGroup = idRefs(container, 'aria-describedby').filter((r) => !labelledBy.includes(r));
    const own = [...container.children].filter((child) =>
      child.matches('.fr-messages-group, .fr-error-text'),
    );
    const named = readMessages(
      labelledBy.filter((r) => r.localName !== 'legend' && !own.includes(r)),
      invalid,
    );
    errors.push(...named.errors);
    const messages = readMessages([...new Set([...describedByGroup, ...own])], invalid);
    errors.push(...messages.errors);
    hints.push(...messages.hints);
  } else if (!isNative(el) || el.localName !== 'input' || (el as HTMLInputElement).type !== 'radio') {
    const found = looseMessages(el, [...describedBy, ...errorRefs], invalid, errors.length > 0, counts);
    hints.push(...found.hints);
    errors.push(...found.errors);
    loose = found.invalid;
  }
  const error = joinUnique(errors.map(cleanText));
  return {
    hint: joinUnique(hints),
    error,
    invalid: invalid || error !== undefined || group !== null || loose,
  };
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

/**
 * A checkbox group's own hint and error, said once for the group rather than on each box: in its
 * legend (`fr-hint-text`), referenced by the group (`aria-describedby`, DSFR's messages named in
 * `aria-labelledby`), or written as the group's own blocks before its boxes (a `govuk-hint`,
 * `usa-hint`, `form-text` under the legend, a messages group, an error message) without being tied.
 */
export function describeGroup(container: Element): StateResult {
  const invalidAttr = container.getAttribute('aria-invalid');
  const marked = (invalidAttr !== null && invalidAttr !== 'false') || container.matches(DSFR_ERROR_GROUP);
  const legend = container.localName === 'fieldset' ? container.querySelector(':scope > legend') : null;
  const hints = [...describeLegend(container).hints];
  const errors = [...errorsInside(legend)];
  const labelledBy = idRefs(container, 'aria-labelledby');
  const refs = [
    ...labelledBy.filter((r) => r.localName !== 'legend' && r.matches('.fr-messages-group, .fr-error-text')),
    ...idRefs(container, 'aria-describedby').filter((r) => !labelledBy.includes(r)),
  ];
  // The group's own message blocks: its direct children that hold no control and no label.
  for (const child of container.children) {
    if (child === legend || refs.some((r) => r === child || r.contains(child) || child.contains(r))) continue;
    if (child.querySelector('input, select, textarea, button, label, [role]')) continue;
    const cls = classOf(child);
    if (child.matches('.fr-messages-group, .fr-error-text') || HINTISH.test(cls) || namedAsError(child))
      refs.push(child);
  }
  const messages = readMessages(refs, marked);
  hints.push(...messages.hints);
  errors.push(...messages.errors);
  const error = joinUnique(errors.map(cleanText));
  return { hint: joinUnique(hints), error, invalid: marked || error !== undefined };
}
