import { browser } from 'wxt/browser';
import { extensionUrl } from '../../components/app/extension-url';
import { mountPanel } from '../../components/app/mount';
import type { RemoteSnapshot } from '../../utils/guides/remote';
import { createExtensionSettingsStore } from '../../utils/settings/settings';

// The side panel shows the panel docked; features that need the page itself stay in the page.
const store = createExtensionSettingsStore(browser.storage.local, browser.storage.onChanged);
/**
 * The page the side panel helps with: the active tab. When this page is itself that tab (opened
 * as a tab, as the tests do), the tab used just before it. Null when no page answers (no content
 * script on browser pages).
 */
async function sendToPage(command: unknown): Promise<unknown> {
  const tabs = await browser.tabs.query({ currentWindow: true });
  const self = (await browser.tabs.getCurrent?.().catch(() => undefined))?.id;
  let target = tabs.find((tab) => tab.active);
  if (target && target.id === self) {
    target = tabs
      .filter((tab) => tab.id !== self)
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  }
  if (target?.id === undefined) return null;
  try {
    return (await browser.tabs.sendMessage(target.id, { type: 'pasapas:guide', command })) ?? null;
  } catch {
    return null;
  }
}

const root = document.getElementById('app');
if (root) {
  mountPanel({
    context: 'sidepanel',
    layout: 'docked',
    host: root,
    store,
    fontBase: extensionUrl('/fonts/'),
    // Guides run in the active tab's page; the side panel shows the steps and sends the moves.
    guideSources: { remote: { send: (command) => sendToPage(command) as Promise<RemoteSnapshot | null> } },
  });
}
