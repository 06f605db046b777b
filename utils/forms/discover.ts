/**
 * Form discovery: every control a person can fill on the page, with its label, hint, error,
 * constraints and group, in document order. Radios of one name are one field. Works on real
 * pages and in jsdom, and tolerates broken markup (no labels, duplicate ids, layout tables).
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import {
  ariaValue,
  CONTROL_SELECTOR,
  type ControlCounts,
  countControls,
  isControl,
  isNative,
} from './controls.ts';
import {
  describeGroup,
  describeLabel,
  describeLegend,
  describeState,
  errorsInside,
  textWithoutHints,
} from './describe.ts';
import { wasEverPassword } from './password-memory.ts';
import { type RequiredConvention, readRequired, requiredConvention } from './required.ts';
import { isSensitiveField } from './sensitive.ts';
import { insertAtHost, MAX_SHADOW_ROOTS, openShadowRoots } from './shadow.ts';
import { styleReader } from './style.ts';
import { cleanText, foldText } from './text.ts';
import type { FieldConstraints, FieldGroup, FieldInfo, FieldOption, SerializableField } from './types.ts';

export type { FieldInfo, SerializableField } from './types.ts';

const DSFR_SELECTOR =
  '.fr-input-group, .fr-select-group, .fr-fieldset, .fr-radio-group, .fr-checkbox-group, .fr-toggle, .fr-upload-group, .fr-password, .fr-range, .fr-range-group, .fr-segmented, .fr-search-bar';

function typeOf(el: Element): string {
  if (el.localName === 'input') return (el as HTMLInputElement).type;
  if (el.localName === 'select' || el.localName === 'textarea') return el.localName;
  return el.getAttribute('role') ?? 'textbox';
}

function attr(el: Element, name: string): string | undefined {
  const value = el.getAttribute(name);
  return value === null || value === '' ? undefined : value;
}

function numberAttr(el: Element, name: string): number | undefined {
  const value = attr(el, name);
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function constraintsOf(el: Element): FieldConstraints {
  const c: FieldConstraints = {};
  const pattern = attr(el, 'pattern');
  if (pattern) c.pattern = pattern;
  const min = attr(el, 'min') ?? attr(el, 'aria-valuemin');
  if (min) c.min = min;
  const max = attr(el, 'max') ?? attr(el, 'aria-valuemax');
  if (max) c.max = max;
  const minLength = numberAttr(el, 'minlength');
  if (minLength !== undefined) c.minLength = minLength;
  const maxLength = numberAttr(el, 'maxlength');
  if (maxLength !== undefined) c.maxLength = maxLength;
  const step = attr(el, 'step');
  if (step) c.step = step;
  const inputMode = attr(el, 'inputmode');
  if (inputMode) c.inputMode = inputMode;
  const autocomplete = attr(el, 'autocomplete');
  if (autocomplete) c.autocomplete = autocomplete;
  const accept = attr(el, 'accept');
  if (accept) c.accept = accept;
  if (el.hasAttribute('multiple')) c.multiple = true;
  return c;
}

function isDisabled(el: Element): boolean {
  if (el.getAttribute('aria-disabled') === 'true') return true;
  if (isNative(el)) {
    if ((el as HTMLInputElement).disabled) return true;
    // jsdom and linkedom do not all apply fieldset[disabled] to `.disabled`.
    const fieldset = el.closest('fieldset[disabled]');
    if (fieldset) {
      const firstLegend = fieldset.querySelector(':scope > legend');
      return !(firstLegend?.contains(el) ?? false);
    }
  }
  return false;
}

function isReadOnly(el: Element): boolean {
  if (el.getAttribute('aria-readonly') === 'true') return true;
  return (el.localName === 'input' || el.localName === 'textarea') && el.hasAttribute('readonly');
}

function isRequired(el: Element): boolean {
  if (el.getAttribute('aria-required') === 'true') return true;
  return isNative(el) && el.hasAttribute('required');
}

/**
 * Radios answer together: same form owner and same name, or the same ARIA radiogroup. Radios
 * sharing a name across two fieldsets (copy-pasted markup) are shown as the two questions they look like.
 */
function radioGroupKey(el: Element, containers: Map<Element, number>): unknown {
  if (el.localName === 'input') {
    const name = (el as HTMLInputElement).name;
    if (!name) return undefined;
    const form = (el as HTMLInputElement).form;
    const fieldset = el.closest('fieldset');
    let at = -1;
    if (fieldset) {
      at = containers.get(fieldset) ?? containers.size;
      containers.set(fieldset, at);
    }
    return `${form ? formIndex(form) : -1}\u0000${at}\u0000${name}`;
  }
  return el.closest('[role="radiogroup"]') ?? undefined;
}

function formIndex(form: Element): number {
  return [...form.ownerDocument.forms].indexOf(form as HTMLFormElement);
}

function optionLabel(el: Element, paired: Map<Element, Element>): { label: string; hint?: string } {
  const described = describeLabel(el, paired.get(el));
  const hint = described.hints.join(' ') || undefined;
  return hint ? { label: described.label, hint } : { label: described.label };
}

function selectOptions(select: HTMLSelectElement): FieldOption[] {
  return [...select.options].map((option) => {
    const out: FieldOption = {
      value: option.value,
      label: cleanText(option.label || option.textContent),
      selected: option.selected,
    };
    if (option.disabled) out.disabled = true;
    return out;
  });
}

function radioValue(el: Element): string {
  if (el.localName === 'input') return (el as HTMLInputElement).value;
  return el.getAttribute('data-value') ?? el.getAttribute('value') ?? cleanText(el.textContent);
}

function isChecked(el: Element): boolean {
  if (el.localName === 'input') return (el as HTMLInputElement).checked;
  return el.getAttribute('aria-checked') === 'true';
}

function groupContainer(el: Element): Element | null {
  return el.closest('fieldset, [role="radiogroup"], [role="group"]');
}

function groupId(container: Element, fallback: string): string {
  return container.id || fallback;
}

function legendOf(container: Element | null): { legend: string; hints: string[] } {
  if (!container) return { legend: '', hints: [] };
  return describeLegend(container);
}

/** Text right before a radio group that has no fieldset (a question in a <p> above the radios). */
function textBefore(el: Element): string {
  for (let node: Element | null = el; node && node.localName !== 'form' && node.localName !== 'body'; ) {
    const previous: Element | null = node.previousElementSibling;
    if (previous) {
      if (previous.querySelector('input, select, textarea')) return '';
      const text = textWithoutHints(previous);
      if (text) return text.length <= 200 ? text : '';
      node = previous;
    } else {
      node = node.parentElement;
    }
  }
  return '';
}

export type DiscoverOptions = {
  /** Keep controls hidden by markup (default true: readable mode decides what to show). */
  includeHidden?: boolean;
  /** Controls described at most, in document order (default MAX_CONTROLS). */
  maxControls?: number;
};

/**
 * Bounded work on any page: describing a control walks its labels and ancestors, so a hostile or
 * broken page with tens of thousands of controls would hold the tab for minutes. Real forms have a
 * few dozen; progress and guides keep the first ones, readable mode refuses such a page (limits.ts).
 */
export const MAX_CONTROLS = 2_000;

/** Labels that point to an id several elements share, paired with those elements by order. */
function pairDuplicateIdLabels(scope: Document | Element, controls: Element[]): Map<Element, Element> {
  const byId = new Map<string, Element[]>();
  for (const el of controls) {
    if (!el.id) continue;
    const list = byId.get(el.id);
    if (list) list.push(el);
    else byId.set(el.id, [el]);
  }
  const paired = new Map<Element, Element>();
  for (const [id, els] of byId) {
    if (els.length < 2) continue;
    const labels = [...scope.querySelectorAll('label[for]')].filter((l) => l.getAttribute('for') === id);
    els.forEach((el, i) => {
      const label = labels[i];
      if (label) paired.set(el, label);
    });
  }
  return paired;
}

function formPart(el: Element): string {
  const form = (el as HTMLInputElement).form ?? el.closest('form');
  if (!form) return '';
  const name = form.id || form.getAttribute('name');
  return `form:${name ?? `#${formIndex(form)}`}/`;
}

function slug(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

function baseKey(field: Omit<FieldInfo, 'key'>): string {
  const form = formPart(field.element);
  if (field.name) return `${form}name:${field.name}`;
  if (field.id) return `${form}id:${field.id}`;
  return `${form}label:${slug(field.label || field.group?.legend || field.type)}`;
}

function uniqueKeys(fields: Omit<FieldInfo, 'key'>[]): FieldInfo[] {
  const seen = new Map<string, number>();
  return fields.map((field) => {
    let key = baseKey(field);
    // Checkboxes sharing a name (`choix[]`) differ by value.
    if (field.type === 'checkbox' && field.name && seen.has(key)) {
      const value = (field.element as HTMLInputElement).value;
      if (value) key = `${key}=${value}`;
    }
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return { key: count === 1 ? key : `${key}#${count}`, ...field } as FieldInfo;
  });
}

/** What one discovery run shares between its fields: computed once per page. */
type Context = {
  paired: Map<Element, Element>;
  counts: ControlCounts;
  convention: () => RequiredConvention;
  groups: Map<Element, ReturnType<typeof describeGroup>>;
};

function labelElements(el: Element, paired: Map<Element, Element>): Element[] {
  const own = paired.get(el);
  if (own) return [own];
  const labels = (el as HTMLInputElement).labels;
  return labels ? [...labels] : [];
}

/** A listbox's options (`role="option"`), named by their text and selected by `aria-selected`. */
function listboxOptions(el: Element): FieldOption[] {
  return [...el.querySelectorAll('[role="option"]')].map((option) => {
    const out: FieldOption = {
      value: ariaValue(option),
      label: describeLabel(option).label,
      selected: option.getAttribute('aria-selected') === 'true',
    };
    if (option.getAttribute('aria-disabled') === 'true') out.disabled = true;
    return out;
  });
}

function singleField(el: Element, context: Context): Omit<FieldInfo, 'key'> {
  const { paired } = context;
  const type = typeOf(el);
  const described = describeLabel(el, paired.get(el));
  const read = readRequired(described.label, {
    marked: isRequired(el),
    labelElements: labelElements(el, paired),
    near: el,
    toggle: type === 'checkbox' || type === 'switch',
    convention: context.convention,
  });
  const label = read.label;
  const required = read.required;
  const container = groupContainer(el);
  let group: FieldGroup | undefined;
  if (container) {
    const { legend } = legendOf(container);
    const boxes =
      type === 'checkbox'
        ? [...container.querySelectorAll('input[type="checkbox"], [role="checkbox"]')].filter(
            (box) => groupContainer(box) === container,
          )
        : [];
    const kind = boxes.length > 1 ? 'checkbox-group' : 'fieldset';
    group = { kind, legend, id: groupId(container, `${kind}:${slug(legend)}`) };
    if (kind === 'checkbox-group') {
      // Read once per group, not once per box.
      let own = context.groups.get(container);
      if (!own) {
        own = describeGroup(container);
        context.groups.set(container, own);
      }
      if (own.hint) group.hint = own.hint;
      if (own.error) group.error = own.error;
    }
  }
  const state = describeState(el, described.hints, undefined, described.errors, context.counts);
  const name = attr(el, 'name');
  const id = attr(el, 'id');
  const constraints = constraintsOf(el);
  const field: Omit<FieldInfo, 'key'> = {
    element: el,
    tag: el.localName,
    type,
    label,
    labelSource: described.source,
    invalid: state.invalid,
    required,
    constraints,
    dsfr: el.closest(DSFR_SELECTOR) !== null,
    // A box's checked state is no secret, even next to "mot de passe" (show-password toggles).
    sensitive:
      type !== 'checkbox' &&
      type !== 'switch' &&
      isSensitiveField({
        type,
        autocomplete: constraints.autocomplete,
        name,
        id,
        label,
        hint: state.hint,
        placeholder: attr(el, 'placeholder'),
        ariaLabel: attr(el, 'aria-label'),
        inputmode: constraints.inputMode,
        wasPassword: wasEverPassword(el),
      }),
    disabled: isDisabled(el),
    readOnly: isReadOnly(el),
  };
  if (name) field.name = name;
  if (id) field.id = id;
  // The group's hint, found again next to its first box (untied hints), is the group's, not the box's.
  if (state.hint && !group?.hint?.includes(state.hint)) field.hint = state.hint;
  if (state.error) field.error = state.error;
  if (group) field.group = group;
  if (el.localName === 'select') field.options = selectOptions(el as HTMLSelectElement);
  else if (type === 'listbox') {
    field.options = listboxOptions(el);
    if (el.getAttribute('aria-multiselectable') === 'true') field.constraints.multiple = true;
  }
  return field;
}

function radioField(radios: Element[], context: Context): Omit<FieldInfo, 'key'> {
  const { paired } = context;
  const first = radios[0] as Element;
  const container = first.closest('fieldset, [role="radiogroup"]');
  const legend = legendOf(container);
  let label = legend.legend;
  let labelSource: FieldInfo['labelSource'] = label ? 'legend' : 'none';
  if (!label && container?.getAttribute('role') === 'radiogroup') {
    const getComputedStyle = styleReader(container);
    label = cleanText(computeAccessibleName(container, getComputedStyle ? { getComputedStyle } : {}));
    if (label) labelSource = 'aria-labelledby';
  }
  if (!label) {
    label = textBefore(first);
    if (label) labelSource = 'nearby-text';
  }
  const legendElement =
    container?.localName === 'fieldset' ? container.querySelector(':scope > legend') : null;
  const read = readRequired(label, {
    marked: radios.some(isRequired) || (container !== null && isRequired(container)),
    labelElements: legendElement ? [legendElement] : [],
    near: container ?? first,
    toggle: false,
    convention: context.convention,
  });
  label = read.label;
  const required = read.required;
  const legendErrors = legendElement ? errorsInside(legendElement) : [];
  const state = describeState(first, legend.hints, container, legendErrors);
  const options = radios.map((radio) => {
    const { label: optLabel, hint } = optionLabel(radio, paired);
    const option: FieldOption = { value: radioValue(radio), label: optLabel, selected: isChecked(radio) };
    if (hint) option.hint = hint;
    if (isDisabled(radio)) option.disabled = true;
    return option;
  });
  const name = attr(first, 'name');
  const groupKey = container
    ? groupId(container, `radio:${name ?? slug(label)}`)
    : `radio:${name ?? slug(label)}`;
  const field: Omit<FieldInfo, 'key'> = {
    element: first,
    elements: radios,
    tag: first.localName,
    type: 'radio',
    label,
    labelSource,
    invalid: state.invalid || radios.some((r) => r.getAttribute('aria-invalid') === 'true'),
    required,
    constraints: {},
    group: { kind: 'radio-group', legend: label, id: groupKey },
    options,
    dsfr: first.closest(DSFR_SELECTOR) !== null,
    sensitive: false,
    disabled: radios.every(isDisabled),
    readOnly: radios.every(isReadOnly),
  };
  if (name) field.name = name;
  if (state.hint) field.hint = state.hint;
  if (state.error) field.error = state.error;
  return field;
}

/**
 * The controls under `scope` in page order, those in the open shadow roots of its custom elements
 * at their host's place (before the host's own slotted children).
 */
function controlsIn(
  scope: Document | Element | ShadowRoot,
  includeHidden: boolean,
  max: number,
  budget: { left: number },
): Element[] {
  const controls: Element[] = [];
  for (const el of scope.querySelectorAll(CONTROL_SELECTOR)) {
    if (!isControl(el) || (!includeHidden && el.closest('[hidden], [aria-hidden="true"]'))) continue;
    controls.push(el);
    if (controls.length >= max) return controls;
  }
  // Each control's place in this scope's tree: itself, or the host of the root it is in (positions
  // across trees cannot be compared).
  const places = [...controls];
  for (const shadow of openShadowRoots(scope, budget)) {
    const inner = controlsIn(shadow, includeHidden, max - controls.length, budget);
    if (inner.length === 0) continue;
    insertAtHost(controls, places, shadow.host, inner);
    if (controls.length >= max) return controls.slice(0, max);
  }
  return controls;
}

/** Every fillable control under `root`, in document order, radios of one name folded into one field. */
export function discoverFields(root: Document | Element, options: DiscoverOptions = {}): FieldInfo[] {
  const includeHidden = options.includeHidden ?? true;
  const max = options.maxControls ?? MAX_CONTROLS;
  const controls = controlsIn(root, includeHidden, max, { left: MAX_SHADOW_ROOTS });
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  let convention: RequiredConvention | undefined;
  const context: Context = {
    paired: pairDuplicateIdLabels(root, controls),
    counts: countControls(controls),
    convention: () => {
      if (convention === undefined) convention = requiredConvention(doc);
      return convention;
    },
    groups: new Map(),
  };
  const fields: Omit<FieldInfo, 'key'>[] = [];
  const radioGroups = new Map<unknown, Element[]>();
  const containers = new Map<Element, number>();
  for (const el of controls) {
    if (typeOf(el) === 'radio') {
      const key = radioGroupKey(el, containers);
      const existing = key === undefined ? undefined : radioGroups.get(key);
      if (existing) {
        existing.push(el);
        continue;
      }
      const radios = [el];
      if (key !== undefined) radioGroups.set(key, radios);
      // Placeholder in document order; filled once the whole group is known.
      fields.push({ element: el, elements: radios } as Omit<FieldInfo, 'key'>);
      continue;
    }
    fields.push(singleField(el, context));
  }
  const built = fields.map((field) =>
    field.type === undefined ? radioField(field.elements ?? [], context) : field,
  );
  return uniqueKeys(built);
}

/** A field without its DOM references, for JSON, the CLI and storage. */
export function toSerializable(field: FieldInfo): SerializableField {
  const { element: _element, elements: _elements, ...rest } = field;
  return JSON.parse(JSON.stringify(rest)) as SerializableField;
}
