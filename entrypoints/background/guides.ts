import { liveQuery } from 'dexie';
import { browserCatalogFetch, createGuideLibrary } from '../../utils/guides/library';
import { database } from './db';
import { addHandlers } from './router';

/**
 * The mediator's installed guides live in the extension's own IndexedDB; pages (content scripts
 * run on the page's origin) get them from here, checked again against the trusted keys.
 */
let library: ReturnType<typeof createGuideLibrary> | undefined;
/** The one library of the background (the guide studio installs through it too). */
export function guideLibrary() {
  return guides();
}
function guides() {
  library ??= createGuideLibrary(database(), {
    fetch: browserCatalogFetch((url, init) => fetch(url, init)),
  });
  return library;
}

/** Catalogs are refreshed in the background once a day at most, when pages ask for guides. */
const DAY = 24 * 60 * 60 * 1000;
let lastCheck = 0;
function refreshSoon() {
  if (Date.now() - lastCheck < 60 * 60 * 1000) return;
  lastCheck = Date.now();
  guides()
    .refreshStale(DAY)
    .catch(() => {});
}

/** The address patterns of the installed guides that may be offered (not refused). */
export function installedGuidePatterns(): Promise<string[]> {
  return guides()
    .list()
    .then(({ guides: list }) =>
      list.filter((g) => g.trust !== 'refused').flatMap((g) => g.guide.matches.urls),
    )
    .catch(() => [] as string[]);
}

/** Calls back when the options page changes the installed guides (liveQuery hears other extension pages' writes). */
export function onInstalledGuidesChanged(listener: () => void): void {
  let first = true;
  liveQuery(() => database().installedGuides.toArray()).subscribe({
    next: () => {
      if (!first) listener();
      first = false;
    },
    error: () => {},
  });
}

addHandlers({
  'pasapas:guides:installed': async () => {
    refreshSoon();
    try {
      return { guides: await guides().forPages() };
    } catch {
      // An unreadable database must not take the built-in guides away from the page.
      return { guides: [] };
    }
  },
});
