import { describe, expect, it } from 'vitest';
import { type EndDeps, endSession } from '../../../utils/session-end/end';
import { removalPlan } from '../../../utils/session-end/removal';
import { type EndReport, summaryOf } from '../../../utils/session-end/report';
import { addSite, hostnamesOf, MAX_SITES, parseSites, siteOrigin } from '../../../utils/session-end/sites';

describe('sites used during a session', () => {
  it('keeps web origins only, once each, the most recent last, bounded', () => {
    expect(siteOrigin('https://www.caf.fr/allocataires/aide?x=1')).toBe('https://www.caf.fr');
    expect(siteOrigin('chrome-extension://abc/options.html')).toBeNull();
    expect(siteOrigin('about:blank')).toBeNull();
    expect(siteOrigin('pas une adresse')).toBeNull();
    expect(addSite(['https://a.fr', 'https://b.fr'], 'https://a.fr')).toEqual([
      'https://b.fr',
      'https://a.fr',
    ]);
    let list: string[] = [];
    for (let i = 0; i < MAX_SITES + 5; i++) list = addSite(list, `https://s${i}.fr`);
    expect(list).toHaveLength(MAX_SITES);
    expect(list[0]).toBe('https://s5.fr');
    expect(parseSites(['https://a.fr/x', 'https://a.fr', 42, 'file:///etc/passwd'])).toEqual([
      'https://a.fr',
    ]);
    expect(parseSites('nope')).toEqual([]);
    expect(hostnamesOf(['https://a.fr', 'http://a.fr:8080', 'https://b.fr'])).toEqual(['a.fr', 'b.fr']);
  });
});

describe('what is asked of browsingData', () => {
  it('Chromium: the session’s history and forms since its start, then cookies, storage and cache by origin', () => {
    const plan = removalPlan('chromium', ['https://a.fr'], 1234);
    expect(plan.cacheScope).toBe('sites');
    expect(plan.steps).toHaveLength(2);
    expect(plan.steps[0]).toEqual({
      options: { since: 1234 },
      dataToRemove: { history: true, formData: true, passwords: true, downloads: true },
      kinds: ['history', 'formData', 'passwords', 'downloads'],
    });
    expect(plan.steps[1]?.options).toEqual({ origins: ['https://a.fr'] });
    expect(plan.steps[1]?.dataToRemove).toMatchObject({
      cookies: true,
      localStorage: true,
      indexedDB: true,
      cache: true,
    });
    // Never history by origin: Chromium cannot filter it, the call would erase every site's.
    expect(plan.steps[1]?.dataToRemove.history).toBeUndefined();
  });
  it('Firefox: cookies by host name, storage by host and port, and the whole cache (it cannot filter the cache)', () => {
    const plan = removalPlan('firefox', ['https://a.fr', 'http://a.fr:81'], 5);
    expect(plan.steps[0]?.options).toEqual({ since: 5 });
    expect(plan.steps[1]?.options).toEqual({ hostnames: ['a.fr'] });
    expect(plan.steps[1]?.dataToRemove).toEqual({ cookies: true, serviceWorkers: true });
    expect(plan.steps[2]?.options).toEqual({ hostnames: ['a.fr', 'a.fr:81'] });
    expect(plan.steps[2]?.dataToRemove).toEqual({ localStorage: true, indexedDB: true });
    expect(plan.steps[3]).toEqual({ options: {}, dataToRemove: { cache: true }, kinds: ['cache'] });
    expect(plan.cacheScope).toBe('all');
  });
  it('nothing when no site was used', () => {
    expect(removalPlan('chromium', [], 0).steps).toEqual([]);
  });
});

function fakeDeps(over: Partial<EndDeps> = {}) {
  const calls: string[] = [];
  const deps: EndDeps = {
    kind: 'chromium',
    now: () => 1000,
    wipePasapas: async () => void calls.push('wipe'),
    resetSettings: async () => void calls.push('settings'),
    trackedSites: async () => ['https://caf.fr'],
    startedAt: async () => 10,
    hasPermission: async () => true,
    tabs: async () => [
      { id: 1, url: 'https://caf.fr/x' },
      { id: 2, url: 'chrome-extension://id/session-end.html' },
      { id: 3, url: 'https://autre.fr/' },
      { id: 4, url: 'https://caf.fr/y' },
    ],
    closeTabs: async (ids) => void calls.push(`close ${ids.join(',')}`),
    removeBrowsingData: async (options) => void calls.push(`data ${JSON.stringify(options)}`),
    restart: async (at) => void calls.push(`restart ${at}`),
    ...over,
  };
  return { deps, calls };
}

describe('the end of a session', () => {
  it('erases ours first, closes the sites’ tabs before clearing their data, keeps our summary tab', async () => {
    const { deps, calls } = fakeDeps();
    const report = await endSession(deps, [3]);
    expect(calls[0]).toBe('wipe');
    expect(calls[1]).toBe('settings');
    // Tab 3 is kept (the summary's); the extension page is no site.
    expect(calls[2]).toBe('close 1,4');
    expect(calls[3]).toBe('data {"since":10}');
    expect(calls[4]).toBe('data {"origins":["https://caf.fr","https://autre.fr"]}');
    expect(calls.at(-1)).toBe('restart 1000');
    expect(report).toMatchObject({
      pasapas: 'done',
      settings: 'done',
      tabsClosed: 2,
      siteData: 'done',
      sites: ['caf.fr', 'autre.fr'],
    });
    expect(report.siteKinds).toEqual(expect.arrayContaining(['history', 'formData', 'cookies', 'indexedDB']));
    expect(summaryOf(report).erased.map((l) => l.key)).toEqual([
      'end.erased.pasapas',
      'end.erased.settings',
      'end.erased.tabs',
      'end.erased.siteData',
      'end.erased.history',
    ]);
  });

  it('without the permission: says the sites’ data and history were not erased', async () => {
    const { deps, calls } = fakeDeps({ hasPermission: async () => false });
    const report = await endSession(deps);
    expect(calls.some((c) => c.startsWith('data'))).toBe(false);
    expect(report.siteData).toBe('no-permission');
    const { erased, left } = summaryOf(report);
    expect(erased.map((l) => l.key)).not.toContain('end.erased.siteData');
    expect(left.map((l) => l.key)).toEqual([
      'end.left.siteDataNoPermission',
      'end.left.history',
      'end.left.server',
      'end.left.downloads',
      'end.left.printed',
    ]);
  });

  it('one failing step does not stop the others, and is reported as not done', async () => {
    const { deps, calls } = fakeDeps({
      wipePasapas: async () => {
        throw new Error('disk');
      },
      removeBrowsingData: async () => {
        throw new Error('refused');
      },
    });
    const report = await endSession(deps);
    expect(report.pasapas).toBe('failed');
    expect(report.siteData).toBe('failed');
    expect(report.tabsClosed).toBe(3);
    expect(calls).toContain('settings');
    const { erased, left } = summaryOf(report);
    expect(erased.map((l) => l.key)).not.toContain('end.erased.pasapas');
    expect(left.map((l) => l.key).slice(0, 2)).toEqual(['end.left.pasapas', 'end.left.siteDataFailed']);
  });
});

describe('the summary never claims more than the report', () => {
  const base: EndReport = {
    at: 1,
    pasapas: 'done',
    settings: 'done',
    sites: [],
    tabsClosed: 0,
    siteData: 'none',
    siteKinds: [],
    cacheScope: 'sites',
  };
  it('no site used: only ours, and what no extension can erase', () => {
    expect(summaryOf(base)).toEqual({
      erased: [{ key: 'end.erased.pasapas' }, { key: 'end.erased.settings' }],
      left: [{ key: 'end.left.server' }, { key: 'end.left.downloads' }, { key: 'end.left.printed' }],
    });
  });
  it('Firefox says its whole cache went', () => {
    const keys = summaryOf({
      ...base,
      sites: ['a.fr'],
      siteData: 'done',
      siteKinds: ['cache'],
      cacheScope: 'all',
    }).erased.map((l) => l.key);
    expect(keys).toContain('end.erased.cacheAll');
  });
});
