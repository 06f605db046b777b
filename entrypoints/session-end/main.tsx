import { browser } from 'wxt/browser';
import { extensionEnv } from '../../components/app/extension-env';
import { renderExtensionPage } from '../../components/pages/render-page';
import { SessionEndPage } from '../../components/pages/SessionEndPage';
import { createExtensionSettingsStore } from '../../utils/settings/settings';

const store = createExtensionSettingsStore(browser.storage.local, browser.storage.onChanged);
const root = document.getElementById('app');
if (root)
  renderExtensionPage(root, { store, env: extensionEnv() }, ({ announcement }) => (
    <SessionEndPage announcement={announcement} />
  ));
