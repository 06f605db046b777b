import { computed, type Signal, signal } from '@preact/signals';
import { type Lang, pickLang } from '../../utils/i18n';
import type { FeatureContext } from '../../utils/plugins/registry';
import { parseSettings, type Settings, type SettingsStore } from '../../utils/settings/settings';
import { translateUi } from '../i18n';
import type { PanelServices } from './services';

/** Builds the services shared by the panel and the extension pages (options, popup, side panel). */
export async function createServices(options: {
  context: FeatureContext;
  store: SettingsStore;
  lang?: Lang;
  extra?: Partial<
    Pick<
      PanelServices,
      'pageReader' | 'speech' | 'speechRequest' | 'sessionPage' | 'publicComputer' | 'config'
    >
  >;
}): Promise<{ services: PanelServices; announcement: Signal<string>; dispose(): void }> {
  const settings = signal<Settings>(await options.store.load().catch(() => parseSettings(undefined)));
  const lang = computed<Lang>(() => settings.value.lang ?? options.lang ?? pickLang(navigator.languages));
  const announcement = signal('');
  const dispose = options.store.subscribe((next) => {
    settings.value = next;
  });
  const services: PanelServices = {
    context: options.context,
    store: options.store,
    settings,
    lang,
    t: (key, params) => translateUi(lang.value, key, params),
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
    ...options.extra,
  };
  return { services, announcement, dispose };
}
