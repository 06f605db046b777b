/**
 * Where the person stands on the current page of the procedure. The site often shows its own
 * counter ("Étape 1 sur 6", one step per page); ours counts only the steps written for this page,
 * so the two never read as rival step numbers.
 */
import { canonicalize } from './canonical.ts';
import type { Guide } from './format.ts';

export type PagePosition = {
  /** 1-based position of the step among this page's steps. */
  current: number;
  /** How many steps are written for this page. */
  total: number;
};

/**
 * The run of consecutive steps sharing the current step's page condition (`when`), and the
 * current step's place in it. A guide without page conditions is one page.
 */
export function pagePosition(guide: Guide, index: number): PagePosition {
  const steps = guide.steps;
  if (steps.length === 0) return { current: 0, total: 0 };
  const at = Math.min(Math.max(0, Math.trunc(index) || 0), steps.length - 1);
  const key = (i: number) => {
    const when = steps[i]?.when;
    return when === undefined ? '' : canonicalize(JSON.parse(JSON.stringify(when)));
  };
  const here = key(at);
  let first = at;
  while (first > 0 && key(first - 1) === here) first--;
  let last = at;
  while (last < steps.length - 1 && key(last + 1) === here) last++;
  return { current: at - first + 1, total: last - first + 1 };
}
