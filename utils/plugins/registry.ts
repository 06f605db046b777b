/**
 * Feature plugins: each feature (comfort, speech, readable, guides, ocr, progress…) is one folder
 * that declares itself in one definition, and one line of components/features/list.ts registers
 * it. The panel, the page script, the widget loader and the options page are composed from the
 * registry and know no feature by name. The tab is lazy: its code loads only when the person opens
 * it, which keeps the first panel paint small.
 *
 * Framework-free: `Tab` and `Ctx` (what the shell passes in, the panel's services) stay generic so
 * this file knows nothing of Preact; the feature ids are whatever is registered.
 */
import type { Catalogs } from '../i18n';

/** Where a feature can show: the in-page panel of the extension, the extension's side panel, the widget. */
export type FeatureContext = 'page' | 'sidepanel' | 'widget';

/** A mistake in an administration's widget configuration, said in French and English in the console. */
export type ConfigProblem = { field: string; message: { fr: string; en: string } };

/**
 * A feature's part of the widget configuration (`data-*` attributes or `PasAPas.mount(options)`).
 * The same parser reads what a widget hands over to the person's extension: its input is the page's,
 * so never trusted.
 */
export type FeatureConfigSchema<Config = unknown> = {
  /** Its option names, as `PasAPas.mount` takes them (camelCase: `trustedKeys` is `data-trusted-keys`). */
  keys: readonly string[];
  /** What it uses when the administration sets none of them. */
  defaults: Config;
  /** Lenient: what is wrong is reported and falls back to the default; the rest is kept. */
  parse(input: Readonly<Record<string, unknown>>): { config: Config; problems: ConfigProblem[] };
};

/** One feature plugin. `Id` is a string literal, so the registry's ids are a type too. */
export type FeatureDefinition<Id extends string = string, Tab = unknown, Ctx = unknown> = {
  id: Id;
  /** i18n key of the tab label, found in `messages`. */
  labelKey: string;
  /** The feature's strings the shell shows (at least its label): French first, English, Arabic. */
  messages: Catalogs;
  /** SVG path data (24×24 viewBox), drawn by the panel; no remote icons. */
  icon: string;
  order: number;
  contexts: readonly FeatureContext[];
  /** Loads the tab's code on first use. */
  loadTab: () => Promise<Tab>;
  /** Extension permissions the feature needs, for documentation and the options page. */
  permissions?: readonly string[];
  /** Its widget options, their defaults and their checks. */
  config?: FeatureConfigSchema;
  /**
   * In the widget, shown only when this says its parsed options turn it on (the studio's recorder,
   * for an administration's own staff): never by default, never by `data-features` alone.
   */
  widgetOptIn?: (config: unknown) => boolean;
  /**
   * When the widget loads the panel before the person opens it (closed), for page work that must
   * not miss anything: a `localStorage` flag the feature sets (never personal data), and/or the
   * person's first keystroke in the page.
   */
  preload?: { hintKey?: string; firstInput?: boolean };
  /**
   * Page work when the panel mounts on a page (extension page script or widget; not the side
   * panel): loads its own code lazily; stops everything when `signal` aborts (the panel unmounts).
   */
  setup?: (ctx: Ctx, signal: AbortSignal) => void | Promise<void>;
  /** A command from our extension pages (popup, side panel, OCR frame), relayed to this page: plain data in and out. */
  command?: (command: unknown, ctx: Ctx) => Promise<unknown>;
  /** The feature's section of the extension's options page, loaded when that page opens. */
  loadOptions?: () => Promise<Tab>;
  /** Its views in our other extension pages (see ExtensionPage), each loaded when that page opens. */
  pages?: Partial<Record<ExtensionPage, () => Promise<Tab>>>;
};

/**
 * Our extension pages that show what features contribute: `demarches`, every site's saved
 * procedures (an extension tab, out of any web page's reach); `session`, the frame our page script
 * places in a web page's panel for what that page must not see (a PIN).
 */
export type ExtensionPage = 'demarches' | 'session';

/** Keeps the id's literal type: `defineFeature({ id: 'print', … })` has the id `'print'`. */
export function defineFeature<const Id extends string, Tab, Ctx>(
  feature: FeatureDefinition<Id, Tab, Ctx>,
): FeatureDefinition<Id, Tab, Ctx> {
  return feature;
}

export type Registry<Id extends string, Tab, Ctx = unknown> = {
  /** Every registered id, in panel order. */
  readonly ids: readonly Id[];
  has(value: string): value is Id;
  get(id: string): FeatureDefinition<Id, Tab, Ctx> | undefined;
  /** The features for a context, in panel order, optionally limited to an allow-list (widget `data-features`). */
  list(context: FeatureContext, enabled?: readonly string[]): FeatureDefinition<Id, Tab, Ctx>[];
  /** Every feature, in panel order (the options page, which is no panel context). */
  all(): FeatureDefinition<Id, Tab, Ctx>[];
};

export class DuplicateFeatureError extends Error {
  readonly code = 'duplicate-feature';
  constructor(id: string) {
    super(`Feature "${id}" is registered twice`);
    this.name = 'DuplicateFeatureError';
  }
}

/** The registry of the given definitions; a feature given twice is a programming error. */
export function createRegistry<Id extends string, Tab = unknown, Ctx = unknown>(
  definitions: readonly FeatureDefinition<Id, Tab, Ctx>[],
): Registry<Id, Tab, Ctx> {
  const features = new Map<string, FeatureDefinition<Id, Tab, Ctx>>();
  for (const feature of definitions) {
    if (features.has(feature.id)) throw new DuplicateFeatureError(feature.id);
    // Opening a tab twice loads its chunk once; a failed load can be retried.
    features.set(feature.id, { ...feature, loadTab: memoLoader(feature.loadTab) });
  }
  const ordered = [...features.values()].sort((a, b) => a.order - b.order);
  return {
    ids: ordered.map((f) => f.id),
    has: (value): value is Id => features.has(value),
    get: (id) => features.get(id),
    list(context, enabled) {
      return ordered
        .filter((f) => f.contexts.includes(context))
        .filter((f) => !enabled || enabled.includes(f.id));
    },
    all: () => [...ordered],
  };
}

/**
 * Each enabled feature's configuration from raw options: parsed by its own schema, its defaults
 * when it has none of its keys. Problems are returned for the caller to report (the loader does).
 */
export function parseFeatureConfigs(
  definitions: readonly Pick<FeatureDefinition, 'id' | 'config'>[],
  input: Readonly<Record<string, unknown>>,
): { configs: Record<string, unknown>; problems: ConfigProblem[] } {
  const configs: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const { id, config } of definitions) {
    if (!config) continue;
    const parsed = config.parse(input);
    configs[id] = parsed.config;
    problems.push(...parsed.problems);
  }
  return { configs, problems };
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
