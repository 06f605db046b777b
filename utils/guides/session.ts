/**
 * A guide running on a live page, framework-free: follows the person through the steps (fields
 * typed in, buttons clicked, pages changed) and keeps the position so the next page of the
 * procedure goes on. The panel only renders `view()` and calls the actions. Loading the guides is
 * `loading.ts`; reading a field, `field-value.ts`; the kept position, `position-store.ts`.
 */

import {
  type Control,
  checkField,
  commitsOn,
  controlsOf,
  type FieldCheck,
  focusableOf,
  readValue,
} from './field-value.ts';
import type { Guide } from './format.ts';
import { type MatchContext, stepApplies } from './match.ts';
import { readPosition, type StorageLike, writePosition } from './position-store.ts';
import { watchRoute } from './route-watch.ts';
import { createGuideRun, type DoneContext, type GuideRun, type GuideRunState, isStepDone } from './run.ts';
import { isSensitiveElement } from './sensitive-target.ts';
import {
  decideTarget,
  describeTarget,
  isStrictValidator,
  type TargetDecision,
  type TargetDescription,
} from './target.ts';
import { waitForDecision } from './target-wait.ts';

/**
 * 'sensitive': the step's element is a password, card or one-time-code field; never pointed at.
 * 'ambiguous': several fields fit the step's clues and none clearly best: none is pointed at.
 */
export type TargetStatus = 'none' | 'searching' | 'found' | 'missing' | 'ambiguous' | 'sensitive';

export type SessionView = {
  state: GuideRunState;
  target: TargetStatus;
  /** Only when the target is found with certainty. */
  element: Element | null;
  /** The step's field in words, for when it is not found (missing or ambiguous). */
  description: TargetDescription | null;
  /** The resolver's last decision (score, runner-up, clues), for the health check. */
  decision: TargetDecision | null;
  check: FieldCheck | undefined;
  /** Why the step changed last: the panel announces 'auto' and 'page' moves. */
  moved: 'start' | 'auto' | 'manual' | 'page';
};

export type GuideSession = {
  readonly guide: Guide;
  readonly run: GuideRun;
  view(): SessionView;
  subscribe(listener: (view: SessionView) => void): () => void;
  next(): void;
  previous(): void;
  /** "C'est fait": marks the step done and moves on. */
  confirm(): void;
  goTo(index: number): void;
  /** Focuses the step's field; false when there is none on the page. */
  focusTarget(): boolean;
  dispose(): void;
};

export type SessionOptions = {
  doc: Document;
  win: Window;
  storage?: StorageLike;
  /** How long to wait for a step's element before saying it is missing. */
  waitMs?: number;
  /** Our own UI: events from it are not the person filling the page. */
  isOurs?: (node: Node) => boolean;
  /** Called after the step moved by itself, once its element is known (focus, highlight). */
  onAutoAdvance?: (view: SessionView, previous: Element | null) => void;
};

function eventSource(event: Event): Element | null {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
  const first = (path[0] ?? event.target) as Node | null;
  return first && (first as Element).nodeType === 1 ? (first as Element) : null;
}

export function createGuideSession(guide: Guide, options: SessionOptions): GuideSession {
  const { doc, win, storage, waitMs = 3000, isOurs = () => false } = options;
  const stored = readPosition(storage, guide);
  const run = createGuideRun(guide, stored ? { restore: stored.snapshot } : {});
  const url = () => win.location.href;
  const ctx = (): MatchContext => ({ url: url(), document: doc });

  let element: Element | null = null;
  let target: TargetStatus = 'none';
  let decision: TargetDecision | null = null;
  let check: FieldCheck | undefined;
  let moved: SessionView['moved'] = 'start';
  let enteredUrl = url();
  let finished = stored?.finished === true;
  let waiting: AbortController | null = null;
  let disposed = false;
  /** The person changed a control judged on leaving ('leave'): the step is checked when focus leaves it. */
  let pending = false;
  const listeners = new Set<(view: SessionView) => void>();

  const view = (): SessionView => {
    const state = run.state();
    const step = state.step;
    const description = step?.target && target !== 'found' ? describeTarget(step.target) : null;
    return {
      state: { ...state, finished: state.finished || finished },
      target,
      element,
      description,
      decision,
      check,
      moved,
    };
  };
  const emit = () => {
    const v = view();
    for (const listener of listeners) {
      try {
        listener(v);
      } catch {
        // A broken listener must not stop the guide.
      }
    }
  };
  const save = () =>
    writePosition(storage, { snapshot: run.snapshot(), url: enteredUrl, finished: finished || undefined });

  const recheck = () => {
    const step = run.state().step;
    check = element && step?.target ? checkField(step, readValue(element)) : undefined;
  };

  /** Looks for the current step's element, now or when it appears. */
  const locate = (after?: (previous: Element | null) => void, previous: Element | null = null) => {
    waiting?.abort();
    waiting = null;
    const step = run.state().step;
    element = null;
    decision = null;
    check = undefined;
    pending = false;
    if (!step?.target) {
      target = 'none';
      emit();
      after?.(previous);
      return;
    }
    const strict = isStrictValidator(step.field?.validator);
    const first = decideTarget(step.target, doc, { strict, ignore: isOurs });
    const settle = (result: TargetDecision) => {
      decision = result;
      const found = result.status === 'found' ? (result.element ?? null) : null;
      const secret = found !== null && isSensitiveElement(found);
      element = secret ? null : found;
      listenAround(element);
      target = secret
        ? 'sensitive'
        : found
          ? 'found'
          : result.status === 'ambiguous'
            ? 'ambiguous'
            : 'missing';
      recheck();
      emit();
      after?.(previous);
    };
    if (first.status === 'found') {
      settle(first);
      return;
    }
    decision = first;
    target = 'searching';
    emit();
    const controller = new AbortController();
    waiting = controller;
    const index = run.state().index;
    waitForDecision(step.target, doc, {
      timeoutMs: waitMs,
      signal: controller.signal,
      strict,
      ignore: isOurs,
    }).then((result) => {
      if (disposed || controller.signal.aborted || run.state().index !== index) return;
      waiting = null;
      settle(result);
    });
  };

  const stepChanged = (why: SessionView['moved'], previous: Element | null = null) => {
    moved = why;
    enteredUrl = url();
    save();
    locate(
      why === 'auto' && options.onAutoAdvance ? (prev) => options.onAutoAdvance?.(view(), prev) : undefined,
      previous,
    );
  };

  /** Marks the step done when its condition holds; moves on (and tells why). */
  const evaluate = (observed: Pick<DoneContext, 'fieldValue' | 'fieldValid' | 'clicked'>) => {
    const before = run.state().index;
    const previous = element;
    const result = run.evaluate({ ...observed, url: url() });
    if (!result.done) return false;
    if (result.state.finished) finished = true;
    if (result.state.index !== before || result.state.finished) stepChanged('auto', previous);
    else {
      save();
      emit();
    }
    return true;
  };

  const belongsToTarget = (source: Element): boolean => {
    if (!element) return false;
    if (element === source || element.contains(source)) return true;
    return controlsOf(element).includes(source as Control);
  };

  // Events are heard on the document, and on the shadow root or frame holding the field: "change"
  // does not cross shadow boundaries, and nothing crosses frames. Each event is handled once.
  const roots = new Set<Document | ShadowRoot>();
  const handled = new WeakSet<Event>();
  const once = (handler: (event: Event) => void) => (event: Event) => {
    if (handled.has(event)) return;
    handled.add(event);
    handler(event);
  };
  const listen = (root: Document | ShadowRoot) => {
    if (roots.has(root)) return;
    roots.add(root);
    root.addEventListener('input', inputListener, true);
    root.addEventListener('change', inputListener, true);
    root.addEventListener('click', clickListener, true);
    root.addEventListener('focusout', leaveListener, true);
  };
  const unlisten = (root: Document | ShadowRoot) => {
    root.removeEventListener('input', inputListener, true);
    root.removeEventListener('change', inputListener, true);
    root.removeEventListener('click', clickListener, true);
    root.removeEventListener('focusout', leaveListener, true);
  };
  const listenAround = (el: Element | null) => {
    const root = el?.getRootNode();
    if (root && root !== doc && (root.nodeType === 9 || root.nodeType === 11))
      listen(root as Document | ShadowRoot);
  };

  const observedNow = (): Pick<DoneContext, 'fieldValue' | 'fieldValid' | 'clicked'> => {
    if (run.state().step?.done.kind === 'clicked') return { clicked: true };
    recheck();
    return { fieldValue: check?.value, fieldValid: check?.ok };
  };

  const onInput = (event: Event) => {
    const source = eventSource(event);
    if (!source || isOurs(source) || !belongsToTarget(source)) return;
    const kind = run.state().step?.done.kind;
    recheck();
    if (kind === 'field-filled' || kind === 'field-valid') {
      // Typed text is judged on "change" (the browser fires it when the person leaves the field or
      // presses Enter). A list, radio, box or date changes while the person only browses it with the
      // arrows: judged when focus leaves it (onLeave), never on the keystroke.
      if (commitsOn(source) === 'leave') pending = true;
      else if (
        event.type === 'change' &&
        check &&
        evaluate({ fieldValue: check.value, fieldValid: check.ok })
      )
        return;
    }
    emit();
  };

  const onClick = (event: Event) => {
    const source = eventSource(event);
    if (!source || isOurs(source)) return;
    if (run.state().step?.done.kind !== 'clicked' || !element) return;
    if (!(element === source || element.contains(source))) return;
    // Space on a box or the arrows in a radio group are clicks too: judged on leaving, like a choice.
    if (commitsOn(source) === 'leave') pending = true;
    else evaluate({ clicked: true });
  };

  /** Focus is still on the step's control (the window lost focus, or focus moved inside a radio group). */
  const stillInside = (to: Element | null, home: Document): boolean => {
    if (to) return belongsToTarget(to);
    if (!home.hasFocus()) return true;
    let active: Element | null = home.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active !== null && belongsToTarget(active);
  };

  const onLeave = (event: Event) => {
    if (!pending || !element) return;
    const source = eventSource(event);
    if (!source || isOurs(source) || !belongsToTarget(source)) return;
    const to = ((event as FocusEvent).relatedTarget ?? null) as Element | null;
    // Seen from the document, a move inside a shadow root names the host: the shadow root's own
    // listener sees the real element and decides.
    if (to && to !== source && to.shadowRoot?.contains(source)) return;
    if (stillInside(to, source.ownerDocument)) return;
    pending = false;
    const observed = observedNow();
    if (to && isOurs(to)) {
      // Focus went to our panel (the person is about to press "Étape suivante" or "C'est fait"):
      // the step is done, but it does not move under their pointer.
      const step = run.state().step;
      if (step && isStepDone(step, { ...observed, url: url() })) {
        run.markDone();
        save();
      }
      emit();
      return;
    }
    if (!evaluate(observed)) emit();
  };
  const inputListener = once(onInput);
  const clickListener = once(onClick);
  // Not once(): the document may see a shadow root's move with the host as relatedTarget and leave
  // the decision to the shadow root's listener; pending makes the decision happen once.
  const leaveListener = onLeave;

  const onRoute = () => {
    // A single-page app changed its URL: "page-changed" steps are done, then follow the page.
    if (run.state().step?.done.kind === 'page-changed' && enteredUrl !== url()) {
      const previous = element;
      run.markDone();
      run.next();
      stepChanged('auto', previous);
    }
    syncToPage('page');
  };

  const syncToPage = (why: SessionView['moved']) => {
    const before = run.state().index;
    const after = run.syncToPage(ctx()).index;
    if (after !== before) {
      finished = false;
      stepChanged(why);
    } else locate();
  };

  // A new page load: a "page-changed" step left on the previous page is done now.
  if (stored?.url && stored.url !== url() && run.state().step?.done.kind === 'page-changed') {
    run.markDone();
    if (run.state().index < guide.steps.length - 1) run.next();
    else finished = true;
  }
  if (stored?.finished && stored.url !== url()) finished = false;
  const startIndex = run.state().index;
  let synced = run.syncToPage(ctx()).index;
  if (synced < startIndex) {
    // Back on an earlier page (or a new round after finishing): its first step not done yet.
    const here = firstOpenStepHere(guide, ctx(), run.state().done);
    if (here >= 0 && here !== synced) synced = run.goTo(here).index;
  }
  moved = synced !== startIndex || (stored && stored.url !== url()) ? 'page' : 'start';
  enteredUrl = url();
  save();
  locate();

  listen(doc);
  const stopRoute = watchRoute(win, onRoute);

  return {
    guide,
    run,
    view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    next() {
      // A choice made and not left yet (the person went straight to "Étape suivante"): it counts.
      const current = run.state().step;
      if (pending && current && isStepDone(current, { ...observedNow(), url: url() })) run.markDone();
      const state = run.state();
      if (state.index >= state.total - 1) {
        finished = true;
        save();
        emit();
        return;
      }
      run.next();
      stepChanged('manual');
    },
    previous() {
      finished = false;
      run.previous();
      stepChanged('manual');
    },
    confirm() {
      run.markDone();
      const state = run.state();
      if (state.index >= state.total - 1) {
        finished = true;
        save();
        emit();
        return;
      }
      run.next();
      stepChanged('manual');
    },
    goTo(index) {
      finished = false;
      run.goTo(index);
      stepChanged('manual');
    },
    focusTarget() {
      if (!element?.isConnected) return false;
      const control = focusableOf(element);
      try {
        control.focus({ preventScroll: true });
      } catch {
        return false;
      }
      return true;
    },
    dispose() {
      disposed = true;
      waiting?.abort();
      stopRoute();
      for (const root of roots) unlisten(root);
      roots.clear();
      listeners.clear();
    },
  };
}

/** The first step written for this page (a `when` that holds) not done yet, else the first one. */
export function firstOpenStepHere(guide: Guide, ctx: MatchContext, done: ReadonlySet<string>): number {
  let first = -1;
  for (let i = 0; i < guide.steps.length; i++) {
    const step = guide.steps[i];
    if (!step?.when || !stepApplies(step, ctx)) continue;
    if (!done.has(step.id)) return i;
    if (first < 0) first = i;
  }
  return first;
}
