/**
 * Waiting for a step's element on a live page: decided by target.ts now, then again as the page
 * changes, until it is found or the time is up. Framework-free; never rejects.
 */
import type { Target } from './format.ts';
import { type DecideOptions, decideTarget, type ResolvedTarget, type TargetDecision } from './target.ts';

export type WaitOptions = DecideOptions & { timeoutMs?: number; signal?: AbortSignal; pollMs?: number };

/**
 * Decides on the target as soon as it is found: checked now, on every DOM mutation (coalesced),
 * and by a slow poll for what a MutationObserver on the document cannot see (shadow roots,
 * iframes). Gives the last decision (ambiguous or missing) after `timeoutMs` or when `signal`
 * aborts; never rejects.
 */
export function waitForDecision(
  target: Target,
  root: Document,
  options: WaitOptions = {},
): Promise<TargetDecision> {
  const { timeoutMs = 10_000, signal, pollMs = 300 } = options;
  const decide = () => decideTarget(target, root, { strict: options.strict, ignore: options.ignore });
  return new Promise((resolve) => {
    let last = decide();
    if (last.status === 'found' || signal?.aborted) {
      resolve(last);
      return;
    }
    const win = root.defaultView;
    let finished = false;
    let scheduled = false;
    let observer: MutationObserver | null = null;
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const finish = () => {
      if (finished) return;
      finished = true;
      observer?.disconnect();
      for (const t of timers) clearTimeout(t);
      clearInterval(poll);
      signal?.removeEventListener('abort', finish);
      resolve(last);
    };
    const check = () => {
      scheduled = false;
      if (finished) return;
      last = decide();
      if (last.status === 'found') finish();
    };
    signal?.addEventListener('abort', finish, { once: true });
    const Observer =
      (win as (Window & typeof globalThis) | null)?.MutationObserver ?? globalThis.MutationObserver;
    if (Observer) {
      observer = new Observer(() => {
        if (scheduled) return;
        scheduled = true;
        // Many mutations arrive in bursts: one lookup per burst is enough.
        timers.push(setTimeout(check, 16));
      });
      observer.observe(root, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: [
          'id',
          'name',
          'for',
          'aria-label',
          'aria-labelledby',
          'aria-describedby',
          'class',
          'hidden',
        ],
      });
    }
    const poll = setInterval(check, pollMs);
    timers.push(setTimeout(finish, timeoutMs));
  });
}

/** The element as soon as it is found with certainty; null after `timeoutMs` or on abort. */
export async function waitForTarget(
  target: Target,
  root: Document,
  options: WaitOptions = {},
): Promise<ResolvedTarget | null> {
  const decision = await waitForDecision(target, root, options);
  if (decision.status !== 'found' || !decision.element) return null;
  return {
    element: decision.element,
    strategy: decision.strategy ?? 'label',
    scope: decision.scope ?? 'document',
    decision,
  };
}
