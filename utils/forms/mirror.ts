/**
 * Mirroring between readable mode's big copy of a field and the real control, both ways.
 * Writes go through the native prototype setter, as a person's typing would, so sites built with
 * React or Vue (which trap `value` on the element) notice, then fire the events sites listen to.
 */
import { ariaValue } from './controls.ts';
import { describeLabel, describeLegend, describeState } from './describe.ts';
import { FormsError } from './errors.ts';
import { cleanText } from './text.ts';
import type { FieldInfo } from './types.ts';

export type WriteOptions = {
  /** Also fire blur/focusout, so validation that runs when leaving a field runs now. */
  blur?: boolean;
};

type Win = Window & typeof globalThis;

function windowOf(el: Element): Win {
  return (el.ownerDocument.defaultView ?? globalThis) as Win;
}

/** The setter from the prototype chain, skipping any own-property trap set on the element itself. */
function nativeSetter(
  el: Element,
  prop: 'value' | 'checked',
): ((this: Element, v: unknown) => void) | undefined {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, prop);
    if (descriptor?.set) return descriptor.set as (this: Element, v: unknown) => void;
  }
  return undefined;
}

function fire(el: Element, type: string): void {
  const win = windowOf(el);
  const init = { bubbles: true, composed: true, cancelable: false };
  let event: Event;
  if (type === 'input' && typeof win.InputEvent === 'function') {
    event = new win.InputEvent('input', { ...init, inputType: 'insertReplacementText' });
  } else if ((type === 'blur' || type === 'focusout') && typeof win.FocusEvent === 'function') {
    event = new win.FocusEvent(type, { ...init, bubbles: type === 'focusout' });
  } else {
    event = new win.Event(type, init);
  }
  el.dispatchEvent(event);
}

function isFileInput(el: Element): boolean {
  return el.localName === 'input' && (el as HTMLInputElement).type === 'file';
}

function isToggle(el: Element): boolean {
  if (el.localName === 'input') {
    const type = (el as HTMLInputElement).type;
    return type === 'checkbox' || type === 'radio';
  }
  const role = el.getAttribute('role');
  return role === 'checkbox' || role === 'radio' || role === 'switch';
}

function isCheckedNow(el: Element): boolean {
  if (el.localName === 'input') return (el as HTMLInputElement).checked;
  return el.getAttribute('aria-checked') === 'true';
}

/** The radios answering with `el`: same name in the same form (or document), or the same radiogroup. */
export function radioGroupOf(el: Element): Element[] {
  if (el.localName !== 'input') {
    const group = el.closest('[role="radiogroup"]');
    return group ? [...group.querySelectorAll('[role="radio"]')] : [el];
  }
  const input = el as HTMLInputElement;
  if (!input.name) return [el];
  const scope: ParentNode = input.form ?? input.ownerDocument;
  return [...scope.querySelectorAll('input[type="radio"]')].filter(
    (r) => (r as HTMLInputElement).name === input.name && (r as HTMLInputElement).form === input.form,
  );
}

/** Space, as a keyboard user toggles an ARIA widget whose script ignores clicks. */
function pressSpace(el: Element): void {
  const win = windowOf(el);
  for (const type of ['keydown', 'keyup']) {
    el.dispatchEvent(
      new win.KeyboardEvent(type, { key: ' ', code: 'Space', bubbles: true, cancelable: true }),
    );
  }
}

function setChecked(el: Element, checked: boolean): void {
  if (isCheckedNow(el) === checked) return;
  // A click is what sites (React included) listen to for boxes: it toggles and fires click, input, change.
  (el as HTMLElement).click();
  if (isCheckedNow(el) !== checked && el.localName !== 'input') pressSpace(el);
  if (isCheckedNow(el) !== checked && el.localName === 'input') {
    // The site cancelled the click or the control is inert to clicks: set it and tell it anyway.
    nativeSetter(el, 'checked')?.call(el, checked);
    fire(el, 'input');
    fire(el, 'change');
  }
}

function setSelect(el: HTMLSelectElement, value: string | string[]): void {
  if (Array.isArray(value) || el.multiple) {
    const wanted = new Set(Array.isArray(value) ? value : [value]);
    for (const option of el.options) option.selected = wanted.has(option.value);
  } else {
    if (![...el.options].some((o) => o.value === value)) throw new FormsError('unknown-option', value);
    nativeSetter(el, 'value')?.call(el, value);
  }
  fire(el, 'input');
  fire(el, 'change');
}

function setText(el: Element, value: string): void {
  if (el.localName === 'input' || el.localName === 'textarea') {
    const setter = nativeSetter(el, 'value');
    if (setter) setter.call(el, value);
    else (el as HTMLInputElement).value = value;
  } else if (el.getAttribute('contenteditable') !== null || el.getAttribute('role') === 'textbox') {
    el.textContent = value;
  } else {
    throw new FormsError('not-a-control', el.localName);
  }
  fire(el, 'input');
  fire(el, 'change');
}

/**
 * Writes a value (text, select) or a checked state (checkbox, radio, switch) into the real control.
 * For a radio, a string picks the radio of the group with that value. File inputs are refused:
 * use `openRealFilePicker`.
 */
export function writeToReal(
  el: Element,
  value: string | string[] | boolean,
  options: WriteOptions = {},
): void {
  if (!el.isConnected) throw new FormsError('detached');
  if (isFileInput(el)) throw new FormsError('file-input');
  let target = el;
  if (isToggle(el)) {
    if (typeof value === 'boolean') {
      setChecked(el, value);
    } else {
      const wanted = Array.isArray(value) ? value[0] : value;
      const radio = radioGroupOf(el).find((r) => radioValueOf(r) === wanted);
      if (!radio) throw new FormsError('unknown-option', String(wanted));
      setChecked(radio, true);
      target = radio;
    }
  } else if (el.localName === 'select') {
    setSelect(el as HTMLSelectElement, typeof value === 'boolean' ? String(value) : value);
  } else if (isListbox(el)) {
    setListbox(el, typeof value === 'boolean' ? String(value) : value);
  } else {
    setText(el, Array.isArray(value) ? value.join(' ') : String(value));
  }
  if (options.blur) {
    fire(target, 'blur');
    fire(target, 'focusout');
  }
}

function radioValueOf(el: Element): string {
  if (el.localName === 'input') return (el as HTMLInputElement).value;
  return ariaValue(el);
}

function isListbox(el: Element): boolean {
  return el.localName !== 'select' && el.getAttribute('role') === 'listbox';
}

function listboxOptionsOf(el: Element): Element[] {
  return [...el.querySelectorAll('[role="option"]')];
}

/** Picks options of an ARIA listbox the way a person does: a click on each option to change. */
function setListbox(el: Element, value: string | string[]): void {
  const wanted = new Set(Array.isArray(value) ? value : value.split(',').filter(Boolean));
  const options = listboxOptionsOf(el);
  for (const v of wanted)
    if (!options.some((o) => ariaValue(o) === v)) throw new FormsError('unknown-option', v);
  const multiple = el.getAttribute('aria-multiselectable') === 'true';
  for (const option of options) {
    const selected = option.getAttribute('aria-selected') === 'true';
    const want = wanted.has(ariaValue(option));
    if (selected === want || (!multiple && !want)) continue;
    (option as HTMLElement).click();
  }
}

/** Opens the site's own file picker: the file never passes through us. */
export function openRealFilePicker(el: Element): void {
  if (!isFileInput(el)) throw new FormsError('not-a-file-input', el.localName);
  (el as HTMLInputElement).click();
}

export type RealState = {
  /** Absent for sensitive fields: their value is never read. */
  value?: string;
  checked?: boolean;
  error?: string;
  hint?: string;
  invalid: boolean;
};

function currentValue(field: FieldInfo): string | undefined {
  if (field.sensitive) return undefined;
  const el = field.element;
  if (field.type === 'radio') {
    const checked = (field.elements ?? radioGroupOf(el)).find(isCheckedNow);
    return checked ? radioValueOf(checked) : '';
  }
  if (field.type === 'file') {
    const files = (el as HTMLInputElement).files;
    return files ? [...files].map((f) => f.name).join(', ') : '';
  }
  if (el.localName === 'select' && (el as HTMLSelectElement).multiple) {
    return [...(el as HTMLSelectElement).selectedOptions].map((o) => o.value).join(',');
  }
  if (el.localName === 'input' || el.localName === 'select' || el.localName === 'textarea') {
    return (el as HTMLInputElement).value;
  }
  if (isToggle(el)) return undefined;
  if (isListbox(el))
    return listboxOptionsOf(el)
      .filter((o) => o.getAttribute('aria-selected') === 'true')
      .map(ariaValue)
      .join(',');
  return cleanText(el.textContent);
}

/** The real control's current value, checked state, hint and error, read afresh. */
export function readReal(field: FieldInfo): RealState {
  const el = field.element;
  let state: ReturnType<typeof describeState>;
  if (field.type === 'radio') {
    const container = el.closest('fieldset, [role="radiogroup"]');
    state = describeState(el, container ? describeLegend(container).hints : [], container);
  } else {
    const label = describeLabel(el);
    state = describeState(el, label.hints, undefined, label.errors);
  }
  const out: RealState = { invalid: state.invalid };
  const value = currentValue(field);
  if (value !== undefined) out.value = value;
  if (isToggle(el) && field.type !== 'radio') out.checked = isCheckedNow(el);
  if (state.error) out.error = state.error;
  if (state.hint) out.hint = state.hint;
  return out;
}

function sameState(a: RealState | undefined, b: RealState): boolean {
  return (
    a !== undefined &&
    a.value === b.value &&
    a.checked === b.checked &&
    a.error === b.error &&
    a.hint === b.hint &&
    a.invalid === b.invalid
  );
}

/** Elements whose text carries the field's hint or error, so their changes are watched too. */
function messageHolders(field: FieldInfo): Element[] {
  const el = field.element;
  const holders = new Set<Element>();
  const doc = el.ownerDocument;
  for (const control of field.elements ?? [el]) {
    for (const attr of ['aria-describedby', 'aria-errormessage']) {
      for (const id of (control.getAttribute(attr) ?? '').split(/\s+/)) {
        const ref = id ? doc.getElementById(id) : null;
        if (ref) holders.add(ref);
      }
    }
  }
  const group = el.closest(
    'fieldset, [role="radiogroup"], .fr-input-group, .fr-select-group, .fr-upload-group, .fr-checkbox-group, .fr-radio-group, .fr-toggle',
  );
  if (group) holders.add(group);
  return [...holders];
}

export type WatchOptions = {
  /**
   * Also poll every `pollMs` ms: a script that sets `el.value` fires no event and changes no
   * attribute. 0 (default) turns polling off.
   */
  pollMs?: number;
};

/**
 * Reports the real control's changes (typed by the person, set by the site, new error text) as
 * `RealState`, only when something changed. Returns the function that stops watching.
 */
export function watchReal(
  field: FieldInfo,
  onChange: (state: RealState) => void,
  options: WatchOptions = {},
): () => void {
  const el = field.element;
  const win = windowOf(el);
  let last: RealState | undefined = readReal(field);
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (!el.isConnected) return;
    const next = readReal(field);
    if (sameState(last, next)) return;
    last = next;
    onChange(next);
  };
  // Several mutations from one site update arrive together: read once, after them.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(check);
  };
  const controls = field.elements ?? (field.type === 'radio' ? radioGroupOf(el) : [el]);
  const events = ['input', 'change', 'focusout'];
  for (const control of controls) for (const type of events) control.addEventListener(type, check);
  const Observer = win.MutationObserver ?? globalThis.MutationObserver;
  const observer = Observer ? new Observer(schedule) : undefined;
  if (observer) {
    for (const control of controls) {
      observer.observe(control, {
        attributes: true,
        // A listbox's choice lives on its options.
        subtree: isListbox(control),
        attributeFilter: [
          'aria-selected',
          'value',
          'checked',
          'aria-checked',
          'aria-invalid',
          'aria-describedby',
          'class',
          'disabled',
        ],
      });
    }
    for (const holder of messageHolders(field)) {
      observer.observe(holder, {
        attributes: true,
        attributeFilter: ['class'],
        childList: true,
        characterData: true,
        subtree: true,
      });
    }
  }
  const timer = options.pollMs && options.pollMs > 0 ? win.setInterval(check, options.pollMs) : undefined;
  return () => {
    for (const control of controls) for (const type of events) control.removeEventListener(type, check);
    observer?.disconnect();
    if (timer !== undefined) win.clearInterval(timer);
  };
}

export type SubmitControl = {
  element: Element;
  label: string;
  kind: 'submit' | 'next' | 'previous' | 'other';
  disabled: boolean;
};

const NEXT =
  /\b(suivant|suivante|continuer|valider|envoyer|enregistrer|confirmer|terminer|transmettre|next|continue|submit|send)\b/i;
const PREVIOUS = /\b(pr[ée]c[ée]dent|pr[ée]c[ée]dente|retour|revenir|previous|back)\b/i;

function controlLabel(el: Element): string {
  if (el.localName === 'input')
    return cleanText(
      (el as HTMLInputElement).value || el.getAttribute('alt') || el.getAttribute('aria-label'),
    );
  return cleanText(el.getAttribute('aria-label') || el.textContent || el.getAttribute('title'));
}

/**
 * The real buttons that send or move the form on: its submit buttons (including `form=` buttons
 * outside it) and the "Suivant"/"Précédent" buttons or links of multi-step procedures.
 */
export function findSubmitControls(form: Element | Document): SubmitControl[] {
  const doc = form.nodeType === 9 ? (form as Document) : (form as Element).ownerDocument;
  const candidates = new Set<Element>(
    form.querySelectorAll('button, input[type="submit"], input[type="image"], [role="button"], a[href]'),
  );
  const formId = form.nodeType === 1 ? (form as Element).id : '';
  if (formId) {
    for (const el of doc.querySelectorAll('button[form], input[form]')) {
      if (el.getAttribute('form') === formId) candidates.add(el);
    }
  }
  const out: SubmitControl[] = [];
  for (const el of candidates) {
    const label = controlLabel(el);
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    const isSubmit =
      (el.localName === 'button' && (type === 'submit' || (type === '' && el.closest('form') !== null))) ||
      (el.localName === 'input' && (type === 'submit' || type === 'image'));
    let kind: SubmitControl['kind'] | undefined;
    if (PREVIOUS.test(label)) kind = 'previous';
    else if (NEXT.test(label)) kind = isSubmit ? 'submit' : 'next';
    else if (isSubmit) kind = 'submit';
    if (!kind) continue;
    // Links only count when they say "suivant"/"précédent" (a stepper's navigation).
    if (el.localName === 'a' && kind === 'submit') continue;
    if (el.closest('header, nav, footer, [role="banner"], [role="navigation"], [role="contentinfo"]'))
      continue;
    const disabled =
      (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
    out.push({ element: el, label, kind, disabled });
  }
  return out;
}
