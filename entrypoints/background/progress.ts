/**
 * Progress in the extension's own IndexedDB. The content script runs in the web page's origin,
 * so its IndexedDB would be the site's (readable by the site): it asks here instead, through
 * `progress:call` messages. This worker also holds the unlocked key of a shared computer; when
 * the browser stops an idle worker the key is forgotten and the person types the PIN again.
 */
import { browser } from 'wxt/browser';
import { extensionUrl } from '../../components/app/extension-url';
import { patternMatchesUrl } from '../../utils/guides/match-pattern';
import { loadGuides } from '../../utils/guides/session';
import { PUBLIC_DEFAULTS, parsePublicComputer } from '../../utils/progress/public-config';
import { answerCall, CALL, PROBE } from '../../utils/progress/remote';
import { createProgressService } from '../../utils/progress/service';
import type { PublicComputerConfig } from '../../utils/progress/types';
import { originOf } from '../../utils/storage/db';
import { database } from './db';
import { installedGuidePatterns } from './guides';
import { addHandlers } from './router';

/** The mediator's setting (options page). Not personal data: it survives "Terminer ma session". */
export const PUBLIC_CONFIG_KEY = 'pasapas:progress:publicComputer';

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
 * The content script asks on each page load: should the progress code load here? Yes when a
 * guide's URL patterns match (the page is a procedure's) or something is saved for this site.
 * Nothing is decrypted; on a locked shared computer any saved data answers yes.
 */
async function probe(url: unknown): Promise<{ load: boolean }> {
  if (typeof url !== 'string') return { load: false };
  const origin = originOf(url);
  if (!origin) return { load: false };
  if (await service.hasProcedures(origin).catch(() => false)) return { load: true };
  const [{ guides: list }, installed] = await Promise.all([builtinGuides(), installedGuidePatterns()]);
  // URL patterns only: the worker has no page to check the guide's content conditions on.
  const patterns = [...list.flatMap((g) => g.matches.urls), ...installed];
  return { load: patterns.some((pattern) => patternMatchesUrl(pattern, url)) };
}

addHandlers({
  [CALL]: (message) => answerCall(service, message),
  [PROBE]: (message) => probe(message.url),
});
