/**
 * The clues that tell a page's field or button apart from the others, framework-free (any DOM,
 * jsdom included). `captureClues` is what the guide recorder stores for a step's target; the
 * readers below are what the resolver (target.ts) compares them with on a live page, so both
 * sides read the page the same way.
 *
 * Labels, hints, errors and group names are read with the forms code readable mode uses
 * (utils/forms/describe.ts): what it leaves out of a label (hints, error messages, icon names,
 * icon-font glyphs), how it tells an error from a hint, where it finds a hint not tied in markup,
 * and a group's name without its hint. A step's target is then described as readable mode shows
 * the field.
 *
 * Nothing here reads what a person typed or chose: no `value`, `checked`, selected option, nor
 * the text of a textarea. Password, bank card and one-time-code fields are refused as targets.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import { describeLegend, describeState, hintsInside, isLabelExtra } from '../forms/describe.ts';
import { withoutRequiredMark } from '../forms/required.ts';
import { cleanText } from '../forms/text.ts';
import { isSensitiveElement } from './sensitive-target.ts';

/** What a person sees: a text box, a choice (radio, box), a list, a file picker, a button, a link. */
export type FieldKind = 'field' | 'choice' | 'list' | 'file' | 'button' | 'link';

export type CapturedClues = {
  id?: string;
  name?: string;
  autocomplete?: string;
  /** The visible label: label[for], a wrapping label, aria-labelledby, or a button's text. */
  label?: string;
  /** The accessible name, as a screen reader says it. */
  accessibleName?: string;
  /** The field's hint as readable mode reads it (utils/forms describeState), errors left out. */
  hint?: string;
  /** The legend of the fieldset (DSFR fr-fieldset included) or the label of the group around it. */
  group?: string;
  /** The nearest heading before the field. */
  heading?: string;
  tag?: string;
  type?: string;
  role?: string;
  /** Place among the fields of the same kind in its form (0-based), and how many there are. */
  position?: { index: number; count: number };
  /** A few ancestors' tag names, outermost first: `form > fieldset > div > div > input`. */
  path?: string;
};

export type CaptureResult =
  | { ok: true; clues: CapturedClues; kind: FieldKind }
  | { ok: false; reason: 'sensitive' | 'not-a-target' };

const MAX_TEXT = 200;
const PATH_DEPTH = 5;
export const CONTROL_SELECTOR =
  'input:not([type="hidden"]), select, textarea, button, a[href], [role="button"], [role="link"], [role="textbox"], [role="combobox"], [role="checkbox"], [role="radio"], [role="switch"], [contenteditable="true"]';
// Parts of a label that are not its name: controls, hidden parts, "required" marks, and what
// readable mode leaves out (hints, error messages, icon names: isLabelExtra). Tested by tag and
// class first: labels are read by the thousand on big pages.
const NOT_LABEL_TAGS = new Set(['input', 'select', 'textarea', 'button', 'script', 'style', 'template']);
const NOT_LABEL_CLASSES = ['fr-message', 'required'];

function notLabel(el: Element): boolean {
  if (NOT_LABEL_TAGS.has(el.localName)) return true;
  if (el.localName === 'abbr' && el.hasAttribute('title')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const list = el.classList;
  if (list && list.length > 0) for (const name of NOT_LABEL_CLASSES) if (list.contains(name)) return true;
  if ((list && list.length > 0) || el.id) return isLabelExtra(el);
  return false;
}
const ERROR_PARTS = '.fr-message--error, .fr-error-text, [role="alert"]';
// Tag names only: attribute selectors make a page-wide query many times slower in jsdom.
const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const POSITIONED = 'input, select, textarea, button, a';
const BUTTON_TYPES = new Set(['submit', 'button', 'reset', 'image']);
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** White space collapsed and icon-font glyphs dropped, as readable mode reads text (cleanText). */
export function clean(text: string | null | undefined): string {
  return cleanText(text == null ? '' : String(text));
}

function short(text: string | null | undefined): string | undefined {
  const value = clean(text);
  return value ? value.slice(0, MAX_TEXT) : undefined;
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

function rootOf(el: Element): Document | ShadowRoot {
  return el.getRootNode() as Document | ShadowRoot;
}

function byId(root: Document | ShadowRoot, id: string): Element | null {
  if (typeof root.getElementById === 'function') return root.getElementById(id);
  return null;
}

/** What kind of thing the element is for a person, or null when it is none of ours. */
export function kindOf(el: Element): FieldKind | null {
  const tag = el.localName;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  if (tag === 'input') {
    if (type === 'hidden') return null;
    if (type === 'radio' || type === 'checkbox') return 'choice';
    if (type === 'file') return 'file';
    if (BUTTON_TYPES.has(type)) return 'button';
    return 'field';
  }
  if (tag === 'select') return 'list';
  if (tag === 'textarea') return 'field';
  if (tag === 'button' || role === 'button') return 'button';
  if (role === 'radio' || role === 'checkbox' || role === 'switch') return 'choice';
  if (role === 'combobox' || role === 'listbox') return 'list';
  if (role === 'textbox' || el.getAttribute('contenteditable') === 'true') return 'field';
  if ((tag === 'a' && el.hasAttribute('href')) || role === 'link') return 'link';
  return null;
}

/** Kinds a site may turn into each other without the field changing for a person. */
export function kindsCompatible(a: FieldKind, b: FieldKind): boolean {
  if (a === b) return true;
  const clickable = (k: FieldKind) => k === 'button' || k === 'link';
  if (clickable(a) && clickable(b)) return true;
  // A list may become a text box with suggestions, and back.
  return (a === 'list' && b === 'field') || (a === 'field' && b === 'list');
}

/**
 * The element's own words: text nodes, without hints, messages, hidden parts and the content of
 * controls (a textarea's text is what the person typed; a select's options are not its name).
 */
export function ownText(el: Element): string {
  if (el.childElementCount === 0) return clean(el.textContent);
  let out = '';
  const walk = (node: Node, depth: number) => {
    if (depth > 20) return;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !notLabel(child as Element)) {
        out += ' ';
        walk(child, depth + 1);
        out += ' ';
      }
    }
  };
  walk(el, 0);
  return clean(out);
}

/**
 * A label's or legend's words without its "required" mark (a trailing star, "(obligatoire)"), as
 * readable mode names the field (utils/forms required.ts).
 */
export function labelText(el: Element): string {
  return withoutRequiredMark(ownText(el));
}

/**
 * The words a label starts with, before its first element: "IBAN" in
 * `<label>IBAN <span>Il commence par FR76</span></label>`, even when the hint's class is unknown.
 */
export function leadingText(el: Element): string {
  let out = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) break;
    if (child.nodeType === 3) out += child.nodeValue ?? '';
  }
  return clean(out);
}

/**
 * The label elements of a control: label[for], and the label wrapping it. (`el.labels` is exact
 * but each call scans the page in browsers: the resolver passes its own index instead.)
 */
export function labelElements(el: Element): Element[] {
  // With an id shared by several fields the browser gives every label to the first one: read them
  // as a person sees them instead (labelIndex).
  if (sharesId(el)) return labelIndex(rootOf(el))(el);
  const out: Element[] = [];
  const labels = (el as HTMLInputElement).labels;
  if (labels && typeof labels.length === 'number') {
    for (const label of Array.from(labels)) out.push(label);
  } else {
    const id = el.getAttribute('id');
    if (id) {
      const root = rootOf(el);
      try {
        for (const label of Array.from(root.querySelectorAll('label[for]')))
          if (label.getAttribute('for') === id) out.push(label);
      } catch {
        // an odd root: no labels
      }
    }
    const wrapping = el.parentElement?.closest('label');
    if (wrapping && !out.includes(wrapping)) out.push(wrapping);
  }
  return out;
}

function referencedText(el: Element, attribute: string, own: boolean): string {
  const ids = (el.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  if (ids.length === 0) return '';
  const root = rootOf(el);
  const parts: string[] = [];
  for (const id of ids) {
    const ref = byId(root, id);
    if (!ref || ref === el) continue;
    if (attribute === 'aria-describedby' && matches(ref, ERROR_PARTS)) continue;
    parts.push(own ? ownText(ref) : refText(ref));
  }
  return clean(parts.join(' '));
}

/** A referenced element's text, error messages left out (they come and go). */
function refText(ref: Element): string {
  if (!ref.querySelector(ERROR_PARTS) && !ref.querySelector('input, select, textarea'))
    return clean(ref.textContent);
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (
        child.nodeType === 1 &&
        !matches(child as Element, `${ERROR_PARTS}, input, select, textarea`)
      ) {
        out += ' ';
        walk(child);
      }
    }
  };
  walk(ref);
  return clean(out);
}

/** A button's or link's caption: its words, or the caption attribute of an input button. */
function captionOf(el: Element): string {
  if (el.localName === 'input') {
    // The `value` attribute of a submit button is its caption, written by the site, not a person's answer.
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    return BUTTON_TYPES.has(type) ? clean(el.getAttribute('value') ?? el.getAttribute('alt')) : '';
  }
  return ownText(el);
}

/** Does another element of the element's page (or shadow root) carry its id? */
export function sharesId(el: Element): boolean {
  const id = el.getAttribute('id');
  if (!id) return false;
  let count = 0;
  try {
    for (const other of Array.from(rootOf(el).querySelectorAll('[id]')))
      if (other.getAttribute('id') === id && ++count > 1) return true;
  } catch {
    // an odd root: no duplicates
  }
  return false;
}

/**
 * The control a label[for] names when several share its id: the first of them after the label,
 * else the last one before it (the field a person sees next to the words).
 */
function ownerAmong(label: Element, controls: readonly Element[]): Element | undefined {
  for (const control of controls) if (label.compareDocumentPosition(control) & FOLLOWING) return control;
  return controls[controls.length - 1];
}

/**
 * An index of a page's labels: one pass, then each control's labels without a page scan. Labels
 * whose `for` names an id several elements share go to the one next to them, not all to the first.
 */
export function labelIndex(root: ParentNode): (el: Element) => Element[] {
  const byFor = new Map<string, Element[]>();
  let labels: Element[] = [];
  try {
    labels = Array.from(root.querySelectorAll('label[for]'));
  } catch {
    // no labels
  }
  for (const label of labels) {
    const id = label.getAttribute('for') as string;
    const list = byFor.get(id);
    if (list) list.push(label);
    else byFor.set(id, [label]);
  }
  // Read only once a labelled control is asked about: one pass over the elements with an id.
  let owners: Map<Element, Element> | null = null;
  const ownersOfShared = (): Map<Element, Element> => {
    if (owners) return owners;
    owners = new Map();
    const withId = new Map<string, Element[]>();
    try {
      for (const el of Array.from(root.querySelectorAll('[id]'))) {
        const id = el.getAttribute('id') as string;
        if (!byFor.has(id)) continue;
        const list = withId.get(id);
        if (list) list.push(el);
        else withId.set(id, [el]);
      }
    } catch {
      // no ids
    }
    for (const [id, controls] of withId) {
      if (controls.length < 2) continue;
      for (const label of byFor.get(id) ?? []) {
        const owner = ownerAmong(label, controls);
        if (owner) owners.set(label, owner);
      }
    }
    return owners;
  };
  const first = (id: string): Element | null => {
    const get = (root as Partial<Document>).getElementById;
    return typeof get === 'function' ? get.call(root, id) : null;
  };
  return (el: Element) => {
    const id = el.getAttribute('id') ?? '';
    const forId = byFor.get(id) ?? [];
    // Only a later copy of an id, or an id several labels name, can be shared: a page of unique ids
    // never pays for the pass.
    const suspect = forId.length > 1 || (forId.length === 1 && first(id) !== el);
    const shared = suspect ? ownersOfShared() : null;
    const out = shared ? forId.filter((label) => (shared.get(label) ?? el) === el) : [...forId];
    const wrapping = el.parentElement?.closest('label');
    if (wrapping && !out.includes(wrapping) && !wrapping.hasAttribute('for')) out.push(wrapping);
    return out;
  };
}

/** The visible label: aria-labelledby, label[for] or wrapping label, else a button's caption. */
export function visibleLabel(
  el: Element,
  kind: FieldKind | null = kindOf(el),
  labelsOf: (el: Element) => Element[] = labelElements,
): string {
  if (kind === 'button' || kind === 'link') {
    const named =
      referencedText(el, 'aria-labelledby', true) || labelsOf(el).map(ownText).filter(Boolean).join(' ');
    return named ? clean(named) : captionOf(el);
  }
  const labelledBy = referencedText(el, 'aria-labelledby', true);
  if (labelledBy) return withoutRequiredMark(labelledBy);
  const labels = labelsOf(el).map(labelText).filter(Boolean);
  if (labels.length > 0) return clean(labels.join(' '));
  return cellLabelOf(el);
}

const CELLS = new Set(['td', 'th']);
const CELL_CONTROLS = 'input:not([type="hidden"]), select, textarea, button';

/**
 * The words of the table cell before the field's own cell, when the site wrote its label there
 * (`<td>Montant du loyer</td><td><input></td>`, no label element): what a person reads as the
 * field's name. Only when the field is alone in its cell and the cell before holds no control.
 */
export function cellLabelOf(el: Element): string {
  let cell = el.parentElement;
  for (let depth = 0; cell && depth < 3 && !CELLS.has(cell.localName); depth++) {
    if (cell.localName === 'label' || cell.localName === 'fieldset' || cell.localName === 'form') return '';
    cell = cell.parentElement;
  }
  if (!cell || !CELLS.has(cell.localName)) return '';
  return labelCellBefore(cell) ? labelText(labelCellBefore(cell) as Element) : '';
}

/** The cell before this one, when it is a label for this cell's only control. */
export function labelCellBefore(cell: Element): Element | null {
  let controls: Element[];
  try {
    controls = Array.from(cell.querySelectorAll(CELL_CONTROLS));
  } catch {
    return null;
  }
  if (controls.length !== 1) return null;
  const before = cell.previousElementSibling;
  if (!before || !CELLS.has(before.localName) || before.querySelector(CELL_CONTROLS)) return null;
  return before;
}

/**
 * The name a screen reader gives, cheaply: the order of the accessible-name computation for form
 * controls, buttons and links, without its full generality (used on many candidates at once).
 */
export function quickAccessibleName(
  el: Element,
  kind: FieldKind | null = kindOf(el),
  labelsOf: (el: Element) => Element[] = labelElements,
): string {
  const labelledBy = referencedText(el, 'aria-labelledby', false);
  if (labelledBy) return labelledBy;
  const aria = clean(el.getAttribute('aria-label'));
  if (aria) return aria;
  const labels = labelsOf(el)
    .map((l) => refText(l))
    .filter(Boolean);
  if (labels.length > 0) return clean(labels.join(' '));
  if (kind === 'button' || kind === 'link') {
    const caption = el.localName === 'input' ? captionOf(el) : refText(el);
    if (caption) return caption;
  }
  return clean(el.getAttribute('title') ?? el.getAttribute('placeholder'));
}

/** The full accessible name (dom-accessibility-api), when it cannot hold another field's answer. */
export function accessibleName(el: Element): string {
  // A label holding another control would put that control's value in the name.
  // Shared ids: the browser's name joins labels of other fields.
  if (sharesId(el)) return quickAccessibleName(el);
  const labels = labelElements(el);
  if (labels.some((l) => Array.from(l.querySelectorAll('input, select, textarea')).some((c) => c !== el)))
    return quickAccessibleName(el);
  try {
    // Browsers name a field by its placeholder when nothing else names it; the library does not.
    return clean(computeAccessibleName(el)) || quickAccessibleName(el);
  } catch {
    return quickAccessibleName(el);
  }
}

/**
 * Hint text, as readable mode reads it (utils/forms describeState): the hints inside its labels,
 * those aria-describedby names (error messages told apart and left out: they come and go), and a
 * hint-like block of the field's own group that markup does not tie to it.
 */
export function hintOf(el: Element, labelsOf: (el: Element) => Element[] = labelElements): string {
  try {
    return clean(describeState(el, labelsOf(el).flatMap(hintsInside)).hint);
  } catch {
    // An odd root (no getElementById, no matches): no hint rather than no target.
    return '';
  }
}

/**
 * A fieldset's or group's name as readable mode says it (utils/forms describeLegend): its legend,
 * aria-label or aria-labelledby, without the hint or messages the name points at.
 */
function groupName(node: Element): string {
  try {
    return clean(describeLegend(node).legend);
  } catch {
    return '';
  }
}

/** The legend of the nearest fieldset, or the label of the nearest role=group / radiogroup. */
export function groupOf(el: Element): string {
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.localName === 'fieldset') {
      const text = groupName(node);
      if (text) return text;
    } else if (node.localName === 'form' || node.localName === 'body') {
      return '';
    } else {
      const role = node.getAttribute('role');
      if (role === 'group' || role === 'radiogroup') {
        const text = groupName(node);
        if (text) return text;
      }
    }
  }
  return '';
}

/** The legends of every fieldset around the element, nearest first (a fieldset inside another keeps both). */
export function legendsAround(el: Element): string[] {
  const out: string[] = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.localName === 'form' || node.localName === 'body') break;
    if (node.localName !== 'fieldset') continue;
    const text = groupName(node);
    if (text) out.push(text);
  }
  return out;
}

/** The headings of a page or shadow root, in the page's order. */
export function headingsIn(root: ParentNode): Element[] {
  try {
    return Array.from(root.querySelectorAll(HEADINGS));
  } catch {
    return [];
  }
}

/** The last of `headings` (in page order) that comes before the element: binary search. */
export function headingBefore(el: Element, headings: readonly Element[]): Element | null {
  let low = 0;
  let high = headings.length - 1;
  let found: Element | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const heading = headings[mid] as Element;
    // The heading comes before the element when the element follows it (or sits inside it).
    if (heading === el || heading.compareDocumentPosition(el) & FOLLOWING) {
      found = heading;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The nearest heading before the element in the page's order (its own section's title). */
export function headingOf(el: Element, headings: readonly Element[] = headingsIn(rootOf(el))): string {
  const heading = headingBefore(el, headings);
  return heading ? ownText(heading) : '';
}

/** The container whose fields count for positions: the form, else the root. */
export function formOf(el: Element): ParentNode {
  return (el.closest('form') as ParentNode | null) ?? rootOf(el);
}

/** Fields of one kind are "similar": the third text box, the second button. */
export function similarKey(el: Element, kind: FieldKind | null = kindOf(el)): string {
  return kind === 'choice'
    ? `choice:${(el.getAttribute('type') ?? el.getAttribute('role') ?? '').toLowerCase()}`
    : String(kind);
}

export type Position = { index: number; count: number };

/**
 * Every control's place among the similar fields of a container (a form): one pass. The options
 * of one radio group share their group's place.
 */
export function positionsIn(container: ParentNode): Map<Element, Position> {
  let all: Element[];
  try {
    all = Array.from(container.querySelectorAll(POSITIONED));
  } catch {
    all = [];
  }
  const counts = new Map<string, number>();
  const groups = new Map<string, number>();
  const places: Array<[Element, string, number]> = [];
  for (const el of all) {
    const kind = kindOf(el);
    if (!kind) continue;
    const key = similarKey(el, kind);
    const name = el.getAttribute('name');
    let index: number;
    const groupKey = key === 'choice:radio' && name ? `${key}:${name}` : '';
    const known = groupKey ? groups.get(groupKey) : undefined;
    if (known !== undefined) index = known;
    else {
      index = counts.get(key) ?? 0;
      counts.set(key, index + 1);
      if (groupKey) groups.set(groupKey, index);
    }
    places.push([el, key, index]);
  }
  const out = new Map<Element, Position>();
  for (const [el, key, index] of places) out.set(el, { index, count: counts.get(key) ?? 1 });
  return out;
}

/** The element's place among the similar fields of its form (radios of one group count once). */
export function positionOf(el: Element): Position {
  return positionsIn(formOf(el)).get(el) ?? { index: 0, count: 1 };
}

/** A few ancestors' tag names, no ids or classes (those are the first things sites rename). */
export function pathOf(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  for (let depth = 0; node && depth < PATH_DEPTH; depth++) {
    parts.unshift(node.localName);
    if (node.localName === 'form' || node.localName === 'body') break;
    node = node.parentElement;
  }
  return parts.join(' > ');
}

/**
 * The clues of a field or button the author points at, for the guide's target. Refuses secret
 * fields (password, card, one-time code) and elements that are neither a field nor a button.
 */
export function captureClues(element: Element): CaptureResult {
  let kind = kindOf(element);
  let el = element;
  if (!kind) {
    // The author pointed at a label or inside a DSFR group: the field it names.
    const control =
      element.localName === 'label' && element.getAttribute('for')
        ? byId(rootOf(element), element.getAttribute('for') as string)
        : element.querySelector(CONTROL_SELECTOR);
    kind = control ? kindOf(control) : null;
    if (!control || !kind) return { ok: false, reason: 'not-a-target' };
    el = control;
  }
  if (isSensitiveElement(el)) return { ok: false, reason: 'sensitive' };
  const clues: CapturedClues = {};
  const set = <K extends keyof CapturedClues>(key: K, value: CapturedClues[K] | undefined) => {
    if (value !== undefined && value !== '') clues[key] = value;
  };
  // An id two fields share tells neither apart.
  if (!sharesId(el)) set('id', short(el.getAttribute('id')));
  set('name', short(el.getAttribute('name')));
  const autocomplete = clean(el.getAttribute('autocomplete')).toLowerCase();
  if (autocomplete && autocomplete !== 'on' && autocomplete !== 'off')
    set('autocomplete', short(autocomplete));
  set('label', short(visibleLabel(el, kind)));
  set('accessibleName', short(accessibleName(el)));
  set('hint', short(hintOf(el)));
  set('group', short(groupOf(el)));
  set('heading', short(headingOf(el)));
  set('tag', el.localName);
  set('type', short(el.getAttribute('type'))?.toLowerCase());
  set('role', short(el.getAttribute('role'))?.toLowerCase());
  clues.position = positionOf(el);
  set('path', pathOf(el));
  return { ok: true, clues, kind };
}

/** The kind a target's captured clues describe (tag, type, role), or null when unknown. */
export function kindOfClues(clues: CapturedClues): FieldKind | null {
  if (!clues.tag) return null;
  const type = clues.type ?? '';
  const role = clues.role ?? '';
  const tag = clues.tag;
  if (tag === 'input') {
    if (type === 'radio' || type === 'checkbox') return 'choice';
    if (type === 'file') return 'file';
    if (BUTTON_TYPES.has(type)) return 'button';
    return 'field';
  }
  if (tag === 'select') return 'list';
  if (tag === 'textarea') return 'field';
  if (tag === 'button' || role === 'button') return 'button';
  if (role === 'radio' || role === 'checkbox' || role === 'switch') return 'choice';
  if (role === 'combobox' || role === 'listbox') return 'list';
  if (role === 'textbox') return 'field';
  if (tag === 'a' || role === 'link') return 'link';
  return 'field';
}
