/**
 * The end of a session on a shared computer ("Terminer ma session", "Personne suivante"): wires
 * the browser's APIs into utils/session-end/end.ts. While public-computer mode is on, the web
 * origins loaded in tabs are noted in the extension's memory storage (never on disk); at the end
 * their tabs close and their data goes, with the optional `browsingData` permission the mediator
 * granted when turning the mode on. The report goes to our summary page.
 */
import { browser } from 'wxt/browser';
import { SESSION_PAGE } from '../../../utils/messaging/protocol';
import { parsePublicComputer } from '../../../utils/progress/public-config';
import { type EndDeps, endSession } from '../../../utils/session-end/end';
import { REPORT_KEY, SITES_KEY, STARTED_KEY } from '../../../utils/session-end/keys';
import type { EndReport } from '../../../utils/session-end/report';
import { addSite, parseSites, siteOrigin } from '../../../utils/session-end/sites';
import { parseSettings, SETTINGS_KEY } from '../../../utils/settings/settings';
import type { Handlers } from '../define-background';
import { PUBLIC_CONFIG_KEY } from './background-config';
import { isClaimedSessionFrame } from './background-session';
/** The mediator's comfort, language and reading defaults, restored for each new person. */
export const MEDIATOR_SETTINGS_KEY = 'pasapas:settings:mediator';
const SUMMARY_PAGE = '/session-end.html';

async function publicModeOn(): Promise<boolean> {
  const value = (await browser.storage.local.get(PUBLIC_CONFIG_KEY))[PUBLIC_CONFIG_KEY];
  return value !== undefined && parsePublicComputer(value).config.enabled;
}

/**
 * Listens to the tabs (registered in the worker's first turn, from progress's background part) and
 * answers the end-of-session messages. `wipe` is progress's own wipe (the PIN frame's).
 */
export function sessionEndHandlers(wipe: () => Promise<void>): Handlers {
  // Noted one after the other: two pages loading at once must not lose one of them.
  let noting = Promise.resolve();
  browser.tabs.onUpdated.addListener((_tabId, change) => {
    const origin = siteOrigin(change.url);
    if (!origin) return;
    noting = noting
      .then(async () => {
        if (!(await publicModeOn())) return;
        const list = parseSites((await browser.storage.session.get(SITES_KEY))[SITES_KEY]);
        if (list.at(-1) !== origin) await browser.storage.session.set({ [SITES_KEY]: addSite(list, origin) });
      })
      .catch(() => undefined);
  });

  const deps: EndDeps = {
    kind: import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chromium',
    now: () => Date.now(),
    wipePasapas: wipe,
    async resetSettings() {
      const saved = (await browser.storage.local.get(MEDIATOR_SETTINGS_KEY))[MEDIATOR_SETTINGS_KEY];
      // No defaults chosen by the mediator: the extension's own.
      await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(saved) });
    },
    trackedSites: async () => parseSites((await browser.storage.session.get(SITES_KEY))[SITES_KEY]),
    async startedAt() {
      const value = (await browser.storage.local.get(STARTED_KEY))[STARTED_KEY];
      return typeof value === 'number' ? value : 0;
    },
    hasPermission: (name) => browser.permissions.contains({ permissions: [name] }),
    tabs: () => browser.tabs.query({}),
    closeTabs: (ids) => browser.tabs.remove(ids),
    removeBrowsingData: (options, dataToRemove) =>
      browser.browsingData.remove(options as Parameters<typeof browser.browsingData.remove>[0], dataToRemove),
    async restart(at) {
      await browser.storage.session.remove(SITES_KEY);
      await browser.storage.local.set({ [STARTED_KEY]: at });
    },
  };

  let running: Promise<EndReport> | undefined;

  /** One end at a time (two clicks, two tabs): the second waits for the first's report. */
  async function end(summaryInTab: boolean, windowId: number | undefined): Promise<EndReport> {
    running ??= (async () => {
      // The summary's tab first: closing the sites' tabs must not close the window.
      const summary = summaryInTab
        ? await browser.tabs.create({
            url: browser.runtime.getURL(SUMMARY_PAGE as '/session-end.html'),
            windowId,
            active: true,
          })
        : undefined;
      const report = await endSession(deps, summary?.id !== undefined ? [summary.id] : []);
      // The activity report (accompaniment's background) hears this write.
      await browser.storage.session.set({ [REPORT_KEY]: report });
      return report;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    'pasapas:session-end': async (message, sender, caller) => {
      if (caller.kind === 'page' && caller.path === SESSION_PAGE) {
        // Our frame on a web page: only the one the page script armed, with its token. Its tab
        // closes: the summary opens in a tab of ours.
        if (!(await isClaimedSessionFrame(caller, message.frame))) return { ok: false };
        return { ok: true, report: await end(true, sender.tab?.windowId) };
      }
      return { ok: true, report: await end(message.summaryTab === true, sender.tab?.windowId) };
    },
    'pasapas:session-report': async () => {
      const report = (await browser.storage.session.get(REPORT_KEY))[REPORT_KEY];
      return { report: report ?? null };
    },
    'pasapas:session-defaults': async () => {
      // The mediator's settings at this moment become every new person's.
      const current = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
      await browser.storage.local.set({
        [MEDIATOR_SETTINGS_KEY]: parseSettings(current),
        [STARTED_KEY]: Date.now(),
      });
      return { ok: true };
    },
  };
}
