import { browser } from 'wxt/browser';
import { extensionEnv } from '../../components/app/extension-env';
import { type PageMessage, tellTab } from '../../components/app/tell-tab';
import { PopupPage } from '../../components/pages/PopupPage';
import { renderExtensionPage } from '../../components/pages/render-page';
import { createExtensionSettingsStore } from '../../utils/settings/settings';

const store = createExtensionSettingsStore(browser.storage.local, browser.storage.onChanged);

async function sendToTab(message: PageMessage): Promise<boolean> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    await tellTab(tab.id, message);
    window.close();
    return true;
  } catch {
    return false; // browser pages (chrome://, the store) have no content script
  }
}

const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } })
  .sidePanel;
const root = document.getElementById('app');
if (root)
  renderExtensionPage(root, { store, env: extensionEnv() }, ({ message }) => (
    <PopupPage
      message={message}
      actions={{
        openPanel: () => sendToTab({ type: 'pasapas:open' }),
        readPage: () =>
          sendToTab({ type: 'pasapas:feature', feature: 'speech', command: { action: 'read-page' } }),
        openOptions: () => browser.runtime.openOptionsPage(),
        openSidePanel: sidePanel
          ? async () => {
              const win = await browser.windows.getCurrent();
              if (win.id !== undefined) await sidePanel.open({ windowId: win.id });
            }
          : undefined,
      }}
    />
  ));
