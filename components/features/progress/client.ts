/**
 * Which progress client this JS context uses. In the extension (content script, side panel,
 * options), everything goes through the background: the extension's own IndexedDB, never the
 * web page's, and one place that holds the unlocked key. In the widget there is no background:
 * Dexie runs in the page, in the administration's origin.
 */

import { CALL, createRemoteClient, SITE_CALL } from '../../../utils/progress/remote';
import type { ProgressClient, PublicComputerConfig } from '../../../utils/progress/types';

/** Tells the widget loader, without any personal data, that something is saved on this site. */
export const SAVED_HINT_KEY = 'pasapas:progress:saved';

type Runtime = {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  getURL?(path: string): string;
};

export function extensionRuntime(): Runtime | undefined {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  return runtime?.id && typeof runtime.sendMessage === 'function' ? runtime : undefined;
}

let publicComputer: Partial<PublicComputerConfig> | undefined;
let client: Promise<ProgressClient> | undefined;

/** The widget passes the administration's public-computer setting (mountPanel does it). */
export function setWidgetPublicComputer(config: Partial<PublicComputerConfig> | undefined): void {
  publicComputer = config;
}

/** Our page script on a web page (not one of our own extension pages). */
export function onWebPage(): boolean {
  return !/^(chrome|moz|safari-web)-extension:$/.test(globalThis.location?.protocol ?? '');
}

export function inExtension(): boolean {
  return extensionRuntime() !== undefined;
}

/** Another client for this context (tests, or a host with its own storage). */
export function useProgressClient(next: ProgressClient | undefined): void {
  client = next ? Promise.resolve(next) : undefined;
}

export function progressClient(): Promise<ProgressClient> {
  client ??= (async () => {
    const runtime = extensionRuntime();
    // Our page script on a web page asks only for its own site; our extension pages for everything.
    if (runtime)
      return createRemoteClient((message) => runtime.sendMessage(message), onWebPage() ? SITE_CALL : CALL);
    // Dexie and the crypto only load in the widget, where they are needed.
    const [{ openDatabase }, { createProgressService }] = await Promise.all([
      import('../../../utils/storage/db'),
      import('../../../utils/progress/service'),
    ]);
    const service = createProgressService(openDatabase(), {
      loadConfig: () => ({ ...(publicComputer ?? {}) }) as PublicComputerConfig,
      onWiped: () => {
        try {
          localStorage.removeItem(SAVED_HINT_KEY);
        } catch {
          // storage blocked: the loader only loads the panel early for nothing
        }
      },
    });
    // Expiry enforced at load, not only at the next use: mode() erases a vault past its time.
    await service.mode().catch(() => {});
    return service;
  })();
  return client;
}

/** Where the bundled guides are, when the panel was not told (side panel, options). */
export function fallbackGuidesBase(): string | undefined {
  return extensionRuntime()?.getURL?.('/guides/');
}
