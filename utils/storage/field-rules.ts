/**
 * The rules on saved answers, apart from where they are stored: what counts as empty, when two
 * values are the same, which fields are never stored (the shared rule of utils/forms/sensitive.ts),
 * what a save does to a stored value, and what a procedure still misses.
 */
import { type FieldDescriptor, isSensitiveField } from '../forms/sensitive.ts';
import type { SavedField } from './codec.ts';
import type { FieldValue } from './db.ts';
import { type FieldIdentity, matchIdentities } from './field-identity.ts';

export type RequiredField = FieldIdentity & { title?: string };
export type GuideRequirements = { fields?: RequiredField[]; documents?: string[]; steps?: string[] };
export type Missing = { fields: RequiredField[]; documents: string[]; steps: string[] };

export function isEmptyValue(value: FieldValue | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Same answer: text compared without surrounding spaces, a multiple choice in any order. */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
  }
  return a === b;
}

/** The shared rule (utils/forms/sensitive.ts) applied to a field's identity and input attributes. */
export function isSensitiveIdentity(identity: FieldIdentity, descriptor?: FieldDescriptor): boolean {
  return isSensitiveField({
    // Every clue of the descriptor (hint, placeholder, wasPassword…), identity as a fallback.
    ...descriptor,
    type: descriptor?.type ?? null,
    autocomplete: descriptor?.autocomplete ?? null,
    name: descriptor?.name ?? identity.name ?? null,
    id: descriptor?.id ?? identity.id ?? null,
    label: descriptor?.label ?? identity.label ?? null,
  });
}

/**
 * What saving this value does to the stored one: a sensitive field is never written and any value
 * stored for it earlier is removed; an emptied field is removed; anything else is kept.
 */
export type FieldChange = 'refuse-sensitive' | 'clear' | 'keep';

export function fieldChange(
  identity: FieldIdentity,
  value: FieldValue | null | undefined,
  descriptor?: FieldDescriptor,
): FieldChange {
  if (isSensitiveIdentity(identity, descriptor)) return 'refuse-sensitive';
  if (isEmptyValue(value)) return 'clear';
  return 'keep';
}

/** What the guide asks for that the procedure does not have yet. */
export function missingFor(
  requirements: GuideRequirements,
  saved: readonly Pick<SavedField, 'identity'>[],
  stepsDone: readonly string[],
  documentsTicked: readonly string[],
): Missing {
  const required = requirements.fields ?? [];
  const found = new Set(
    matchIdentities(
      required,
      saved.map((f) => f.identity),
    ).map((m) => m.saved),
  );
  return {
    fields: required.filter((_, i) => !found.has(i)),
    documents: (requirements.documents ?? []).filter((d) => !documentsTicked.includes(d)),
    steps: (requirements.steps ?? []).filter((s) => !stepsDone.includes(s)),
  };
}
