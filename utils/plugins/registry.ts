/**
 * Feature plugins: each feature (comfort, speech, readable, guides, ocr, progress) declares
 * itself here and the panel is composed from the registry. The tab is lazy: its code loads
 * only when the person opens it, which keeps the first panel paint small.
 */
export const FEATURE_IDS = ['guides', 'readable', 'comfort', 'speech', 'ocr', 'progress'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

/** Where a feature can show: the in-page panel of the extension, the extension's side panel, the widget. */
export type FeatureContext = 'page' | 'sidepanel' | 'widget';

/**
 * One feature plugin. Besides its tab, a feature owns its page work (`setup`, tied to an
 * AbortSignal as refined-github's features are), the commands our extension pages send it on the
 * page (`command`), and its section of the options page (`loadOptions`): the panel's shell, the
 * page script and the options page know no feature by name. `Ctx` is what the shell passes in
 * (the panel's services); it stays generic here so this file knows nothing of Preact.
 */
export type FeatureDefinition<Tab = unknown, Ctx = unknown> = {
  id: FeatureId;
  /** i18n key of the tab label. */
  labelKey: string;
  /** SVG path data (24×24 viewBox), drawn by the panel; no remote icons. */
  icon: string;
  order: number;
  contexts: readonly FeatureContext[];
  /** Loads the tab's code on first use. */
  loadTab: () => Promise<Tab>;
  /** Extension permissions the feature needs, for documentation and the options page. */
  permissions?: readonly string[];
  /**
   * Page work when the panel mounts on a page (extension page script or widget; not the side
   * panel): loads its own code lazily; stops everything when `signal` aborts (the panel unmounts).
   */
  setup?: (ctx: Ctx, signal: AbortSignal) => void | Promise<void>;
  /** A command from our extension pages (side panel, OCR frame), relayed to this page: plain data in and out. */
  command?: (command: unknown, ctx: Ctx) => Promise<unknown>;
  /** The feature's section of the extension's options page, loaded when that page opens. */
  loadOptions?: () => Promise<Tab>;
};

export function isFeatureId(value: string): value is FeatureId {
  return (FEATURE_IDS as readonly string[]).includes(value);
}

export type Registry<Tab, Ctx = unknown> = {
  register(feature: FeatureDefinition<Tab, Ctx>): void;
  get(id: FeatureId): FeatureDefinition<Tab, Ctx> | undefined;
  /** The features for a context, in panel order, optionally limited to an allow-list (widget `data-features`). */
  list(context: FeatureContext, enabled?: readonly FeatureId[]): FeatureDefinition<Tab, Ctx>[];
  /** Every feature, in panel order (the options page, which is no panel context). */
  all(): FeatureDefinition<Tab, Ctx>[];
};

export class DuplicateFeatureError extends Error {
  readonly code = 'duplicate-feature';
  constructor(id: string) {
    super(`Feature "${id}" is registered twice`);
    this.name = 'DuplicateFeatureError';
  }
}

export function createRegistry<Tab = unknown, Ctx = unknown>(): Registry<Tab, Ctx> {
  const features = new Map<FeatureId, FeatureDefinition<Tab, Ctx>>();
  return {
    register(feature) {
      if (features.has(feature.id)) throw new DuplicateFeatureError(feature.id);
      features.set(feature.id, feature);
    },
    get: (id) => features.get(id),
    list(context, enabled) {
      return [...features.values()]
        .filter((f) => f.contexts.includes(context))
        .filter((f) => !enabled || enabled.includes(f.id))
        .sort((a, b) => a.order - b.order);
    },
    all: () => [...features.values()].sort((a, b) => a.order - b.order),
  };
}

/** Caches a tab loader so opening a tab twice loads its chunk once, and a failed load can be retried. */
export function memoLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
