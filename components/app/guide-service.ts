/**
 * The guides this panel can use and the one followed on this page: a service of the panel's
 * context, shared by the guides tab, the side panel's page commands, progress (which procedure this
 * page belongs to) and OCR (the step's field). Made per panel from mountPanel's options, so there is
 * no module-level state: two panels, or two tests, each have their own. Loaded on first use (its
 * own chunk). The highlight on the page is the guides feature's: it follows `onSession`.
 */
import { controlsOf } from '../../utils/guides/field-value';
import type { Guide } from '../../utils/guides/format';
import type { HealthOutcome } from '../../utils/guides/health-count';
import { type LoadedGuides, loadGuides } from '../../utils/guides/loading';
import { guidesForPage } from '../../utils/guides/match';
import { readPosition } from '../../utils/guides/position-store';
import { createGuideSession, type GuideSession } from '../../utils/guides/session';
import {
  browserCatalogFetch,
  type ConfiguredGuides,
  collectGuides,
  type InstalledEntry,
  loadConfiguredGuides,
} from '../../utils/guides/sources';
import { holdsWords, mayTakeFocus, typingIn } from '../../utils/layout/page-focus';

/**
 * Where the guides come from. `base`: the bundled guides (`<widget base>/guides/`, or the
 * extension's). `installed`: the mediator's guides, asked from the background (extension).
 * `configured`: the administration's guides and catalog (widget, or handed over to the extension).
 */
export type GuideSources = {
  base?: string;
  installed?: () => Promise<readonly InstalledEntry[]>;
  configured?: ConfiguredGuides;
  /** Counts a step's target found, ambiguous or missing on this page (the guides' health; extension). */
  reportHealth?: (entry: {
    guideId: string;
    version: string;
    stepId: string;
    outcome: HealthOutcome;
  }) => void;
};

/**
 * Each step's target outcome, once per step and page load, as the session settles it: what the
 * guides' health counts (ids and outcome only). A step still searching is not counted yet.
 */
function countOutcomes(session: GuideSession, report: NonNullable<GuideSources['reportHealth']>): () => void {
  const counted = new Set<string>();
  const look = (view: ReturnType<GuideSession['view']>) => {
    const stepId = view.state.step?.id;
    const outcome = view.target;
    if (!stepId || counted.has(stepId)) return;
    if (outcome !== 'found' && outcome !== 'ambiguous' && outcome !== 'missing') return;
    counted.add(stepId);
    report({ guideId: session.guide.id, version: session.guide.version, stepId, outcome });
  };
  // The first step may have settled while the session was made, before anyone listened.
  look(session.view());
  return session.subscribe(look);
}

export type GuideService = {
  /** True when this panel has any guide to offer (bundled, installed or configured). */
  readonly available: boolean;
  /** The guides, loaded once (bundled, installed, configured, merged); a failed load can be retried. */
  load(): Promise<LoadedGuides>;
  /** The guide to follow here: the one already running, else one already started in this tab, else the only match. */
  pick(guides: readonly Guide[]): { matching: Guide[]; chosen: Guide | null };
  current(): GuideSession | null;
  /** Starts (or keeps) the session for a guide. */
  start(guide: Guide): GuideSession;
  stop(): void;
  /** Each session started (null when it stops), and the current one at once. */
  onSession(listener: (session: GuideSession | null) => void): () => void;
  /** The panel unmounts: the session ends, the listeners go. */
  dispose(): void;
};

/**
 * When the person last pressed a pointer on the page. A step done on leaving a field moves focus
 * to the next step's field, unless the person just chose where to go with the mouse or a finger.
 * Also how recent the Tab key must be for an empty field to count as reached by it.
 */
const CHOSEN_MS = 1500;

function tabStorage(win: Window): Storage | undefined {
  try {
    return win.sessionStorage;
  } catch {
    return undefined;
  }
}

type BuiltinGuides = Awaited<ReturnType<typeof loadGuides>>;
type ConfiguredCandidates = Awaited<ReturnType<typeof loadConfiguredGuides>>;

/** A source read once: its first answer (a failure is asked again next time). */
function memo<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= read().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}

/** An administration may write addresses relative to its page. */
function absolute(config: ConfiguredGuides, baseURI: string): ConfiguredGuides {
  const resolve = (url: string) => {
    try {
      return new URL(url, baseURI).href;
    } catch {
      return url;
    }
  };
  const out: ConfiguredGuides = { ...config, urls: (config.urls ?? []).map(resolve) };
  if (config.catalog) out.catalog = resolve(config.catalog);
  return out;
}

export function createGuideService(options: {
  doc: Document;
  isOurs: (node: Node | null) => boolean;
  sources: GuideSources;
  fetch?: typeof fetch;
}): GuideService {
  const { doc, isOurs, sources } = options;
  const win = doc.defaultView ?? window;
  const browserFetch = browserCatalogFetch((url, init) => (options.fetch ?? fetch)(url, init));
  const configured = sources.configured;
  const hasConfigured = !!(configured && (configured.catalog || configured.urls?.length));
  let loading: Promise<LoadedGuides> | undefined;
  let builtin: (() => Promise<BuiltinGuides>) | undefined;
  let fromConfig: (() => Promise<ConfiguredCandidates>) | undefined;
  let session: GuideSession | null = null;
  const listeners = new Set<(session: GuideSession | null) => void>();
  let lastPointer = Number.NEGATIVE_INFINITY;
  let lastTab = Number.NEGATIVE_INFINITY;
  const onPointer = (e: Event) => {
    // Our panel's buttons ("Aller au champ") are not a place the person chose on the page.
    if (!isOurs(e.target as Node | null)) lastPointer = performance.now();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Tab' && !isOurs(e.target as Node | null)) lastTab = performance.now();
  };
  let pointerWatched = false;
  let stopCounting: (() => void) | undefined;

  const tell = () => {
    for (const listener of [...listeners]) listener(session);
  };

  const service: GuideService = {
    available: !!(sources.base || sources.installed || hasConfigured),
    load() {
      // The bundled and the administration's guides are read once. The mediator's installed ones
      // are asked again each time: a guide installed from the studio while this page is open is
      // offered the next time the panel opens, without reloading the page.
      if (loading && !sources.installed) return loading;
      const previous = loading;
      const next = (async () => {
        builtin ??= sources.base ? memo(() => loadGuides(sources.base as string, browserFetch)) : undefined;
        fromConfig ??=
          configured && hasConfigured
            ? memo(() => loadConfiguredGuides(absolute(configured, doc.baseURI), { fetch: browserFetch }))
            : undefined;
        try {
          return await collectGuides({ builtin, installed: sources.installed, configured: fromConfig });
        } catch (error) {
          // A failed refresh keeps what was loaded before.
          if (previous) return previous;
          throw error;
        }
      })();
      loading = next;
      next.catch(() => {
        if (loading === next) loading = undefined;
      });
      return next;
    },
    pick(guides) {
      const matching = guidesForPage(guides, { url: win.location.href, document: doc });
      if (session && matching.some((g) => g.id === session?.guide.id)) {
        return { matching, chosen: session.guide };
      }
      const storage = tabStorage(win);
      const started = matching.find((g) => readPosition(storage, g));
      return { matching, chosen: started ?? (matching.length === 1 ? (matching[0] ?? null) : null) };
    },
    current: () => session,
    start(guide) {
      if (session?.guide.id === guide.id) return session;
      service.stop();
      if (!pointerWatched) {
        pointerWatched = true;
        doc.addEventListener('pointerdown', onPointer, true);
        doc.addEventListener('keydown', onKey, true);
      }
      const started: GuideSession = createGuideSession(guide, {
        doc,
        win,
        storage: tabStorage(win),
        isOurs,
        onAutoAdvance(view) {
          // After the event that moved the step (a Tab key moves focus after "change").
          setTimeout(() => {
            if (session !== started || !view.element) return;
            const active = doc.activeElement;
            if (active && isOurs(active)) return; // the person is in the panel: leave them there
            if (performance.now() - lastPointer < CHOSEN_MS) return; // they clicked where they wanted to be
            if (
              active &&
              (view.element.contains(active) || controlsOf(view.element).includes(active as never))
            )
              return;
            // The person types in another field of the page (they went there, or the step was done
            // late, as the panel reopened): never pull them out of it (utils/layout/page-focus.ts).
            // An empty field only reached by the Tab that finished the step is not theirs yet; one
            // they went to another way (a screen reader, the site's own script, a label) is.
            const byTab = performance.now() - lastTab < CHOSEN_MS;
            const field = typingIn(doc, isOurs);
            if (!mayTakeFocus(doc, isOurs, view.element) && (holdsWords(field) || !byTab)) return;
            started.focusTarget();
          }, 0);
        },
      });
      session = started;
      if (sources.reportHealth) stopCounting = countOutcomes(started, sources.reportHealth);
      tell();
      return started;
    },
    stop() {
      if (!session) return;
      stopCounting?.();
      stopCounting = undefined;
      session.dispose();
      session = null;
      tell();
    },
    onSession(listener) {
      listeners.add(listener);
      listener(session);
      return () => listeners.delete(listener);
    },
    dispose() {
      service.stop();
      listeners.clear();
      doc.removeEventListener('pointerdown', onPointer, true);
      doc.removeEventListener('keydown', onKey, true);
    },
  };
  return service;
}
