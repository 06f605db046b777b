/**
 * A guide never points at a password, card or one-time-code field: its values are the person's
 * alone (and a hostile guide would otherwise walk them to it on any page it claims). Checked
 * twice, with the product's one rule `isSensitiveField`: on the guide's clues when it is read,
 * and on the element actually found on the page, whose attributes the guide cannot foresee.
 */
import { type FieldDescriptor, isSensitiveField } from '../forms/sensitive.ts';
import type { Target } from './format.ts';

const TEXT_CLUES = ['name', 'id', 'label', 'aria', 'dsfrGroup'] as const;
type Clue = (typeof TEXT_CLUES)[number] | 'selector' | 'clues';

const ATTRIBUTE = /\[\s*([\w-]+)\s*(?:[~|^$*]?=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+)))?\s*(?:[iIsS]\s*)?\]/g;
const MAX_SELECTOR_PARTS = 200;

/** What a CSS selector says of the element it wants: each attribute, #id and .class as a field clue. */
export function selectorDescriptors(selector: string): FieldDescriptor[] {
  const out: FieldDescriptor[] = [];
  const rest = selector.replace(
    ATTRIBUTE,
    (_all, rawName: string, dq?: string, sq?: string, bare?: string) => {
      if (out.length >= MAX_SELECTOR_PARTS) return ' ';
      const value = dq ?? sq ?? bare ?? '';
      const name = rawName.toLowerCase();
      if (name === 'type') out.push({ type: value });
      else if (name === 'autocomplete') out.push({ autocomplete: value });
      else if (name === 'name') out.push({ name: value });
      else if (name === 'id') out.push({ id: value });
      else if (name === 'aria-label' || name === 'placeholder' || name === 'title')
        out.push({ label: value });
      else if (name === 'class') out.push({ name: value });
      return ' ';
    },
  );
  for (const m of rest.matchAll(/([#.])((?:[\w-]|\\.)+)/g)) {
    if (out.length >= MAX_SELECTOR_PARTS) break;
    const word = (m[2] ?? '').replace(/\\(.)/g, '$1');
    out.push(m[1] === '#' ? { id: word } : { name: word });
  }
  return out;
}

/** The first clue of a step's target that names a secret field, or null. */
export function sensitiveTargetClue(target: Target): Clue | null {
  for (const key of TEXT_CLUES) {
    const value = target[key];
    if (!value) continue;
    const descriptor: FieldDescriptor =
      key === 'name' ? { name: value } : key === 'id' ? { id: value } : { label: value };
    if (isSensitiveField(descriptor)) return key;
  }
  if (target.selector && selectorDescriptors(target.selector).some(isSensitiveField)) return 'selector';
  const clues = target.clues;
  if (
    clues &&
    isSensitiveField({
      type: clues.type,
      autocomplete: clues.autocomplete,
      name: clues.name,
      id: clues.id,
      label: [clues.label, clues.accessibleName].filter(Boolean).join(' · '),
      hint: clues.hint,
    })
  )
    return 'clues';
  return null;
}

const CONTROLS = 'input, select, textarea, [contenteditable="true"], [role="textbox"]';
const MAX_CONTROLS = 50;

function attr(el: Element, name: string): string | null {
  return el.getAttribute(name);
}

/** The words a person sees for the field: its labels, aria-label(ledby), placeholder. */
function labelOf(el: Element): string {
  const parts: string[] = [];
  const labels = (el as HTMLInputElement).labels;
  if (labels) for (const label of Array.from(labels)) parts.push(label.textContent ?? '');
  const root = el.getRootNode() as Document | ShadowRoot;
  for (const id of (attr(el, 'aria-labelledby') ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const ref = typeof root.getElementById === 'function' ? root.getElementById(id) : null;
    if (ref) parts.push(ref.textContent ?? '');
  }
  for (const name of ['aria-label', 'placeholder', 'title']) parts.push(attr(el, name) ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** One control as the sensitive-field rule reads it. */
export function describeElement(el: Element): FieldDescriptor {
  return {
    type: attr(el, 'type'),
    autocomplete: attr(el, 'autocomplete'),
    name: attr(el, 'name'),
    id: attr(el, 'id'),
    label: labelOf(el),
  };
}

function controlIsSensitive(el: Element): boolean {
  const type = (attr(el, 'type') ?? '').toLowerCase();
  // A box's checked state is no secret, even next to "mot de passe" (show-password toggles).
  if (type === 'checkbox' || type === 'radio') return false;
  // DSFR's password component keeps its field there, even once "Afficher" made it type=text.
  if (el.closest('.fr-password')) return true;
  return isSensitiveField(describeElement(el));
}

/**
 * Whether the element a step resolved to is, or holds, a secret field. Buttons and links are not
 * fields. A group (a DSFR group found by its label) is sensitive when one of its controls is.
 */
export function isSensitiveElement(el: Element): boolean {
  try {
    if (el.matches(CONTROLS)) return controlIsSensitive(el);
    if (el.matches('button, a, [role="button"], [role="link"]')) return false;
    const controls = Array.from(el.querySelectorAll(CONTROLS)).slice(0, MAX_CONTROLS);
    return controls.some(controlIsSensitive);
  } catch {
    return false;
  }
}
