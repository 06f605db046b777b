import { browser } from 'wxt/browser';
import { extensionUrl } from '../../components/app/extension-url';
import { mountPanel } from '../../components/app/mount';
import { createExtensionSettingsStore } from '../../utils/settings/settings';

// The side panel shows the panel docked; features that need the page itself stay in the page.
const store = createExtensionSettingsStore(browser.storage.local, browser.storage.onChanged);
const root = document.getElementById('app');
if (root) {
  mountPanel({
    context: 'sidepanel',
    layout: 'docked',
    host: root,
    store,
    fontBase: extensionUrl('/fonts/'),
  });
}
