/**
 * "A step fails three times": the guide tab offers help places when the person's answer to one
 * step was refused three times (three different finished values, not each key typed).
 */
import type { SessionView } from '../guides/session.ts';

export const STUCK_AFTER = 3;

export type StuckCounter = {
  /** Looks at a view; returns how many times the current step was refused. */
  see(view: SessionView): number;
};

export function createStuckCounter(): StuckCounter {
  const refused = new Map<string, Set<string>>();
  return {
    see(view) {
      const step = view.state.step;
      if (!step) return 0;
      const seen = refused.get(step.id) ?? new Set<string>();
      const check = view.check;
      // A value being typed (a valid beginning) is not a failure yet.
      if (check?.result && !check.empty && !check.ok && !check.result.partial) {
        seen.add(check.value.trim());
        refused.set(step.id, seen);
      }
      return seen.size;
    },
  };
}
