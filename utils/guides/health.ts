/**
 * Health check of a guide against pages of its site (`pasapas guide check`, and later the
 * extension's count of steps that no longer find their field): for each step whose `when` holds
 * on a page, the resolver's decision — found (which element, how sure), ambiguous (the
 * candidates) or missing — in plain data. Framework-free: any DOM, jsdom included.
 */
import { quickAccessibleName, visibleLabel } from './clues.ts';
import type { Guide } from './format.ts';
import { stepApplies } from './match.ts';
import { isSensitiveElement } from './sensitive-target.ts';
import { decideTarget, describeTarget, isStrictValidator, type TargetDescription } from './target.ts';

export type CheckedElement = { tag: string; id?: string; name?: string; label?: string; score: number };

export type StepCheck = {
  stepId: string;
  status: 'found' | 'ambiguous' | 'missing' | 'sensitive';
  /** 0 to 1: the best candidate's score, and the runner-up's. */
  score: number;
  runnerUp: number;
  strict: boolean;
  element?: CheckedElement;
  /** For an ambiguous step, the fields it hesitates between. */
  candidates: CheckedElement[];
  matchedClues: string[];
  /**
   * The recorded id or name this page gave to another field, set aside to find the step's own: the
   * step still works, but the publisher should record it again before the site changes more.
   */
  setAside: string[];
  description: TargetDescription | null;
};

export type PageCheck = { url: string; steps: StepCheck[] };

function describeElement(el: Element, score: number): CheckedElement {
  const out: CheckedElement = { tag: el.localName, score };
  const id = el.getAttribute('id');
  const name = el.getAttribute('name');
  const label = visibleLabel(el) || quickAccessibleName(el);
  if (id) out.id = id;
  if (name) out.name = name;
  if (label) out.label = label.slice(0, 200);
  return out;
}

/** Every step of the guide that has a target and applies to this page, decided on it. */
export function checkGuidePage(guide: Guide, doc: Document, url: string): PageCheck {
  const steps: StepCheck[] = [];
  for (const step of guide.steps) {
    if (!step.target || !stepApplies(step, { url, document: doc })) continue;
    const strict = isStrictValidator(step.field?.validator);
    const decision = decideTarget(step.target, doc, { strict });
    const check: StepCheck = {
      stepId: step.id,
      status: decision.status,
      score: decision.score,
      runnerUp: decision.runnerUp,
      strict,
      candidates: [],
      matchedClues: decision.matchedClues,
      setAside: decision.setAside,
      description: describeTarget(step.target),
    };
    if (decision.status === 'found' && decision.element) {
      check.element = describeElement(decision.element, decision.score);
      // A guide never points at a secret field, whatever its clues say.
      if (isSensitiveElement(decision.element)) check.status = 'sensitive';
    } else if (decision.status === 'ambiguous') {
      check.candidates = decision.candidates.map((c) => describeElement(c.element, c.score));
    }
    steps.push(check);
  }
  return { url, steps };
}

export type GuideCheckSummary = {
  /** Steps with a target found on at least one page. */
  found: string[];
  /** Steps with a target found on no page (ambiguous or missing wherever they apply). */
  notFound: string[];
  /** Steps with a target whose `when` holds on none of the pages given. */
  notApplied: string[];
};

export function summarizeGuideCheck(guide: Guide, pages: readonly PageCheck[]): GuideCheckSummary {
  const summary: GuideCheckSummary = { found: [], notFound: [], notApplied: [] };
  for (const step of guide.steps) {
    if (!step.target) continue;
    const seen = pages.flatMap((p) => p.steps.filter((s) => s.stepId === step.id));
    if (seen.length === 0) summary.notApplied.push(step.id);
    else if (seen.some((s) => s.status === 'found')) summary.found.push(step.id);
    else summary.notFound.push(step.id);
  }
  return summary;
}

const KIND_WORDS: Record<string, string> = {
  field: 'la case',
  choice: 'le choix',
  list: 'la liste',
  file: 'le champ pour joindre un fichier',
  button: 'le bouton',
  link: 'le lien',
};

/** "la case « Numéro fiscal », sous « Vos revenus »" (French, for the command line). */
export function describeInFrench(description: TargetDescription | null): string {
  if (!description) return 'ce champ';
  const what = `${KIND_WORDS[description.kind ?? ''] ?? 'le champ'} « ${description.label} »`;
  return description.under ? `${what}, sous « ${description.under} »` : what;
}
