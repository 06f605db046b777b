import { type Signal, signal } from '@preact/signals';
import { type ComponentChildren, render } from 'preact';
import type { ProgressClient } from '../../utils/progress/types';
import type { SettingsStore } from '../../utils/settings/settings';
import { createServices } from '../app/create-services';
import { type PanelEnv, type PanelServices, ServicesContext } from '../app/services';
import pageCss from '../styles/page.css?inline';
import panelCss from '../styles/panel.css?inline';

/** Renders an extension page (options, popup, "Mes démarches", the PIN frame) with the panel's styles and services. */
export async function renderExtensionPage(
  root: HTMLElement,
  setup: {
    store: SettingsStore;
    env: PanelEnv;
    /** A storage client of the page's own (the PIN frame's, bound to its claimed place). */
    storage?: () => Promise<ProgressClient>;
  },
  view: (ctx: {
    services: PanelServices;
    announcement: Signal<string>;
    message: Signal<string>;
  }) => ComponentChildren,
): Promise<void> {
  const { services, announcement } = await createServices({
    context: 'sidepanel',
    store: setup.store,
    env: setup.env,
    ...(setup.storage ? { storage: setup.storage } : {}),
  });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(panelCss + pageCss);
  document.adoptedStyleSheets = [sheet];
  const message = signal('');
  const App = () => {
    document.documentElement.lang = services.lang.value;
    document.documentElement.dir = services.lang.value === 'ar' ? 'rtl' : 'ltr';
    document.title = services.t('options.title');
    return (
      <ServicesContext.Provider value={services}>
        {view({ services, announcement, message })}
      </ServicesContext.Provider>
    );
  };
  render(<App />, root);
}
