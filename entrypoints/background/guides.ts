import { browserCatalogFetch, createGuideLibrary } from '../../utils/guides/library';
import { openDatabase } from '../../utils/storage/db';
import { addHandlers } from './router';

/**
 * The mediator's installed guides live in the extension's own IndexedDB; pages (content scripts
 * run on the page's origin) get them from here, checked again against the trusted keys.
 */
let library: ReturnType<typeof createGuideLibrary> | undefined;
function guides() {
  library ??= createGuideLibrary(openDatabase(), {
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
