import { browser } from 'wxt/browser';
import { extensionUrl } from '../../components/app/extension-url';
import { mountPanel } from '../../components/app/mount';
import type { FrontPage } from '../../components/app/services';
import { tellTab } from '../../components/app/tell-tab';
import { GUIDES_CHANGED, isBroadcast } from '../../utils/messaging/broadcasts';
import { createExtensionSettingsStore } from '../../utils/settings/settings';

// The side panel shows the panel docked; features that need the page itself stay in the page.
const store = createExtensionSettingsStore(browser.storage.local, browser.storage.onChanged);
/**
 * The page the side panel helps with: the active tab. When this page is itself that tab (opened
 * as a tab, as the tests do), the tab used just before it. Null when no page answers (no content
 * script on browser pages).
 */
async function pageTab(): Promise<number | null> {
  const tabs = await browser.tabs.query({ currentWindow: true });
  const self = (await browser.tabs.getCurrent?.().catch(() => undefined))?.id;
  let target = tabs.find((tab) => tab.active);
  if (target && target.id === self) {
    target = tabs
      .filter((tab) => tab.id !== self)
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  }
  return target?.id ?? null;
}

/**
 * Who hears of a change of page: another tab in front, a navigation, a closed tab or window, or the
 * guides that page may offer (a guide installed or removed meanwhile).
 */
const listeners = new Set<() => void>();
const pageChanged = () => {
  for (const listener of [...listeners]) listener();
};
browser.tabs.onActivated.addListener(pageChanged);
browser.tabs.onUpdated.addListener((_id, info) => {
  if (info.status) pageChanged();
});
browser.tabs.onRemoved.addListener(pageChanged);
browser.windows?.onFocusChanged?.addListener(pageChanged);
browser.runtime.onMessage.addListener((message, sender) => {
  if (isBroadcast(message, GUIDES_CHANGED, sender, browser.runtime.id)) pageChanged();
  // Nothing to answer: the background does not wait.
  return undefined;
});

/** The tab in front, for the features: each speaks to its own part of the page by its id. */
const frontPage: FrontPage = {
  tabId: pageTab,
  windowId: async () => (await browser.windows?.getCurrent?.().catch(() => undefined))?.id,
  async send(feature, command) {
    const tabId = await pageTab();
    if (tabId === null) return null;
    try {
      return (await tellTab(tabId, { type: 'pasapas:feature', feature, command })) ?? null;
    } catch {
      return null;
    }
  },
  onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

const root = document.getElementById('app');
if (root) {
  mountPanel({
    context: 'sidepanel',
    layout: 'docked',
    host: root,
    store,
    env: {
      asset: (path) => extensionUrl(`/${path}`),
      background: (message) => browser.runtime.sendMessage(message),
    },
    frontPage,
  });
}
