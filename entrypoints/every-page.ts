import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extensionUrl } from '../components/app/extension-url';
import { createTinyLauncher, isPanelShortcut } from '../components/launcher';
import { applyComfort } from '../utils/comfort/apply';
import { guidesFromWidgetConfig, type HandedGuides } from '../utils/guides/widget-handover';
import { pickLang } from '../utils/i18n';
import { createExtensionSettingsStore } from '../utils/settings/settings';
import type { PanelHandle } from '../widgets/panel-entry';

/**
 * Runs on every page, so it stays tiny: it applies comfort settings before the first paint,
 * shows the launcher, and loads the panel (a web-accessible module) only on first use.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: false,
  async main() {
    const root = document.documentElement;
    // Tells an embedded widget that the extension shows the panel: one panel per page. (Not the
    // manifest's version: getManifest() costs milliseconds on every page load.)
    root.setAttribute('data-pasapas-extension', '');
    // The administration's widget then hands its guides over (before any await: it may run now).
    let handedGuides: HandedGuides | undefined;
    document.addEventListener('pasapas:widget-config', (e) => {
      handedGuides = guidesFromWidgetConfig((e as CustomEvent).detail) ?? handedGuides;
    });
    const store = createExtensionSettingsStore(browser.storage.local, browser.storage.onChanged);
    const fontBase = extensionUrl('/fonts/');
    const settings = await store.load();
    applyComfort(document, settings.comfort, fontBase);
    store.subscribe((next) => applyComfort(document, next.comfort, fontBase));

    let handle: PanelHandle | undefined;
    let loading: Promise<PanelHandle> | undefined;
    const host = document.createElement('div');
    const load = () => {
      loading ??= (
        import(/* @vite-ignore */ extensionUrl('/panel/panel.js')) as Promise<
          typeof import('../widgets/panel-entry')
        >
      )
        .then((mod) =>
          mod.mountPanel({
            context: 'page',
            layout: 'floating',
            host,
            store,
            fontBase,
            guidesBase: extensionUrl('/guides/'),
            // The mediator's guides live in the extension's IndexedDB: the background reads them.
            guideSources: {
              installed: () =>
                browser.runtime.sendMessage({ type: 'pasapas:guides:installed' }).then((r: unknown) => {
                  const guides = (r as { guides?: unknown } | undefined)?.guides;
                  return Array.isArray(guides) ? guides : [];
                }),
              configured: handedGuides,
            },
            glossaryUrl: extensionUrl('/glossary/fr.json'),
            ocrPage: extensionUrl('/ocr.html'),
            lang: settings.lang,
          }),
        )
        .then((h) => {
          handle = h;
          return h;
        })
        .catch((error: unknown) => {
          loading = undefined;
          throw error;
        });
      return loading;
    };
    const open = () => load().then((h) => h.open());
    const toggle = () => (handle ? handle.toggle() : open());

    document.addEventListener(
      'keydown',
      (e) => {
        if (!handle && isPanelShortcut(e)) {
          e.preventDefault();
          open();
        }
      },
      true,
    );
    browser.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: string } | null)?.type;
      if (type === 'pasapas:toggle') toggle();
      if (type === 'pasapas:open') open();
      if (type === 'pasapas:read-page') load().then((h) => h.readPage());
      // The side panel's guide: the session runs here, the answer is a plain-data snapshot.
      if (type === 'pasapas:guide')
        return load().then((h) => h.guideCommand((message as { command?: unknown }).command));
      return undefined;
    });

    const show = () => {
      createTinyLauncher({
        host,
        context: 'page',
        lang: settings.lang ?? pickLang(navigator.languages),
        position: 'right',
        scale: settings.comfort.textScale,
        onActivate: () => {
          open();
        },
      });
      (document.body ?? root).append(host);
      // Progress: on a procedure's page (a guide matches) or a site with saved answers, the panel
      // loads closed, so what the person types is kept and a return can be offered. It waits until
      // the page has loaded and the main thread is idle: the site's own loading comes first.
      browser.runtime
        .sendMessage({ type: 'progress:probe', url: location.href })
        .then((answer: unknown) => {
          if ((answer as { load?: boolean } | undefined)?.load) whenIdle(() => load().catch(() => {}));
        })
        .catch(() => {});
    };
    const whenIdle = (run: () => void) => {
      const idle = () =>
        typeof requestIdleCallback === 'function'
          ? requestIdleCallback(run, { timeout: 1500 })
          : setTimeout(run, 200);
      if (document.readyState === 'complete') idle();
      else window.addEventListener('load', idle, { once: true });
    };
    if (document.body) show();
    else document.addEventListener('DOMContentLoaded', show, { once: true });
  },
});
