/**
 * Restore planning: which saved answers go back into which fields of the page the person is on.
 * Pure (no storage, no page): the store gives the saved fields, the page gives its fields, and the
 * UI fills `fill`, asks about `conflicts`, and never fills a sensitive field.
 */
import type { FieldDescriptor } from '../forms/sensitive.ts';
import type { SavedField } from './codec.ts';
import type { FieldValue } from './db.ts';
import { type FieldIdentity, type IdentityMatch, matchIdentities, normalizePath } from './field-identity.ts';
import { isEmptyValue, isSensitiveIdentity, sameValue } from './field-rules.ts';

export type CurrentField = {
  identity: FieldIdentity;
  currentValue: FieldValue | null | undefined;
  descriptor?: FieldDescriptor;
};

export type RestoreItem = {
  /** Index in the `currentFields` given to restorePlan. */
  index: number;
  identity: FieldIdentity;
  value: FieldValue;
  score: number;
};
export type RestoreConflict = RestoreItem & { currentValue: FieldValue };
export type RestorePlan = {
  procedureId: string;
  /** Empty on the page: safe to fill. */
  fill: RestoreItem[];
  /** The site already shows another value: ask the person, never overwrite silently. */
  conflicts: RestoreConflict[];
  /** Already showing the saved value. */
  unchanged: RestoreItem[];
  /** Saved for this page but no field matches any more (the page changed). */
  notFound: SavedField[];
};

/** The plan for this page: only values saved on the same path, matched to non-sensitive fields. */
export function planRestore(
  procedureId: string,
  saved: readonly SavedField[],
  currentFields: readonly CurrentField[],
): RestorePlan {
  const paths = new Set(currentFields.map((f) => normalizePath(f.identity.path)));
  const onThisPage = saved.filter((s) => paths.has(normalizePath(s.identity.path)));
  const candidates = currentFields
    .map((field, index) => ({ field, index }))
    .filter(({ field }) => !isSensitiveIdentity(field.identity, field.descriptor));
  const matches: IdentityMatch[] = matchIdentities(
    onThisPage.map((s) => s.identity),
    candidates.map((c) => c.field.identity),
  );
  const plan: RestorePlan = { procedureId, fill: [], conflicts: [], unchanged: [], notFound: [] };
  const matched = new Set<number>();
  for (const m of matches) {
    const s = onThisPage[m.saved];
    const c = candidates[m.current];
    if (!s || !c) continue;
    matched.add(m.saved);
    const item: RestoreItem = {
      index: c.index,
      identity: c.field.identity,
      value: s.value,
      score: m.score,
    };
    const currentValue = c.field.currentValue;
    if (currentValue === null || currentValue === undefined) plan.fill.push(item);
    else if (sameValue(currentValue, s.value)) plan.unchanged.push(item);
    // An unticked box is not something the site filled in.
    else if (isEmptyValue(currentValue) || currentValue === false) plan.fill.push(item);
    else plan.conflicts.push({ ...item, currentValue });
  }
  onThisPage.forEach((s, i) => {
    if (!matched.has(i)) plan.notFound.push(s);
  });
  return plan;
}
