import { defineBackgroundPart } from '../define-background';

/** Catalogs are refreshed in the background once a day at most, when pages ask for guides. */
const DAY = 24 * 60 * 60 * 1000;

/**
 * The mediator's installed guides live in the extension's own IndexedDB; pages (content scripts
 * run on the page's origin) get them from here, checked again against the trusted keys.
 */
export default defineBackgroundPart(({ guideLibrary }) => {
  let lastCheck = 0;
  const refreshSoon = () => {
    if (Date.now() - lastCheck < 60 * 60 * 1000) return;
    lastCheck = Date.now();
    guideLibrary()
      .refreshStale(DAY)
      .catch(() => {});
  };
  return {
    'pasapas:guides:installed': async () => {
      refreshSoon();
      try {
        return { guides: await guideLibrary().forPages() };
      } catch {
        // An unreadable database must not take the built-in guides away from the page.
        return { guides: [] };
      }
    },
  };
});
