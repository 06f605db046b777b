/**
 * The panel follows the procedure from page to page: the page script tells when the person opens
 * or closes it, and asks on the next page of the tab whether to open it again. Kept in the
 * extension's session storage by tab, with the site's origin (utils/panel/open-memory.ts).
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../../components/app/background/router';
import { createOpenMemory } from '../../utils/panel/open-memory';

/** The panel's own message (the shell's, not a feature's). */
export function panelOpenHandlers(): Handlers {
  const memory = createOpenMemory({
    get: async (key) => (await browser.storage.session.get(key))[key],
    set: (key, value) => browser.storage.session.set({ [key]: value }),
    remove: (key) => browser.storage.session.remove(key),
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void memory.forget(tabId).catch(() => undefined);
  });
  return {
    'pasapas:panel-open': async (message, _sender, caller) => {
      if (caller.kind !== 'content') return { open: false };
      if (message.open === undefined) return { open: await memory.wasOpen(caller.tabId, caller.origin) };
      await memory.remember(caller.tabId, caller.origin, message.open);
      return { open: message.open };
    },
  };
}
