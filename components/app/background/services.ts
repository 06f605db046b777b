import { liveQuery } from 'dexie';
import { browserCatalogFetch, createGuideLibrary, type GuideLibrary } from '../../../utils/guides/library';
import { openDatabase, type PasapasDB } from '../../../utils/storage/db';

/**
 * What the background shares between features, made once by the background entrypoint and passed
 * to each feature's background part: features never import each other's background code.
 */
export type BackgroundServices = {
  /** The extension's one database connection (opened on first use). */
  database(): PasapasDB;
  /** The mediator's installed guides (guides answer pages from it, the studio installs through it). */
  guideLibrary(): GuideLibrary;
  /** The address patterns of the installed guides that may be offered (not refused). */
  installedGuidePatterns(): Promise<string[]>;
  /** Calls back when the installed guides change (liveQuery hears other extension pages' writes). */
  onInstalledGuidesChanged(listener: () => void): void;
};

export function createBackgroundServices(): BackgroundServices {
  let db: PasapasDB | undefined;
  const database = () => {
    db ??= openDatabase();
    return db;
  };
  let library: GuideLibrary | undefined;
  const guideLibrary = () => {
    library ??= createGuideLibrary(database(), {
      fetch: browserCatalogFetch((url, init) => fetch(url, init)),
    });
    return library;
  };
  return {
    database,
    guideLibrary,
    installedGuidePatterns: () =>
      guideLibrary()
        .list()
        .then(({ guides }) =>
          guides.filter((g) => g.trust !== 'refused').flatMap((g) => g.guide.matches.urls),
        )
        .catch(() => [] as string[]),
    onInstalledGuidesChanged(listener) {
      let first = true;
      liveQuery(() => database().installedGuides.toArray()).subscribe({
        next: () => {
          if (!first) listener();
          first = false;
        },
        error: () => {},
      });
    },
  };
}
