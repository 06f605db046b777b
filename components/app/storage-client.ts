/**
 * The storage client of "Mes démarches", made by whoever builds the panel's services (mountPanel, an
 * extension page) and passed in them: nothing here guesses its context. In the extension everything
 * goes through the background: the extension's own IndexedDB, never the web page's, and one place
 * that holds the unlocked key. In the widget there is no background: Dexie runs in the page, in the
 * administration's origin.
 */
import type { ProgressClient, PublicComputerConfig } from '../../utils/progress/types';
import { SAVED_HINT_KEY } from '../../utils/storage/saved-hint';

export type StorageClientOptions = {
  /** The extension's background: every call goes there. Absent: the widget's own database. */
  background?: (message: unknown) => Promise<unknown>;
  /** Our script on a web page asks only for its own site; our extension pages for everything. */
  siteOnly: boolean;
  /** The widget's public-computer mode, from the administration's configuration. */
  publicComputer?: Partial<PublicComputerConfig>;
};

/** Made on first use and kept: Dexie and the crypto load only in the widget, and only when needed. */
export function storageClient(options: StorageClientOptions): () => Promise<ProgressClient> {
  let client: Promise<ProgressClient> | undefined;
  return () => {
    client ??= make(options).catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };
}

async function make({ background, siteOnly, publicComputer }: StorageClientOptions): Promise<ProgressClient> {
  // Its own chunk, like the database: the panel's first paint carries neither.
  if (background) {
    const { CALL, createRemoteClient, SITE_CALL } = await import('../../utils/progress/remote');
    return createRemoteClient(background, siteOnly ? SITE_CALL : CALL);
  }
  const [{ openDatabase }, { createProgressService }] = await Promise.all([
    import('../../utils/storage/db'),
    import('../../utils/progress/service'),
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
}
