import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionUrl } from '../components/app/extension-url';
import { PAGE_HANDLE, type PageHandle } from '../components/app/tell-tab';
import { OCR_MESSAGES } from '../components/features/ocr/protocol';
import { createTinyLauncher, isPanelShortcut } from '../components/launcher';
import { applyComfort } from '../utils/comfort/apply';
import { guidesFromWidgetConfig, type HandedGuides } from '../utils/guides/widget-handover';
import { pickLang } from '../utils/i18n';
import {
  PROCEDURE_SITES_KEY,
  parseProcedureSites,
  procedureSiteKind,
} from '../utils/progress/procedure-sites';
import { createExtensionSettingsStore, parseSettings, SETTINGS_KEY } from '../utils/settings/settings';
import { announceExtension, answerWidgets } from '../utils/widget/one-panel';
import type { PanelHandle } from '../widgets/panel-entry';

/**
 * Runs on every page, so it stays tiny: it applies comfort settings before the first paint,
 * shows the launcher, and loads the panel (a web-accessible module) only on first use.
 *
 * A plain script, not WXT's `defineContentScript`: its context object costs about a millisecond
 * on every page load. wxt.config.ts declares it in the manifest's content_scripts, at document_start.
 * Our pages reach it with `tellTab` (components/app/tell-tab.ts), not `tabs.sendMessage`.
 */
export default defineUnlistedScript(async () => {
  const root = document.documentElement;
  // One panel per page, agreed only where an administration's widget is: it asks, we answer; nothing
  // is written to the page (utils/widget/one-panel.ts). The widget then hands its guides over. Both
  // listeners before any await: the widget's loader may run right after this script.
  let handedGuides: HandedGuides | undefined;
  document.addEventListener('pasapas:widget-config', (e) => {
    handedGuides = guidesFromWidgetConfig((e as CustomEvent).detail) ?? handedGuides;
  });
  answerWidgets(document);
  // A widget already running (this script injected late, in a tab open before the install) stands aside.
  announceExtension(document);
  // Made on first use: even reading `storage.onChanged` sets up an event binding, at a cost.
  let settingsStore: ReturnType<typeof createExtensionSettingsStore> | undefined;
  const store = () => {
    settingsStore ??= createExtensionSettingsStore(browser.storage.local, browser.storage.onChanged);
    return settingsStore;
  };
  // One storage read before the first paint: the comfort settings and where progress loads.
  const stored = await browser.storage.local.get([SETTINGS_KEY, PROCEDURE_SITES_KEY]);
  const settings = parseSettings(stored[SETTINGS_KEY]);
  // The extension's address is asked only when needed: the first call costs a little.
  let fonts: string | undefined;
  const fontBase = () => {
    fonts ??= extensionUrl('/fonts/');
    return fonts;
  };
  const comfort = (c: typeof settings.comfort) =>
    applyComfort(document, c, c.font === 'default' ? '' : fontBase());
  comfort(settings.comfort);
  // New settings arrive through the background (tellAllTabs), not a storage listener, whose set-up
  // costs on every page load. The panel, once loaded, listens to storage itself.
  const reapply = () =>
    store()
      .load()
      .then((next) => comfort(next.comfort));

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
          store: store(),
          fontBase: fontBase(),
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
          // Only the frame we place gets to read and fill this tab (utils/messaging/frame-claims.ts).
          ocrArm: () =>
            browser.runtime.sendMessage({ type: OCR_MESSAGES.arm }).then((r: unknown) => {
              const token = (r as { token?: unknown } | undefined)?.token;
              if (typeof token !== 'string') throw new Error('OCR frame not armed');
              return token;
            }),
          sessionPage: extensionUrl('/session.html'),
          lang: settings.lang,
        }),
      )
      .then((h) => {
        handle = h;
        // The panel listens to storage anyway: its own changes apply here at once.
        store().subscribe((next) => comfort(next.comfort));
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
  const onPageMessage: PageHandle = (message) => {
    if (message.type === 'pasapas:settings') return reapply();
    if (message.type === 'pasapas:toggle') return toggle();
    if (message.type === 'pasapas:open') return open();
    if (message.type === 'pasapas:read-page') return load().then((h) => h.readPage());
    // Our extension pages' commands for one feature (the side panel's guide, our reading screens).
    if (message.type === 'pasapas:feature')
      return load().then((h) => h.command(message.feature, message.command));
    return undefined;
  };
  // The extension's isolated world only: the site cannot see or call it.
  (globalThis as unknown as Record<string, PageHandle>)[PAGE_HANDLE] = onPageMessage;

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
    // Progress: on a site with saved answers the panel loads closed as soon as the page has loaded
    // and the main thread is idle, to offer the return; on a page a guide knows, at the person's
    // first edit or a quiet moment a second after load, so what they type is kept. The site's own
    // loading comes first. Until the background has published the list (the first moments after
    // install), any page may be one.
    const sites = parseProcedureSites(stored[PROCEDURE_SITES_KEY]);
    const kind = sites ? procedureSiteKind(sites, location.href) : 'saved';
    const agent = () => load().catch(() => {});
    if (kind === 'saved') whenIdle(agent);
    else if (kind === 'guided') afterLoadOrFirstEdit(agent);
  };
  const whenIdle = (run: () => void) => {
    const idle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: 1500 })
        : setTimeout(run, 200);
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  };
  const afterLoadOrFirstEdit = (run: () => void) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      document.removeEventListener('input', once, true);
      run();
    };
    document.addEventListener('input', once, true);
    const later = () =>
      setTimeout(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(once, { timeout: 1000 });
        else once();
      }, 1000);
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later, { once: true });
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
});
