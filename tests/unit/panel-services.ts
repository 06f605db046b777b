/**
 * A panel context for tests: what mountPanel would pass its features, built here instead of setting
 * module-level state (and resetting it after). Override what a test needs: a storage client, the
 * guide sources, a fake speech engine, the context.
 */
import { signal } from '@preact/signals';
import { createGuideService, type GuideService, type GuideSources } from '../../components/app/guide-service';
import { isOurs } from '../../components/app/is-ours';
import type { PanelServices } from '../../components/app/services';
import { features } from '../../components/features';
import { createTranslator, type Lang } from '../../utils/i18n';
import { uiMessages } from '../../utils/i18n/ui';
import { parseSettings, type Settings } from '../../utils/settings/settings';

const translate = createTranslator(uiMessages, ...features.all().map((f) => f.messages));

export type TestServices = PanelServices & {
  /** The guide service, once made (to end its session after a test). */
  guideService(): Promise<GuideService>;
};

export function testServices(
  overrides: Partial<PanelServices> & { guideSources?: GuideSources; lang?: PanelServices['lang'] } = {},
): TestServices {
  const { guideSources, ...rest } = overrides;
  const settings = signal<Settings>(parseSettings(undefined));
  const lang = overrides.lang ?? signal<Lang>('fr');
  let guides: Promise<GuideService> | undefined;
  const guideService = () => {
    guides ??= Promise.resolve(createGuideService({ doc: document, isOurs, sources: guideSources ?? {} }));
    return guides;
  };
  return {
    context: 'widget',
    env: { asset: (path) => `${location.origin}/pasapas/${path}` },
    store: { load: async () => settings.value, save: async () => {}, subscribe: () => () => {} },
    settings,
    lang,
    t: (key, params) => translate(lang.value, key, params),
    update: (patch) => {
      settings.value = { ...settings.value, ...patch };
    },
    announce: () => {},
    config: {},
    tabs: [],
    isOurs,
    guides: guideService,
    storage: () => Promise.reject(new Error('no storage in this test')),
    guideService,
    ...rest,
  };
}
