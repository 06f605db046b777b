/**
 * Progress in the extension's own IndexedDB. The content script runs in the web page's origin,
 * so its IndexedDB would be the site's (readable by the site): it asks here instead, through
 * `progress:call` messages. This worker also holds the unlocked key of a shared computer; when
 * the browser stops an idle worker the key is forgotten and the person types the PIN again.
 */
import { browser } from 'wxt/browser';
import { loadGuides } from '../../../utils/guides/loading';
import { SESSION_PAGE } from '../../../utils/messaging/protocol';
import { ProgressError, toWire } from '../../../utils/progress/errors';
import { PROCEDURE_SITES_KEY, type ProcedureSites } from '../../../utils/progress/procedure-sites';
import { PUBLIC_DEFAULTS, parsePublicComputer } from '../../../utils/progress/public-config';
import { answerCall, CALL, SITE_CALL } from '../../../utils/progress/remote';
import { savedSites } from '../../../utils/progress/saved-sites';
import { createProgressService } from '../../../utils/progress/service';
import { siteScoped } from '../../../utils/progress/site-scope';
import type { PublicComputerConfig } from '../../../utils/progress/types';
import { extensionUrl } from '../../app/extension-url';
import { defineBackgroundPart } from '../define-background';
import { PUBLIC_CONFIG_KEY } from './background-config';
import { demarchesHandlers } from './background-demarches';
import { startExpiry } from './background-expiry';
import { ocrInfosHandlers } from './background-infos';
import { isClaimedSessionFrame, SESSION_METHODS, sessionFrameHandlers } from './background-session';
import { sessionEndHandlers } from './background-session-end';

/** The calls that may add or remove a site with saved answers. */
const CHANGES_SITES = new Set(['startOrGet', 'deleteProcedure', 'wipe', 'importFile', 'choosePin']);

export default defineBackgroundPart(({ database, installedGuidePatterns, onInstalledGuidesChanged }) => {
  startExpiry(database);
  const service = createProgressService(database(), {
    async loadConfig(): Promise<PublicComputerConfig> {
      const stored = await browser.storage.local.get(PUBLIC_CONFIG_KEY);
      const value = stored[PUBLIC_CONFIG_KEY];
      return value === undefined ? PUBLIC_DEFAULTS : parsePublicComputer(value).config;
    },
    async saveConfig(config) {
      await browser.storage.local.set({ [PUBLIC_CONFIG_KEY]: parsePublicComputer(config).config });
    },
  });

  let guides: ReturnType<typeof loadGuides> | undefined;
  function builtinGuides() {
    const fetchLike = ((url: string) => fetch(url)) as unknown as Parameters<typeof loadGuides>[1];
    guides ??= loadGuides(extensionUrl('/guides/'), fetchLike).catch(() => ({ guides: [], problems: [] }));
    return guides;
  }

  /**
   * Publishes where progress should load (a guide's pages, sites with saved answers) into the
   * extension's storage, which the script on every page reads with the comfort settings: the page
   * decides alone, without waking this worker on every page load. URL patterns only: the worker has
   * no page to check a guide's content conditions on. Nothing is decrypted: encrypted answers on a
   * shared computer mean every site.
   */
  async function publishProcedureSites(): Promise<void> {
    const [{ guides: list }, installed, saved] = await Promise.all([
      builtinGuides(),
      installedGuidePatterns(),
      savedSites(database(), Date.now()),
    ]);
    const next: ProcedureSites = {
      patterns: [...new Set([...list.flatMap((g) => g.matches.urls), ...installed])],
      ...saved,
    };
    const stored = (await browser.storage.local.get(PROCEDURE_SITES_KEY))[PROCEDURE_SITES_KEY];
    // Every open page hears a write: only a real change is written.
    if (JSON.stringify(stored) !== JSON.stringify(next))
      await browser.storage.local.set({ [PROCEDURE_SITES_KEY]: next });
  }
  let publishing: ReturnType<typeof setTimeout> | undefined;
  function publishSoon(): void {
    clearTimeout(publishing);
    publishing = setTimeout(() => publishProcedureSites().catch(() => {}), 200);
  }

  // At each start of the worker, after every progress call, and when the installed guides change.
  publishSoon();
  onInstalledGuidesChanged(publishSoon);

  /** After a call that may add or remove a site, publish before the sender hears back. */
  async function answered<T>(method: string, answer: Promise<T>): Promise<T> {
    const value = await answer;
    // Published before the page hears back: its next page load already knows this site.
    if (CHANGES_SITES.has(method)) await publishProcedureSites().catch(() => {});
    return value;
  }

  /** "Terminer ma session" and "Personne suivante": the same wipe as the PIN frame's, then published. */
  async function wipeForEnd(): Promise<void> {
    const { nothingLeft } = await service.wipe();
    await publishProcedureSites().catch(() => {});
    if (!nothingLeft) throw new ProgressError('unavailable');
  }

  return {
    ...sessionFrameHandlers(),
    ...demarchesHandlers(),
    ...sessionEndHandlers(wipeForEnd),
    ...ocrInfosHandlers(service),
    // Our extension pages (sender policy in utils/messaging/protocol.ts): every method.
    [CALL]: async (message, _sender, caller) => {
      // Our PIN frame sits in a web page: only the frame the page script armed, and only the PIN,
      // the lock and the end of the session.
      if (caller.kind === 'page' && caller.path === SESSION_PAGE) {
        if (!SESSION_METHODS.has(message.method) || !(await isClaimedSessionFrame(caller, message.frame)))
          return { ok: false, error: toWire(new ProgressError('forbidden')) };
      }
      return answered(message.method, answerCall(service, message));
    },
    // Our page script: only the sender's own origin, as the browser reports it.
    [SITE_CALL]: (message, _sender, caller) =>
      caller.kind === 'content'
        ? answered(message.method, answerCall(siteScoped(service, caller.origin), message))
        : undefined,
  };
});
