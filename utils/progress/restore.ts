/**
 * When to offer "Reprendre où vous en étiez", and what to do once the person answered. The
 * answer is remembered per procedure for the tab's life, so the next page of a multi-page
 * procedure fills its empty fields without asking again; what the site filled itself is never
 * replaced without a question.
 */
import type { FieldValue, RestorePlan } from '../storage/index.ts';

export type ResumeAnswer = 'accepted' | 'declined' | undefined;

export type RestoreDecision =
  /** Nothing saved for these fields, or already the same. */
  | { kind: 'none' }
  /** First time on this procedure in this tab: show what would be restored, fill nothing yet. */
  | { kind: 'offer'; fill: RestorePlan['fill']; conflicts: RestorePlan['conflicts'] }
  /** Already accepted: fill the empty fields now, and ask about the others. */
  | { kind: 'fill'; fill: RestorePlan['fill']; conflicts: RestorePlan['conflicts'] };

export function decideRestore(plan: RestorePlan, answer: ResumeAnswer): RestoreDecision {
  if (plan.fill.length === 0 && plan.conflicts.length === 0) return { kind: 'none' };
  if (answer === 'declined') return { kind: 'none' };
  if (answer === 'accepted') return { kind: 'fill', fill: plan.fill, conflicts: plan.conflicts };
  return { kind: 'offer', fill: plan.fill, conflicts: plan.conflicts };
}

/** Where the tab remembers the answer (sessionStorage: gone with the tab, holds no personal data). */
export const answerKey = (procedureId: string) => `pasapas:progress:resume:${procedureId}`;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readAnswer(storage: StorageLike | undefined, procedureId: string): ResumeAnswer {
  try {
    const v = storage?.getItem(answerKey(procedureId));
    return v === 'accepted' || v === 'declined' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function writeAnswer(storage: StorageLike | undefined, procedureId: string, answer: ResumeAnswer) {
  try {
    if (answer) storage?.setItem(answerKey(procedureId), answer);
    else storage?.removeItem(answerKey(procedureId));
  } catch {
    // Blocked storage: the person is asked again on the next page, nothing worse.
  }
}

/** Items of the plan the person chose to apply, in page order, conflicts only when chosen. */
export function writesFor(
  decision: Extract<RestoreDecision, { kind: 'fill' }>,
  chosenConflicts: ReadonlySet<number> = new Set(),
): Array<{ index: number; value: FieldValue }> {
  const writes = decision.fill.map((i) => ({ index: i.index, value: i.value }));
  for (const c of decision.conflicts)
    if (chosenConflicts.has(c.index)) writes.push({ index: c.index, value: c.value });
  return writes.sort((a, b) => a.index - b.index);
}
