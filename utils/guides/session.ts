/**
 * A guide running on a live page, framework-free: loads the bundled guides, picks the one for
 * this page, follows the person through the steps (fields typed in, buttons clicked, pages
 * changed) and keeps the position in sessionStorage so the next page of the procedure goes on.
 * The panel only renders `view()` and calls the actions.
 */
import type { Lang } from '../i18n/index.ts';
import { type ValidationResult, validationMessage } from '../validators/index.ts';
import { sha256Hex } from './bytes.ts';
import { type FetchLike, parseCatalog } from './catalog.ts';
import type { Guide, Step } from './format.ts';
import { guideMatches, type MatchContext, stepApplies } from './match.ts';
import { guideMessage } from './messages.ts';
import {
  createGuideRun,
  type GuideRun,
  type GuideRunSnapshot,
  type GuideRunState,
  validateStepField,
} from './progress.ts';
import { type GuideError, guideErrorText, parseGuideText } from './schema.ts';
import { isSensitiveElement } from './sensitive-target.ts';
import type { GuideTrust } from './sources.ts';
import { resolveTarget, waitForTarget, watchRoute } from './target.ts';

// ---------------------------------------------------------------------------------------------
// Loading

export type { FetchLike } from './catalog.ts';

export type GuideLoadProblem = {
  code: string;
  url?: string;
  guideId?: string;
  /** Plain message, French and English; other languages are rebuilt from `code` and `params`. */
  message: { fr: string; en: string };
  params?: Record<string, string | number>;
  errors?: GuideError[];
};

export type LoadedGuides = {
  guides: Guide[];
  problems: GuideLoadProblem[];
  /** By guide id, when guides come from several sources (see `collectGuides`). */
  trust?: Record<string, GuideTrust>;
};

export class GuideLoadError extends Error {
  readonly code = 'guides-unreachable';
  constructor(readonly url: string) {
    super(`Guides index unreachable: ${url}`);
    this.name = 'GuideLoadError';
  }
}

async function fetchText(fetchFn: FetchLike, url: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const response = await fetchFn(url, { signal });
    if (!response.ok) return null;
    return new TextDecoder().decode(await response.arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * Reads `<base>index.json` and every guide it lists. These are the guides bundled with us (the
 * widget's folder or the extension's own files, `chrome-extension:` included), so entries must
 * stay on the index's origin; a catalog's SHA-256 is checked. A plain list of file names is also
 * accepted. Bad guides are skipped and reported; only an unreachable index throws.
 * Remote catalogs (signatures, caching) go through `fetchCatalog` instead.
 */
export async function loadGuides(
  base: string,
  fetchFn: FetchLike,
  { signal }: { signal?: AbortSignal } = {},
): Promise<LoadedGuides> {
  const indexUrl = new URL('index.json', base).href;
  const text = await fetchText(fetchFn, indexUrl, signal);
  if (text === null) throw new GuideLoadError(indexUrl);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const catalog = parseCatalog(json);
  const entries: Array<{ url: string; id?: string; version?: string; sha256?: string }> | null = catalog.ok
    ? catalog.catalog.guides
    : (listedFiles(json)?.map((url) => ({ url })) ?? null);
  if (!entries) {
    return { guides: [], problems: [{ code: 'index-invalid', url: indexUrl, message: INDEX_INVALID }] };
  }
  const origin = new URL(indexUrl).origin;
  const guides: Guide[] = [];
  const problems: GuideLoadProblem[] = [];
  const seen = new Set<string>();
  const fail = (code: string, url: string, id: string, errors?: GuideError[]) => {
    const params = { id };
    const problem: GuideLoadProblem = {
      code,
      url,
      guideId: id,
      message: { fr: guideMessage('fr', code, params), en: guideMessage('en', code, params) },
      params,
    };
    if (errors) problem.errors = errors;
    problems.push(problem);
  };
  for (const entry of entries.slice(0, 500)) {
    const name = entry.id ?? entry.url;
    let url: string;
    try {
      url = new URL(entry.url, indexUrl).href;
    } catch {
      fail('guide-bad-url', entry.url, name);
      continue;
    }
    if (new URL(url).origin !== origin) {
      fail('guide-bad-url', url, name);
      continue;
    }
    const body = await fetchText(fetchFn, url, signal);
    if (body === null) {
      fail('guide-offline', url, name);
      continue;
    }
    if (entry.sha256 && (await sha256Hex(body)) !== entry.sha256) {
      fail('guide-hash-mismatch', url, name);
      continue;
    }
    const parsed = parseGuideText(body);
    if (!parsed.ok) {
      fail('guide-invalid', url, name, parsed.errors);
      continue;
    }
    if (
      (entry.id && parsed.guide.id !== entry.id) ||
      (entry.version && parsed.guide.version !== entry.version)
    ) {
      fail('guide-mismatch', url, name);
      continue;
    }
    if (seen.has(parsed.guide.id)) {
      fail('guide-duplicate', url, parsed.guide.id);
      continue;
    }
    seen.add(parsed.guide.id);
    guides.push(parsed.guide);
  }
  return { guides, problems };
}

const INDEX_INVALID = {
  fr: 'La liste des guides est illisible.',
  en: 'The list of guides cannot be read.',
};

/** `["a.json"]`, `{ guides: ["a.json"] }` or `{ guides: [{ url: "a.json" }] }`. */
function listedFiles(json: unknown): string[] | null {
  const list = Array.isArray(json) ? json : (json as { guides?: unknown } | null)?.guides;
  if (!Array.isArray(list)) return null;
  const files: string[] = [];
  for (const item of list.slice(0, 500)) {
    const url = typeof item === 'string' ? item : (item as { url?: unknown } | null)?.url;
    if (typeof url === 'string' && url !== '') files.push(url);
  }
  return files;
}

/** The problem's plain message in a language; the first details of an invalid guide follow it. */
export function loadProblemText(problem: GuideLoadProblem, lang: Lang, details = 3): string[] {
  const head =
    lang === 'fr' || lang === 'en'
      ? problem.message[lang]
      : problem.params
        ? guideMessage(lang, problem.code, problem.params)
        : problem.message.fr;
  const lines = [head];
  for (const error of (problem.errors ?? []).slice(0, details)) lines.push(guideErrorText(error, lang));
  return lines;
}

/** The guides written for this page (URL patterns and page conditions). */
export function guidesForPage(guides: readonly Guide[], ctx: MatchContext): Guide[] {
  return guides.filter((guide) => {
    try {
      return guideMatches(guide, ctx);
    } catch {
      return false;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Reading and checking a field

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const CONTROL_SELECTOR = 'input:not([type="hidden"]), select, textarea';

function isControl(el: Element | null | undefined): el is Control {
  const name = el?.localName;
  return name === 'input' || name === 'select' || name === 'textarea';
}

/** The control(s) behind a target: the element itself, its radio group, or the controls in a group. */
export function controlsOf(el: Element): Control[] {
  if (isControl(el)) {
    const input = el as HTMLInputElement;
    if (input.type === 'radio' && input.name) {
      const root = (input.form ?? input.getRootNode()) as ParentNode;
      const group = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter(
        (r) => r.name === input.name,
      );
      return group.length > 0 ? group : [input];
    }
    return [el];
  }
  return Array.from(el.querySelectorAll<Control>(CONTROL_SELECTOR));
}

/** What the person entered: a text, the chosen radio or option, "on" for a ticked box, file names. */
export function readValue(el: Element): string {
  const controls = controlsOf(el);
  const first = controls[0];
  if (!first) return '';
  const kind = (first as HTMLInputElement).type;
  if (first.localName === 'input' && (kind === 'radio' || kind === 'checkbox')) {
    const ticked = (controls as HTMLInputElement[]).filter((c) => c.checked);
    return ticked.map((c) => c.value || 'on').join(',');
  }
  if (first.localName === 'input' && kind === 'file') {
    const files = (first as HTMLInputElement).files;
    return files ? Array.from(files, (f) => f.name).join(',') : '';
  }
  return first.value ?? '';
}

export type FieldCheck = {
  value: string;
  empty: boolean;
  /** Only for steps with a validator or a date rule. */
  result?: ValidationResult;
  /** True when the value satisfies the step (filled, or valid for a validator). */
  ok: boolean;
};

export function checkField(step: Step | undefined, value: string): FieldCheck {
  const empty = value.trim() === '';
  if (!step?.field || empty) return { value, empty, ok: !empty && !hasValidator(step) };
  let result: ValidationResult | null;
  try {
    result = validateStepField(step, value);
  } catch {
    result = { valid: false, code: 'bad-format' };
  }
  if (!result) return { value, empty, ok: true };
  return { value, empty, result, ok: result.valid };
}

function hasValidator(step: Step | undefined): boolean {
  return Boolean(step?.field?.validator ?? step?.field?.dateRule);
}

/** The plain sentence for a check ("Il manque 2 chiffres"), or '' when there is nothing to say. */
export function checkMessage(lang: Lang, step: Step | undefined, check: FieldCheck | undefined): string {
  if (!check?.result || check.empty) return '';
  const validator = step?.field?.validator ?? 'date';
  return validationMessage(lang, validator, check.result);
}

// ---------------------------------------------------------------------------------------------
// Position kept between the pages of a procedure

export const positionKey = (guideId: string) => `pasapas:guide:${guideId}`;

export type StoredPosition = { snapshot: GuideRunSnapshot; url: string; finished?: boolean };

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readPosition(storage: StorageLike | undefined, guide: Guide): StoredPosition | undefined {
  try {
    const raw = storage?.getItem(positionKey(guide.id));
    if (!raw) return undefined;
    const data = JSON.parse(raw) as Partial<StoredPosition>;
    const snap = data?.snapshot;
    if (!snap || snap.guideId !== guide.id || typeof snap.index !== 'number' || !Array.isArray(snap.done))
      return undefined;
    return {
      snapshot: {
        guideId: guide.id,
        version: String(snap.version ?? ''),
        index: snap.index,
        done: snap.done.filter((d): d is string => typeof d === 'string'),
      },
      url: typeof data.url === 'string' ? data.url : '',
      finished: data.finished === true,
    };
  } catch {
    return undefined; // broken or blocked storage: start from the page
  }
}

export function writePosition(storage: StorageLike | undefined, position: StoredPosition): void {
  try {
    storage?.setItem(positionKey(position.snapshot.guideId), JSON.stringify(position));
  } catch {
    // Storage full or blocked: the guide still works on this page.
  }
}

// ---------------------------------------------------------------------------------------------
// The session

/** 'sensitive': the step's element is a password, card or one-time-code field; never pointed at. */
export type TargetStatus = 'none' | 'searching' | 'found' | 'missing' | 'sensitive';

export type SessionView = {
  state: GuideRunState;
  target: TargetStatus;
  element: Element | null;
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

/** The control to give focus to: the ticked radio, else the first control, else the element. */
export function focusableOf(el: Element): HTMLElement {
  const controls = controlsOf(el);
  const ticked = (controls as HTMLInputElement[]).find((c) => c.type === 'radio' && c.checked);
  return (ticked ?? controls[0] ?? el) as HTMLElement;
}

export function createGuideSession(guide: Guide, options: SessionOptions): GuideSession {
  const { doc, win, storage, waitMs = 3000, isOurs = () => false } = options;
  const stored = readPosition(storage, guide);
  const run = createGuideRun(guide, stored ? { restore: stored.snapshot } : {});
  const url = () => win.location.href;
  const ctx = (): MatchContext => ({ url: url(), document: doc });

  let element: Element | null = null;
  let target: TargetStatus = 'none';
  let check: FieldCheck | undefined;
  let moved: SessionView['moved'] = 'start';
  let enteredUrl = url();
  let finished = stored?.finished === true;
  let waiting: AbortController | null = null;
  let disposed = false;
  const listeners = new Set<(view: SessionView) => void>();

  const view = (): SessionView => {
    const state = run.state();
    return { state: { ...state, finished: state.finished || finished }, target, element, check, moved };
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
    check = undefined;
    if (!step?.target) {
      target = 'none';
      emit();
      after?.(previous);
      return;
    }
    const found = resolveTarget(step.target, doc);
    if (found && isSensitiveElement(found.element)) {
      target = 'sensitive';
      emit();
      after?.(previous);
      return;
    }
    if (found) {
      element = found.element;
      listenAround(element);
      target = 'found';
      recheck();
      emit();
      after?.(previous);
      return;
    }
    target = 'searching';
    emit();
    const controller = new AbortController();
    waiting = controller;
    const index = run.state().index;
    waitForTarget(step.target, doc, { timeoutMs: waitMs, signal: controller.signal }).then((result) => {
      if (disposed || controller.signal.aborted || run.state().index !== index) return;
      waiting = null;
      const secret = result !== null && isSensitiveElement(result.element);
      element = secret ? null : (result?.element ?? null);
      listenAround(element);
      target = secret ? 'sensitive' : result ? 'found' : 'missing';
      recheck();
      emit();
      after?.(previous);
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
  const evaluate = (observed: { fieldValue?: string; fieldValid?: boolean; clicked?: boolean }) => {
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
  };
  const unlisten = (root: Document | ShadowRoot) => {
    root.removeEventListener('input', inputListener, true);
    root.removeEventListener('change', inputListener, true);
    root.removeEventListener('click', clickListener, true);
  };
  const listenAround = (el: Element | null) => {
    const root = el?.getRootNode();
    if (root && root !== doc && (root.nodeType === 9 || root.nodeType === 11))
      listen(root as Document | ShadowRoot);
  };

  const onInput = (event: Event) => {
    const source = eventSource(event);
    if (!source || isOurs(source) || !belongsToTarget(source)) return;
    const step = run.state().step;
    recheck();
    const kind = step?.done.kind;
    // Text is judged when the person leaves the field (change), not in the middle of typing;
    // choices (radio, box, list, file) are complete as soon as they change.
    const complete = event.type === 'change' || !isTextEntry(source);
    if (complete && check && (kind === 'field-filled' || kind === 'field-valid')) {
      if (evaluate({ fieldValue: check.value, fieldValid: check.ok })) return;
    }
    emit();
  };

  const onClick = (event: Event) => {
    const source = eventSource(event);
    if (!source || isOurs(source)) return;
    if (run.state().step?.done.kind !== 'clicked' || !element) return;
    if (element === source || element.contains(source)) evaluate({ clicked: true });
  };
  const inputListener = once(onInput);
  const clickListener = once(onClick);

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

const TEXT_TYPES = new Set(['text', 'email', 'tel', 'number', 'search', 'url', 'password', 'date', '']);

function isTextEntry(el: Element): boolean {
  if (el.localName === 'textarea') return true;
  if (el.localName !== 'input') return (el as HTMLElement).isContentEditable === true;
  return TEXT_TYPES.has((el as HTMLInputElement).type);
}
