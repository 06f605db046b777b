import { computed, type Signal, signal } from '@preact/signals';
import { createTranslator, type Lang, pickLang } from '../../utils/i18n';
import { uiMessages } from '../../utils/i18n/ui';
import { type FeatureContext, parseFeatureConfigs } from '../../utils/plugins/registry';
import type { ProgressClient, PublicComputerConfig } from '../../utils/progress/types';
import { parseSettings, type Settings, type SettingsStore } from '../../utils/settings/settings';
import { createPageReader, type ReadSource } from '../../utils/speech/page-reader';
import type { SynthLike, UtteranceLike } from '../../utils/speech/speaker';
import { features } from '../features';
import type { GuideService, GuideSources } from './guide-service';
import { isOurs } from './is-ours';
import type { FrontPage, PanelEnv, PanelServices } from './services';
import { storageClient } from './storage-client';

export type ServicesOptions = {
  context: FeatureContext;
  env: PanelEnv;
  store: SettingsStore;
  /** Language from the configuration, used until the person picks one. */
  lang?: Lang;
  /** Raw options (the widget's, or those a widget handed to the extension): each feature's schema reads its own. */
  options?: Readonly<Record<string, unknown>>;
  /** The side panel's way to the tab in front (PanelServices.frontPage). */
  frontPage?: FrontPage;
  /** A storage client of the caller's own (our PIN frame's, bound to the place it claimed). */
  storage?: () => Promise<ProgressClient>;
  /** The widget's public-computer mode, for the storage it keeps in the site's origin. */
  publicComputer?: Partial<PublicComputerConfig>;
  /** The tabs the panel shows (PanelServices.tabs); none for an extension page that is no panel. */
  tabs?: readonly string[];
  /** The page the panel helps with: page services (reading aloud, the guide on the page) are made for it. */
  page?: Document;
};

/** The panel's translator: the shell's strings and each registered feature's own (its label…). */
const translate = createTranslator(uiMessages, ...features.all().map((f) => f.messages));

/**
 * Builds the panel's context (PanelServices) for the panel and for the extension pages (options,
 * popup, "Mes démarches", the PIN frame): configuration flows from the caller's options to here,
 * and from here to the features.
 */
export async function createServices(options: ServicesOptions): Promise<{
  services: PanelServices;
  announcement: Signal<string>;
  /** The panel closed: reading aloud stops, its highlight goes. */
  quiet(): void;
  dispose(): void;
}> {
  const settings = signal<Settings>(await options.store.load().catch(() => parseSettings(undefined)));
  const lang = computed<Lang>(() => settings.value.lang ?? options.lang ?? pickLang(navigator.languages));
  const announcement = signal('');
  const unsubscribe = options.store.subscribe((next) => {
    settings.value = next;
  });
  const { env, context } = options;
  // Problems were the loader's to report; here each feature gets its parsed options or its defaults.
  const config = parseFeatureConfigs(features.all(), options.options ?? {}).configs;

  const doc = options.page;
  const pageReader = doc ? createPageReader(doc, isOurs) : undefined;
  const view = doc?.defaultView;
  const speech =
    view && 'speechSynthesis' in view && typeof view.SpeechSynthesisUtterance === 'function'
      ? {
          synth: view.speechSynthesis as unknown as SynthLike,
          makeUtterance: (text: string) =>
            new view.SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
        }
      : undefined;

  // The guide sources serve the guides tab, progress (which procedure a page is) and OCR (the
  // step's field) alike: the administration's are the guides feature's options.
  const guideSources: GuideSources = {
    base: env.asset('guides/'),
    configured: config.guides as GuideSources['configured'],
  };
  const background = env.background;
  // The mediator's guides live in the extension's IndexedDB: the background reads them for the page.
  if (background && context === 'page') {
    guideSources.installed = () =>
      background({ type: 'pasapas:guides:installed' }).then((r: unknown) => {
        const guides = (r as { guides?: unknown } | undefined)?.guides;
        return Array.isArray(guides) ? guides : [];
      });
    // The guides' health is kept by the background, on this computer only.
    guideSources.reportHealth = (entry) => {
      background({ type: 'pasapas:guide-health-count', ...entry }).catch(() => {});
    };
  }
  let guideService: Promise<GuideService> | undefined;
  const guides = () => {
    guideService ??= import('./guide-service').then((m) =>
      m.createGuideService({ doc: doc ?? document, isOurs, sources: guideSources }),
    );
    return guideService;
  };

  const services: PanelServices = {
    context,
    env,
    store: options.store,
    settings,
    lang,
    t: (key, params) => translate(lang.value, key, params),
    update(patch) {
      const next = { ...settings.value, ...patch };
      settings.value = next;
      options.store.save(next).catch(() => {});
    },
    announce(message) {
      // Clearing first makes screen readers repeat an identical message.
      announcement.value = '';
      setTimeout(() => {
        announcement.value = message;
      }, 50);
    },
    config,
    tabs: options.tabs ?? [],
    frontPage: options.frontPage,
    isOurs,
    guides,
    storage:
      options.storage ??
      storageClient({ background, siteOnly: context === 'page', publicComputer: options.publicComputer }),
    pageReader,
    speech,
    speechRequest: doc ? signal<ReadSource | undefined>(undefined) : undefined,
  };
  return {
    services,
    announcement,
    quiet() {
      speech?.synth.cancel();
      pageReader?.clear();
    },
    dispose() {
      unsubscribe();
      pageReader?.dispose();
      guideService?.then((g) => g.dispose()).catch(() => {});
    },
  };
}
