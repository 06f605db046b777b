/** Does a guide, or one of its steps, apply to the page in front of us? */
import type { Guide, PageCondition, Step } from './format.ts';
import { patternMatchesUrl } from './match-pattern.ts';
import { normalizeText } from './text.ts';

export { type MatchPattern, parseMatchPattern, patternMatchesUrl } from './match-pattern.ts';

export type MatchContext = { url: string; document?: Document | null };

const HEADINGS = 'h1, h2, h3, h4, [role="heading"], legend, .fr-stepper__title';

function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null; // an invalid selector is a condition that does not hold
  }
}

export function pageConditionHolds(condition: PageCondition | undefined, ctx: MatchContext): boolean {
  if (!condition) return true;
  if (condition.urlPattern !== undefined && !patternMatchesUrl(condition.urlPattern, ctx.url)) return false;
  const needsDom =
    condition.headingText !== undefined ||
    condition.hasSelector !== undefined ||
    condition.hasForm !== undefined;
  if (!needsDom) return true;
  const doc = ctx.document;
  if (!doc) return false;
  if (condition.hasSelector !== undefined && !safeQuery(doc, condition.hasSelector)) return false;
  if (condition.hasForm !== undefined) {
    const hasForm = safeQuery(doc, 'form, input:not([type="hidden"]), select, textarea') !== null;
    if (hasForm !== condition.hasForm) return false;
  }
  if (condition.headingText !== undefined) {
    const wanted = normalizeText(condition.headingText);
    let found = false;
    for (const heading of Array.from(doc.querySelectorAll(HEADINGS))) {
      if (normalizeText(heading.textContent).includes(wanted)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

export function guideMatches(guide: Guide, ctx: MatchContext): boolean {
  if (!guide.matches.urls.some((pattern) => patternMatchesUrl(pattern, ctx.url))) return false;
  return pageConditionHolds(guide.matches.page, ctx);
}

export function stepApplies(step: Step, ctx: MatchContext): boolean {
  return pageConditionHolds(step.when, ctx);
}

/**
 * The step to show on this page: the current one if it still applies, else the next one that
 * applies, else an earlier step written for this very page (the person went back). -1 if none.
 */
export function currentStepIndex(guide: Guide, ctx: MatchContext, from = 0): number {
  const steps = guide.steps;
  const start = Math.min(Math.max(0, Math.trunc(from) || 0), steps.length - 1);
  const current = steps[start];
  if (current && stepApplies(current, ctx)) return start;
  for (let i = start + 1; i < steps.length; i++) {
    const step = steps[i];
    if (step && stepApplies(step, ctx)) return i;
  }
  for (let i = start - 1; i >= 0; i--) {
    const step = steps[i];
    if (step?.when && stepApplies(step, ctx)) return i;
  }
  return -1;
}

/** The guides written for this page (URL patterns and page conditions); a guide that throws is left out. */
export function guidesForPage(guides: readonly Guide[], ctx: MatchContext): Guide[] {
  return guides.filter((guide) => {
    try {
      return guideMatches(guide, ctx);
    } catch {
      return false;
    }
  });
}
