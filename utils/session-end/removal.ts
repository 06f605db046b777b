/**
 * What the end of a session asks the browser to erase for the sites used, per browser. Chromium's
 * `browsingData.remove` filters cookies, storage and cache by origin (cookies for the whole
 * registrable domain); Firefox's filters cookies and service workers by host name, local storage
 * and IndexedDB by host and port (two calls), and cannot filter its cache: there the whole cache
 * goes, and the summary says so.
 * What the browser keeps about the person rather than about a site — history (with the recently
 * closed tabs and the forms they held), form autofill, saved passwords, the list of downloads —
 * cannot be filtered by site in either browser: it goes from the session's start, for every site
 * (everything since then is the person's on a shared computer).
 */
import { hostnamesOf, hostPortsOf } from './sites';

export type BrowserKind = 'chromium' | 'firefox';

/** The site data kinds the summary names, in its order. */
export const SITE_DATA_KINDS = [
  'cookies',
  'localStorage',
  'indexedDB',
  'serviceWorkers',
  'cacheStorage',
  'cache',
  'history',
  'formData',
  'passwords',
  'downloads',
] as const;
export type SiteDataKind = (typeof SITE_DATA_KINDS)[number];

export type RemovalStep = {
  options: { origins?: string[]; hostnames?: string[]; since?: number };
  dataToRemove: Record<string, boolean>;
  kinds: SiteDataKind[];
};

export type RemovalPlan = {
  steps: RemovalStep[];
  /** `sites`: only the sites' cache; `all`: the browser's whole cache (Firefox). */
  cacheScope: 'sites' | 'all';
};

/** Since the session started, every site: history, autofill, saved passwords, the downloads list. */
function sessionStep(since: number): RemovalStep {
  return {
    options: { since },
    dataToRemove: { history: true, formData: true, passwords: true, downloads: true },
    kinds: ['history', 'formData', 'passwords', 'downloads'],
  };
}

export function removalPlan(kind: BrowserKind, origins: readonly string[], since: number): RemovalPlan {
  if (origins.length === 0) return { steps: [], cacheScope: 'sites' };
  if (kind === 'chromium') {
    return {
      cacheScope: 'sites',
      steps: [
        sessionStep(since),
        {
          options: { origins: [...origins] },
          dataToRemove: {
            cookies: true,
            localStorage: true,
            indexedDB: true,
            serviceWorkers: true,
            cacheStorage: true,
            fileSystems: true,
            cache: true,
          },
          kinds: ['cookies', 'localStorage', 'indexedDB', 'serviceWorkers', 'cacheStorage', 'cache'],
        },
      ],
    };
  }
  return {
    cacheScope: 'all',
    steps: [
      sessionStep(since),
      {
        options: { hostnames: hostnamesOf(origins) },
        dataToRemove: { cookies: true, serviceWorkers: true },
        kinds: ['cookies', 'serviceWorkers'],
      },
      // Matched against `host:port`: by host name alone a site on another port kept them (measured).
      {
        options: { hostnames: hostPortsOf(origins) },
        dataToRemove: { localStorage: true, indexedDB: true },
        kinds: ['localStorage', 'indexedDB'],
      },
      // Not filterable by site in Firefox: the whole cache (pages as the person saw them).
      { options: {}, dataToRemove: { cache: true }, kinds: ['cache'] },
    ],
  };
}
