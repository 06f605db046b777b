import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionUrl } from '../components/app/extension-url';
import { PAGE_HANDLE, type PageHandle } from '../components/app/tell-tab';
import { createTinyLauncher, isPanelShortcut } from '../components/launcher';
import { pickLang } from '../utils/i18n';
import { EARLY_LOAD_KEY, earlyLoadFor } from '../utils/plugins/early-load';
import { whenPageLoaded } from '../utils/plugins/when-page-loaded';
import { applyToPage, textScaleOf } from '../utils/settings/page';
import {
  createExtensionSettingsStore,
  parseSettings,
  SETTINGS_KEY,
  type Settings,
} from '../utils/settings/settings';
import { parseHandedOptions, WIDGET_CONFIG_EVENT } from '../utils/widget/handover';
import { announceExtension, answerWidgets } from '../utils/widget/one-panel';
import type { PanelHandle } from '../widgets/panel-entry';

/**
 * Runs on every page, so it stays tiny: it applies the person's settings before the first paint,
 * shows the launcher, and loads the panel (a web-accessible module) only on first use. It names no
 * feature: the panel's features derive what they need from the `env` given to mountPanel.
 *
 * A plain script, not WXT's `defineContentScript`: its context object costs about a millisecond
 * on every page load. wxt.config.ts declares it in the manifest's content_scripts, at document_start.
 * Our pages reach it with `tellTab` (components/app/tell-tab.ts), not `tabs.sendMessage`.
 */
export default defineUnlistedScript(async () => {
  const root = document.documentElement;
  // One panel per page, agreed only where an administration's widget is: it asks, we answer; nothing
  // is written to the page (utils/widget/one-panel.ts). The widget then hands its options over,
  // checked by each feature's schema when the panel mounts. Both listeners before any await: the
  // widget's loader may run right after this script.
  let handed: Record<string, unknown> | undefined;
  document.addEventListener(WIDGET_CONFIG_EVENT, (e) => {
    handed = parseHandedOptions((e as CustomEvent).detail) ?? handed;
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
  // One storage read before the first paint: the settings and where the panel loads early.
  const stored = await browser.storage.local.get([SETTINGS_KEY, EARLY_LOAD_KEY]);
  const settings = parseSettings(stored[SETTINGS_KEY]);
  // The extension's address is asked only when needed: the first call costs a little.
  let fonts: string | undefined;
  const fontBase = () => {
    fonts ??= extensionUrl('/fonts/');
    return fonts;
  };
  const apply = (next: Settings) => applyToPage(document, next, fontBase);
  apply(settings);
  // New settings arrive through the background (tellAllTabs), not a storage listener, whose set-up
  // costs on every page load. The panel, once loaded, listens to storage itself.
  const reapply = () => store().load().then(apply);

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
          // Our files (web-accessible ones at their per-session address) and the background.
          env: {
            asset: (path) => extensionUrl(`/${path}`),
            background: (message) => browser.runtime.sendMessage(message),
          },
          options: handed,
          lang: settings.lang,
          // Kept by tab in the extension, never in the page: the next page of the procedure reopens it.
          onOpenChange: (open) => {
            browser.runtime.sendMessage({ type: 'pasapas:panel-open', open }).catch(() => {});
          },
        }),
      )
      .then((h) => {
        handle = h;
        // The panel listens to storage anyway: its own changes apply here at once.
        store().subscribe(apply);
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
    // Our extension pages' commands for one feature (reading aloud, the side panel's guide, our reading
    // screens). The side panel asks every page it shows, as it starts: the panel waits for the page.
    if (message.type === 'pasapas:feature')
      return whenPageLoaded(window)
        .then(load)
        .then((h) => h.command(message.feature, message.command));
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
      scale: textScaleOf(settings),
      onActivate: () => {
        open();
      },
    });
    (document.body ?? root).append(host);
    // Features' page work: on a site with something kept the panel loads closed as soon as the page
    // has loaded and the main thread is idle, to offer the return; on a page a guide knows, at the
    // person's first edit or a quiet moment a second after load, so what they type is kept. The
    // site's own loading comes first.
    const early = earlyLoadFor(stored[EARLY_LOAD_KEY], location.href);
    const preload = () => load().catch(() => {});
    if (early === 'idle') whenIdle(preload);
    else if (early === 'first-edit') afterLoadOrFirstEdit(preload);
    // The help follows the procedure: open on this tab's previous page of the site, it opens again
    // here, on the step. Asked only where a guide or kept answers may be (one message to the background).
    if (early !== null)
      browser.runtime
        .sendMessage({ type: 'pasapas:panel-open' })
        .then((answer: unknown) => {
          if ((answer as { open?: unknown } | undefined)?.open === true)
            return whenPageLoaded(window)
              .then(load)
              .then((h) => h.open('resumed'));
          return undefined;
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
