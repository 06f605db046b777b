import { browser } from 'wxt/browser';
import { extensionUrl } from '../../components/app/extension-url';
import { mountPanel } from '../../components/app/mount';
import { tellTab } from '../../components/app/tell-tab';
import type { PageSnapshot } from '../../components/features/guides/page-sync';
import type { GuidesLink } from '../../components/features/guides/RemoteGuides';
import type { OcrLink } from '../../components/features/ocr/config';
import { sidePanelBridge } from '../../components/features/ocr/sidepanel-bridge';
import type { StudioLink } from '../../components/features/studio/StudioTab';
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

async function sendToPage(command: unknown): Promise<unknown> {
  const tabId = await pageTab();
  if (tabId === null) return null;
  try {
    return (await tellTab(tabId, { type: 'pasapas:feature', feature: 'guides', command })) ?? null;
  } catch {
    return null;
  }
}

/** Held 'watch' questions, answered early when the person switches tabs or a tab navigates. */
const waiting = new Set<() => void>();
const pageChanged = () => {
  for (const wake of [...waiting]) wake();
};
browser.tabs.onActivated.addListener(pageChanged);
browser.tabs.onUpdated.addListener((_id, info) => {
  if (info.status) pageChanged();
});
browser.tabs.onRemoved.addListener(pageChanged);
browser.windows?.onFocusChanged?.addListener(pageChanged);

/** The page answers 'watch' on a change; a new tab or page answers the state instead. */
async function ask(command: unknown): Promise<unknown> {
  if ((command as { action?: unknown } | null)?.action !== 'watch') return sendToPage(command);
  let wake: () => void = () => {};
  const changed = new Promise<'changed'>((resolve) => {
    wake = () => resolve('changed');
    waiting.add(wake);
  });
  try {
    const first = await Promise.race([sendToPage(command), changed]);
    return first === 'changed' ? sendToPage({ action: 'state' }) : first;
  } finally {
    waiting.delete(wake);
  }
}

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
    links: {
      // Documents are read right here (an extension page); the background fills only the tab in front.
      ocr: { bridge: sidePanelBridge } satisfies OcrLink,
      // Guides run in the active tab's page; the side panel shows the steps and sends the moves.
      guides: {
        remote: { send: (command) => ask(command) as Promise<PageSnapshot | null> },
      } satisfies GuidesLink,
      // The guide studio records the same page; it reaches it through the background (studio.ts).
      studio: { pageTab } satisfies StudioLink,
    },
  });
}
