/**
 * The fields of the page that a value read from a document could go into, described without their DOM
 * element so the description can cross a message channel (the extension reads documents in its own page).
 */
import { discoverFields, type FieldInfo } from '../../forms/discover.ts';

/** Serializable description of one fillable control of the page. */
export type FillTarget = {
  key: string;
  label: string;
  hint?: string;
  name?: string;
  id?: string;
  autocomplete?: string;
  /** Input type, `textarea` or `select`. */
  type: string;
  maxLength?: number;
  dsfr: boolean;
};

/** What the active guide step asks for: its field (by key) and, when it says so, its validator. */
export type StepHint = { targetKey?: string; validator?: string };

/** Types a value from a document can go into (not boxes, files or passwords). */
const FILLABLE_TYPES = new Set([
  'text',
  'search',
  'email',
  'tel',
  'number',
  'date',
  'textarea',
  'textbox',
  'combobox',
]);

export type DiscoveredTargets = { targets: FillTarget[]; elements: Map<string, Element> };

function toTarget(field: FieldInfo): FillTarget {
  const target: FillTarget = { key: field.key, label: field.label, type: field.type, dsfr: field.dsfr };
  if (field.hint) target.hint = field.hint;
  if (field.name) target.name = field.name;
  if (field.id) target.id = field.id;
  if (field.constraints.autocomplete) target.autocomplete = field.constraints.autocomplete;
  if (field.constraints.maxLength !== undefined) target.maxLength = field.constraints.maxLength;
  return target;
}

/**
 * The page's fillable fields, in document order: visible, enabled, writable, not secret (passwords, card
 * numbers: nothing read from a photo goes there), and not ours (`isOurs` filters our own panel when it is not in a shadow root).
 */
export function discoverTargets(
  root: Document | Element,
  isOurs: (el: Element) => boolean = () => false,
): DiscoveredTargets {
  const fields = discoverFields(root, { includeHidden: false }).filter(
    (f) => FILLABLE_TYPES.has(f.type) && !f.disabled && !f.readOnly && !f.sensitive && !isOurs(f.element),
  );
  const elements = new Map<string, Element>();
  for (const f of fields) elements.set(f.key, f.element);
  return { targets: fields.map(toTarget), elements };
}
