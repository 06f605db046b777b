/**
 * The rules behind the studio tab's controls (components/features/studio): what a pick adds to
 * the draft, what the status line says about a refused pick, which choices a step's selects
 * offer, and how an edit becomes a patch. Pure functions of the draft, so the tab only wires them.
 */
import { DONE_KINDS, type DoneKind, type GuideValidatorId } from '../format.ts';
import { addStep, addUrlOf, type Draft, type DraftLang, type DraftStep, newDraft } from './draft.ts';
import type { PickOutcome } from './picker.ts';
import type { GlossaryLike } from './plain.ts';
import { proposeStep } from './propose.ts';

/** The background's answer to a pick; `no-page` when no tab could be reached at all. */
export type PickAnswer = PickOutcome | { ok: false; reason: 'no-page' };
export type StepPatch = Partial<Omit<DraftStep, 'key'>>;

/** The message key that says why a pick gave no step (a missing answer: no page to record). */
export function pickFailureKey(answer: PickAnswer | null): string {
  const reason = (answer && !answer.ok ? answer.reason : undefined) ?? 'no-page';
  if (reason === 'cancelled') return 'studio.cancelled';
  if (reason === 'no-page') return 'studio.noPage';
  return `studio.refused.${reason}`;
}

/**
 * The draft with the picked field as its last step (a new draft when there was none), its page's
 * folder among the guide's addresses; the new step's key and drafted French title with it.
 */
export function addPicked(
  draft: Draft | null,
  picked: Extract<PickOutcome, { ok: true }>,
): { draft: Draft; key: string; title: string } {
  const proposal = proposeStep(picked.clues, picked.page);
  const next = addStep(addUrlOf(draft ?? newDraft(), picked.page.url), proposal);
  return { draft: next, key: next.steps[next.steps.length - 1]?.key ?? '', title: proposal.title.fr };
}

/** The words a step's target is shown by in the list: its label, else its accessible name, else its name. */
export function targetLabel(step: DraftStep): string | null {
  if (!step.target) return null;
  const clues = step.target.clues;
  return clues.label ?? clues.accessibleName ?? clues.name ?? '?';
}

/** A step with nothing to point at can only be confirmed by the person or end with the page. */
export function doneKindsFor(step: DraftStep): DoneKind[] {
  return DONE_KINDS.filter((kind) => step.target || kind === 'confirmed' || kind === 'page-changed');
}

/** Choosing a validator (empty: none); a date rule only survives on a date. */
export function validatorPatch(step: DraftStep, value: GuideValidatorId | ''): StepPatch {
  return { validator: value || null, dateRule: value === 'date' ? step.dateRule : null };
}

/** A date rule from the select's value: `any` (or anything unknown) is no rule. */
export function dateRulePatch(value: string): StepPatch {
  return { dateRule: value === 'past' || value === 'future' ? value : null };
}

/** One part of the step's page condition; an emptied part is removed. */
export function whenPatch(step: DraftStep, part: 'urlPattern' | 'headingText', value: string): StepPatch {
  return { when: { ...(step.when ?? {}), [part]: value || undefined } };
}

/** One language of one of the step's texts. */
export function textPatch(
  step: DraftStep,
  part: 'title' | 'body' | 'describe',
  lang: DraftLang,
  value: string,
) {
  return { [part]: { ...step[part], [lang]: value } } as StepPatch;
}

/** The words the advice looks for: the guide's own terms (French) first, then the project's. */
export function adviceGlossary(draft: Draft | null, project: readonly GlossaryLike[]): GlossaryLike[] {
  return [
    ...(draft?.glossary ?? []).map((g) => ({ term: g.term.fr, definition: g.definition.fr })),
    ...project,
  ];
}

/** What is installed: the signed text when the mediator's key signed it, else the guide as exported. */
export function textToInstall(exported: string, signed: { ok: boolean; text?: string } | null): string {
  return signed?.ok && signed.text ? signed.text : exported;
}
