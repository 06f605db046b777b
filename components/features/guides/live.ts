import type { FetchLike } from '../../../utils/guides/catalog';
import { controlsOf } from '../../../utils/guides/field-value';
import type { Guide } from '../../../utils/guides/format';
import { type LoadedGuides, loadGuides } from '../../../utils/guides/loading';
import { guidesForPage } from '../../../utils/guides/match';
import { readPosition } from '../../../utils/guides/position-store';
import { createGuideSession, type GuideSession, type SessionView } from '../../../utils/guides/session';
import {
  browserCatalogFetch,
  type ConfiguredGuides,
  collectGuides,
  loadConfiguredGuides,
} from '../../../utils/guides/sources';
import type { GuideSources } from './config';
import { createHighlight, type Highlight } from './highlight';

/**
 * The guide running on this page. It outlives the tab (closing the panel or switching tabs
 * keeps the highlight and the step tracking), and ends with the page.
 */
type Live = {
  loading?: Promise<LoadedGuides>;
  session: GuideSession | null;
  highlight: Highlight | null;
  stopHighlight?: () => void;
  labels: { fill: string; click: string };
};

const live: Live = { session: null, highlight: null, labels: { fill: '', click: '' } };

export function isOurs(node: Node | null): boolean {
  let n: Node | null = node;
  while (n) {
    if (n.nodeType === 1 && (n as Element).hasAttribute('data-pasapas-host')) return true;
    n = n.parentNode ?? (n as ShadowRoot).host ?? null;
  }
  return false;
}

const browserFetch: FetchLike = browserCatalogFetch((url, init) => fetch(url, init));

/** An administration may write addresses relative to its page. */
function absolute(config: ConfiguredGuides): ConfiguredGuides {
  const resolve = (url: string) => {
    try {
      return new URL(url, document.baseURI).href;
    } catch {
      return url;
    }
  };
  const out: ConfiguredGuides = { ...config, urls: (config.urls ?? []).map(resolve) };
  if (config.catalog) out.catalog = resolve(config.catalog);
  return out;
}

/** True when this panel has any guide to offer (bundled, installed or configured). */
export function hasGuideSources(base: string | undefined, sources: GuideSources): boolean {
  const configured = sources.configured;
  return !!(base || sources.installed || configured?.catalog || configured?.urls?.length);
}

/**
 * Loads the guides once per page (bundled, installed, configured, merged); a failed load can be
 * retried.
 */
export function guidesOnce(base: string | undefined, sources: GuideSources = {}): Promise<LoadedGuides> {
  const configured = sources.configured;
  live.loading ??= collectGuides({
    builtin: base ? () => loadGuides(base, browserFetch) : undefined,
    installed: sources.installed,
    configured:
      configured && (configured.catalog || configured.urls?.length)
        ? () => loadConfiguredGuides(absolute(configured), { fetch: browserFetch })
        : undefined,
  }).catch((error: unknown) => {
    live.loading = undefined;
    throw error;
  });
  return live.loading;
}

/** The guide to follow here: the one already running, else the first that matches. */
export function pickGuide(guides: readonly Guide[]): { matching: Guide[]; chosen: Guide | null } {
  const matching = guidesForPage(guides, { url: location.href, document });
  if (live.session && matching.some((g) => g.id === live.session?.guide.id)) {
    return { matching, chosen: live.session.guide };
  }
  let storage: Storage | undefined;
  try {
    storage = sessionStorage;
  } catch {
    storage = undefined;
  }
  const started = matching.find((g) => readPosition(storage, g));
  return { matching, chosen: started ?? (matching.length === 1 ? (matching[0] ?? null) : null) };
}

function prefersReducedMotion(): boolean {
  try {
    return matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}

function reveal(element: Element) {
  try {
    element.scrollIntoView({
      block: 'center',
      inline: 'nearest',
      behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    });
  } catch {
    // Old engines without options.
  }
}

export function setHighlightLabels(labels: { fill: string; click: string }) {
  live.labels = labels;
  if (live.session) drawHighlight(live.session.view());
}

function drawHighlight(view: SessionView) {
  const highlight = live.highlight;
  if (!highlight) return;
  const element = view.element;
  if (!element || view.target !== 'found' || view.state.finished) {
    highlight.hide();
    return;
  }
  const click = view.state.step?.done.kind === 'clicked' || isButton(element);
  highlight.show(element, click ? live.labels.click : live.labels.fill);
}

/** Buttons and links are to click, not to fill. */
function isButton(el: Element): boolean {
  const type = (el as HTMLInputElement).type;
  return (
    el.localName === 'button' ||
    el.localName === 'a' ||
    (el.localName === 'input' && (type === 'submit' || type === 'button')) ||
    el.getAttribute('role') === 'button'
  );
}

/**
 * When the person last pressed a pointer on the page. A step done on leaving a field moves focus
 * to the next step's field, unless the person just chose where to go with the mouse or a finger.
 */
let lastPointer = Number.NEGATIVE_INFINITY;
let pointerWatched = false;
const CHOSEN_MS = 1500;

/** Starts (or keeps) the session for a guide. */
export function startSession(guide: Guide): GuideSession {
  if (live.session?.guide.id === guide.id) return live.session;
  stopSession();
  if (!pointerWatched) {
    pointerWatched = true;
    document.addEventListener(
      'pointerdown',
      (e) => {
        // Our panel's buttons ("Aller au champ") are not a place the person chose on the page.
        if (!isOurs(e.target as Node | null)) lastPointer = performance.now();
      },
      true,
    );
  }
  let storage: Storage | undefined;
  try {
    storage = sessionStorage;
  } catch {
    storage = undefined;
  }
  live.highlight ??= createHighlight(document);
  let shown: Element | null = null;
  const session = createGuideSession(guide, {
    doc: document,
    win: window,
    storage,
    isOurs,
    onAutoAdvance(view) {
      // After the event that moved the step (a Tab key moves focus after "change").
      setTimeout(() => {
        if (live.session !== session || !view.element) return;
        const active = document.activeElement;
        if (active && isOurs(active)) return; // the person is in the panel: leave them there
        if (performance.now() - lastPointer < CHOSEN_MS) return; // they clicked where they wanted to be
        if (active && (view.element.contains(active) || controlsOf(view.element).includes(active as never)))
          return;
        session.focusTarget();
      }, 0);
    },
  });
  live.session = session;
  const onView = (view: SessionView) => {
    drawHighlight(view);
    if (view.element && view.element !== shown) {
      shown = view.element;
      reveal(view.element);
    }
  };
  const unsubscribe = session.subscribe(onView);
  live.stopHighlight = unsubscribe;
  onView(session.view());
  return session;
}

export function stopSession() {
  live.stopHighlight?.();
  live.session?.dispose();
  live.session = null;
  live.highlight?.hide();
}

export function currentSession(): GuideSession | null {
  return live.session;
}
