import { type Browser, browser } from 'wxt/browser';
import { extensionUrl } from './extension-url';
import type { PanelEnv } from './services';

/** The extension's environment for its own pages: its files and its background. */
export function extensionEnv(): PanelEnv {
  return {
    asset: (path) => extensionUrl(`/${path}`),
    background: (message) => browser.runtime.sendMessage(message),
    requestPermissions: (names) =>
      browser.permissions.request({ permissions: [...names] as Browser.runtime.ManifestPermission[] }),
  };
}
