/**
 * Our extension pages opened for the page's panel: "Mes démarches" (every site's procedures,
 * export, import) lives only in an extension page, which no web page can read or drive.
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../define-background';

const demarchesPage = () => (browser.runtime.getURL as (p: string) => string)('/demarches.html');

export const demarchesHandlers = (): Handlers => ({
  'pasapas:open-demarches': async (_message, sender) => {
    const existing = await browser.tabs.query({ url: demarchesPage() }).catch(() => []);
    const tab = existing[0];
    if (tab?.id !== undefined) {
      await browser.tabs.update(tab.id, { active: true });
      if (tab.windowId !== undefined) await browser.windows?.update(tab.windowId, { focused: true });
      return { opened: true };
    }
    const opener = sender.tab;
    await browser.tabs.create({
      url: demarchesPage(),
      ...(opener?.windowId !== undefined ? { windowId: opener.windowId } : {}),
      ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
    });
    return { opened: true };
  },
});
