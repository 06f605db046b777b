/**
 * Feature plugins: each feature (comfort, speech, readable, guides, ocr, progress) declares
 * itself here and the panel is composed from the registry. The tab is lazy: its code loads
 * only when the person opens it, which keeps the first panel paint small.
 */
export const FEATURE_IDS = ['guides', 'readable', 'comfort', 'speech', 'ocr', 'progress'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

/** Where a feature can show: the in-page panel of the extension, the extension's side panel, the widget. */
export type FeatureContext = 'page' | 'sidepanel' | 'widget';

export type FeatureDefinition<Tab = unknown> = {
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
};

export function isFeatureId(value: string): value is FeatureId {
  return (FEATURE_IDS as readonly string[]).includes(value);
}

export type Registry<Tab> = {
  register(feature: FeatureDefinition<Tab>): void;
  get(id: FeatureId): FeatureDefinition<Tab> | undefined;
  /** The features for a context, in panel order, optionally limited to an allow-list (widget `data-features`). */
  list(context: FeatureContext, enabled?: readonly FeatureId[]): FeatureDefinition<Tab>[];
};

export class DuplicateFeatureError extends Error {
  readonly code = 'duplicate-feature';
  constructor(id: string) {
    super(`Feature "${id}" is registered twice`);
    this.name = 'DuplicateFeatureError';
  }
}

export function createRegistry<Tab = unknown>(): Registry<Tab> {
  const features = new Map<FeatureId, FeatureDefinition<Tab>>();
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
