/**
 * A guide's run, pure: when is a step done, and a small state machine the UI drives
 * (next/previous/goTo/markDone/evaluate), auto-advancing when the done condition holds.
 */
import { type ValidationResult, validate } from '../validators/index.ts';
import type { Guide, Step } from './format.ts';
import { currentStepIndex, type MatchContext } from './match.ts';

/**
 * Checks a value typed for a step with the step's validator (and date rule), the same check the
 * UI shows next to the field. null when the step names no validator.
 */
export function validateStepField(step: Step, value: string): ValidationResult | null {
  const field = step.field;
  const id = field?.validator ?? (field?.dateRule ? 'date' : undefined);
  if (!id) return null;
  return validate(id, String(value ?? ''), id === 'date' ? field?.dateRule : undefined);
}

/** What the UI observed since the step was shown. */
export type DoneContext = {
  fieldValue?: string;
  /** Result of the step's validator on fieldValue; computed with validateStepField when left out. */
  fieldValid?: boolean;
  clicked?: boolean;
  /** Current URL, compared with the URL at which the step was entered. */
  url?: string;
  confirmed?: boolean;
};

export function isStepDone(step: Step, ctx: DoneContext, enteredUrl?: string): boolean {
  switch (step.done.kind) {
    case 'field-filled':
      return typeof ctx.fieldValue === 'string' && ctx.fieldValue.trim() !== '';
    case 'field-valid': {
      if (ctx.fieldValue !== undefined && ctx.fieldValue.trim() === '') return false;
      if (ctx.fieldValid !== undefined) return ctx.fieldValid;
      return ctx.fieldValue !== undefined && validateStepField(step, ctx.fieldValue)?.valid === true;
    }
    case 'clicked':
      return ctx.clicked === true;
    case 'page-changed':
      return ctx.url !== undefined && enteredUrl !== undefined && ctx.url !== enteredUrl;
    case 'confirmed':
      return ctx.confirmed === true;
    default:
      return false;
  }
}

export type GuideRunSnapshot = { guideId: string; version: string; index: number; done: string[] };
export type GuideRunState = {
  index: number;
  step: Step | undefined;
  done: ReadonlySet<string>;
  finished: boolean;
  total: number;
};

export type GuideRun = {
  readonly guide: Guide;
  state(): GuideRunState;
  next(): GuideRunState;
  previous(): GuideRunState;
  goTo(indexOrId: number | string): GuideRunState;
  markDone(stepId?: string): GuideRunState;
  /** Checks the current step's done condition; marks it done and moves on when it holds. */
  evaluate(ctx: DoneContext): { done: boolean; advanced: boolean; state: GuideRunState };
  /** Moves to the step that applies to this page (multi-page guides, back button). */
  syncToPage(ctx: MatchContext): GuideRunState;
  subscribe(listener: (state: GuideRunState) => void): () => void;
  snapshot(): GuideRunSnapshot;
};

export type GuideRunOptions = { autoAdvance?: boolean; restore?: Partial<GuideRunSnapshot> };

export function createGuideRun(guide: Guide, options: GuideRunOptions = {}): GuideRun {
  const { autoAdvance = true, restore } = options;
  const total = guide.steps.length;
  const ids = new Set(guide.steps.map((s) => s.id));
  // A snapshot from another version of the guide keeps only the steps that still exist.
  const done = new Set((restore?.done ?? []).filter((id) => ids.has(id)));
  let index = clamp(restore?.index ?? 0);
  let finished = false;
  let enteredUrl: string | undefined;
  const listeners = new Set<(state: GuideRunState) => void>();

  function clamp(i: number): number {
    if (!Number.isFinite(i)) return 0;
    return Math.min(Math.max(0, Math.trunc(i)), Math.max(0, total - 1));
  }
  const state = (): GuideRunState => ({ index, step: guide.steps[index], done, finished, total });
  const emit = () => {
    const s = state();
    for (const listener of listeners) {
      try {
        listener(s);
      } catch {
        // One broken listener must not stop the others.
      }
    }
    return s;
  };
  const moveTo = (i: number) => {
    const target = clamp(i);
    if (target !== index) enteredUrl = undefined;
    index = target;
    finished = false;
    return emit();
  };

  const run: GuideRun = {
    guide,
    state,
    next() {
      if (index >= total - 1) {
        finished = true;
        return emit();
      }
      return moveTo(index + 1);
    },
    previous() {
      return moveTo(index - 1);
    },
    goTo(indexOrId) {
      if (typeof indexOrId === 'string') {
        const i = guide.steps.findIndex((s) => s.id === indexOrId);
        return i < 0 ? state() : moveTo(i);
      }
      return moveTo(indexOrId);
    },
    markDone(stepId) {
      const id = stepId ?? guide.steps[index]?.id;
      if (id !== undefined && ids.has(id)) done.add(id);
      return emit();
    },
    evaluate(ctx) {
      const step = guide.steps[index];
      if (!step) return { done: false, advanced: false, state: state() };
      if (enteredUrl === undefined && ctx.url !== undefined) enteredUrl = ctx.url;
      if (!isStepDone(step, ctx, enteredUrl)) return { done: false, advanced: false, state: state() };
      done.add(step.id);
      if (!autoAdvance) return { done: true, advanced: false, state: emit() };
      const before = index;
      const s = run.next();
      return { done: true, advanced: s.index !== before || s.finished, state: s };
    },
    syncToPage(ctx) {
      const i = currentStepIndex(guide, ctx, index);
      return i < 0 || i === index ? state() : moveTo(i);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot() {
      return { guideId: guide.id, version: guide.version, index, done: [...done] };
    },
  };
  return run;
}
