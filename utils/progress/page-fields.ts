/**
 * The page's fields as progress sees them: who each one is (a FieldIdentity that survives a
 * reload), what it holds now, and how to write a saved value back. Files, buttons and hidden
 * inputs are left out: a file cannot be restored, and the rest is not typed by the person.
 */
import { discoverFields } from '../forms/discover.ts';
import { writeToReal } from '../forms/mirror.ts';
import { wasEverPassword } from '../forms/password-memory.ts';
import type { FieldDescriptor } from '../forms/sensitive.ts';
import type { FieldInfo } from '../forms/types.ts';
import type { CurrentField, FieldIdentity, FieldValue } from '../storage/index.ts';

export type PageField = {
  info: FieldInfo;
  identity: FieldIdentity;
  descriptor: FieldDescriptor;
  /** The label shown to the person when offering to restore. */
  label: string;
};

const SKIPPED_TYPES = new Set(['file', 'hidden', 'submit', 'button', 'reset', 'image']);

function formIndexOf(el: Element): number {
  const form = (el as HTMLInputElement).form ?? el.closest('form');
  return form ? [...el.ownerDocument.forms].indexOf(form as HTMLFormElement) : -1;
}

/** Every field the person can fill on the page, outside our own UI. */
export function pageFields(doc: Document, isOurs: (node: Node) => boolean = () => false): PageField[] {
  const path = doc.location?.pathname ?? '/';
  const slots = new Map<number, number>();
  const out: PageField[] = [];
  for (const info of discoverFields(doc)) {
    if (isOurs(info.element) || SKIPPED_TYPES.has(info.type) || info.disabled) continue;
    const formIndex = formIndexOf(info.element);
    const position = slots.get(formIndex) ?? 0;
    slots.set(formIndex, position + 1);
    const identity: FieldIdentity = { formIndex, position, path };
    // Checkboxes sharing a name are told apart by their value.
    const name =
      info.type === 'checkbox' && info.name && (info.element as HTMLInputElement).value !== 'on'
        ? `${info.name}=${(info.element as HTMLInputElement).value}`
        : info.name;
    if (name) identity.name = name;
    if (info.id) identity.id = info.id;
    if (info.label) identity.label = info.label;
    out.push({
      info,
      identity,
      label: info.label || info.name || info.id || '',
      descriptor: {
        type: info.type,
        autocomplete: info.constraints.autocomplete ?? null,
        name: info.name ?? null,
        id: info.id ?? null,
        label: info.label || null,
        hint: info.hint ?? null,
        placeholder: info.element.getAttribute('placeholder'),
        ariaLabel: info.element.getAttribute('aria-label'),
        inputmode: info.constraints.inputMode ?? null,
        wasPassword: wasEverPassword(info.element),
      },
    });
  }
  return out;
}

/** The field an event came from (a radio of a group finds its group). */
export function fieldOf(fields: readonly PageField[], el: Element): PageField | undefined {
  return fields.find((f) => f.info.element === el || f.info.elements?.includes(el));
}

export function readValue(field: PageField): FieldValue {
  const { info } = field;
  if (info.type === 'radio') {
    const radios = (info.elements ?? [info.element]) as HTMLInputElement[];
    const ticked = radios.find((r) => r.checked || r.getAttribute('aria-checked') === 'true');
    return ticked ? (ticked.value ?? ticked.getAttribute('data-value') ?? '') : '';
  }
  if (info.type === 'checkbox' || info.type === 'switch') {
    const el = info.element as HTMLInputElement;
    return el.localName === 'input' ? el.checked : el.getAttribute('aria-checked') === 'true';
  }
  if (info.element.localName === 'select' && (info.element as HTMLSelectElement).multiple) {
    return [...(info.element as HTMLSelectElement).selectedOptions].map((o) => o.value);
  }
  const el = info.element as HTMLInputElement;
  if ('value' in el && typeof el.value === 'string') return el.value;
  return (info.element.textContent ?? '').trim();
}

export function currentFields(fields: readonly PageField[]): CurrentField[] {
  return fields.map((f) => ({ identity: f.identity, currentValue: readValue(f), descriptor: f.descriptor }));
}

/** Writes a saved value into the real control, telling the site as if typed. False when it cannot. */
export function writeValue(field: PageField, value: FieldValue): boolean {
  try {
    writeToReal(field.info.element, value);
    return true;
  } catch {
    // An option the site removed since: leave the field as it is.
    return false;
  }
}

/** How a value reads in the offer: an option's label rather than its code. */
export function displayValue(field: PageField | undefined, value: FieldValue): string | boolean {
  if (typeof value === 'boolean') return value;
  const values = Array.isArray(value) ? value : [value];
  const options = field?.info.options;
  const shown = values.map((v) => options?.find((o) => o.value === v)?.label || v);
  return shown.join(', ');
}

/**
 * Changed since the page loaded (typed before our code arrived, or by the person): the value
 * differs from the markup's default. What the server rendered is not the person's typing.
 */
export function isDirty(field: PageField): boolean {
  const { info } = field;
  const controls = (info.elements ?? [info.element]) as Array<HTMLInputElement | HTMLSelectElement>;
  return controls.some((el) => {
    if (el.localName === 'select') {
      const select = el as HTMLSelectElement;
      const options = [...select.options];
      if (select.multiple) return options.some((o) => o.selected !== o.defaultSelected);
      // A single select with no `selected` attribute shows its first option by default.
      const initial = options.find((o) => o.defaultSelected) ?? options[0];
      return (initial?.value ?? '') !== select.value;
    }
    if (el.localName !== 'input' && el.localName !== 'textarea') return false;
    const input = el as HTMLInputElement;
    if (input.type === 'checkbox' || input.type === 'radio') return input.checked !== input.defaultChecked;
    return input.value !== input.defaultValue;
  });
}
