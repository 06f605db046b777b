import { browser } from 'wxt/browser';
import { countOutcome, readHealthBook } from '../../../utils/guides/health-count';
import { GUIDES_CHANGED } from '../../../utils/messaging/broadcasts';
import { defineBackgroundPart } from '../define-background';

/** The guides' health on this computer (utils/guides/health-count.ts): ids and counts only. */
export const GUIDE_HEALTH_KEY = 'pasapas:guideHealth';

/** Catalogs are refreshed in the background once a day at most, when pages ask for guides. */
const DAY = 24 * 60 * 60 * 1000;

/**
 * The mediator's installed guides live in the extension's own IndexedDB; pages (content scripts
 * run on the page's origin) get them from here, checked again against the trusted keys.
 */
export default defineBackgroundPart(({ guideLibrary, onInstalledGuidesChanged }) => {
  // An open side panel holds its question to the page for a while: told here, it asks again at
  // once, and the page reads the installed guides again (a guide just installed from the studio
  // or the options page is offered without waiting). No page of ours open: nobody hears it.
  onInstalledGuidesChanged(() => {
    browser.runtime.sendMessage({ type: GUIDES_CHANGED }).catch(() => {});
  });
  let lastCheck = 0;
  const refreshSoon = () => {
    if (Date.now() - lastCheck < 60 * 60 * 1000) return;
    lastCheck = Date.now();
    guideLibrary()
      .refreshStale(DAY)
      .catch(() => {});
  };
  // One count at a time: two pages counting at once must not overwrite each other's count.
  let counting: Promise<unknown> = Promise.resolve();
  const readBook = async () =>
    readHealthBook((await browser.storage.local.get(GUIDE_HEALTH_KEY))[GUIDE_HEALTH_KEY]);
  return {
    'pasapas:guide-health-count': (entry) => {
      counting = counting
        .then(async () => {
          const book = countOutcome(await readBook(), entry, new Date());
          await browser.storage.local.set({ [GUIDE_HEALTH_KEY]: book });
        })
        .catch(() => {});
      return counting.then(() => ({ ok: true }));
    },
    'pasapas:guide-health': async () => ({ book: await readBook().catch(() => ({})) }),
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
