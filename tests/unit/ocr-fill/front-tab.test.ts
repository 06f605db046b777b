import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../utils/i18n/index.ts';
import {
  checkReadingTab,
  FrontTabError,
  frontTab,
  frontTabCatalogs,
  frontTabMessage,
  parseRefusal,
  recordReadingTab,
  siteOf,
  type TabInfo,
} from '../../../utils/ocr/front-tab/index.ts';

const BANK = 'http://127.0.0.1:4000/aide-logement/banque.html?widget=0';
const tab = (id: number, url: string, extra: Partial<TabInfo> = {}): TabInfo => ({ id, url, ...extra });

describe('siteOf', () => {
  it('keeps the origin of web pages, the path of local files, nothing for browser and extension pages', () => {
    expect(siteOf(BANK)).toBe('http://127.0.0.1:4000');
    expect(siteOf('https://www.caf.fr/allocataires#x')).toBe('https://www.caf.fr');
    expect(siteOf('http://localhost:4000/plain.html')).not.toBe(siteOf(BANK));
    expect(siteOf('file:///home/a/form.html#top')).toBe('file:///home/a/form.html');
    expect(siteOf('file:///home/a/other.html')).not.toBe(siteOf('file:///home/a/form.html'));
    for (const url of [
      'chrome://newtab/',
      'chrome-extension://abc/sidepanel.html',
      'about:blank',
      'nonsense',
      '',
    ])
      expect(siteOf(url)).toBeUndefined();
    expect(siteOf(undefined)).toBeUndefined();
  });
});

describe('frontTab', () => {
  it('is the active tab of the window for the real side panel', () => {
    const tabs = [
      tab(1, BANK, { lastAccessed: 9 }),
      tab(2, 'https://x.fr/', { active: true, lastAccessed: 5 }),
    ];
    expect(frontTab(tabs)?.id).toBe(2);
    expect(frontTab(tabs, 7)?.id).toBe(2);
  });

  it('is the tab used just before when the side panel page is itself the active tab', () => {
    const tabs = [
      tab(1, BANK, { lastAccessed: 10 }),
      tab(3, 'chrome-extension://abc/sidepanel.html', { active: true, lastAccessed: 30 }),
      tab(2, 'http://localhost:4000/plain.html', { lastAccessed: 20 }),
    ];
    expect(frontTab(tabs, 3)?.id).toBe(2);
    expect(
      frontTab(
        tabs.filter((t) => t.id !== 2),
        3,
      )?.id,
    ).toBe(1);
    expect(frontTab([tabs[1] as TabInfo], 3)).toBeUndefined();
  });

  it('is nothing when no tab is active', () => {
    expect(frontTab([tab(1, BANK)])).toBeUndefined();
    expect(frontTab([])).toBeUndefined();
  });
});

describe('recordReadingTab and checkReadingTab', () => {
  const bank = tab(1, BANK, { active: true });
  const recorded = recordReadingTab(bank);

  it('records the tab in front and its site; nothing for a page we never fill', () => {
    expect(recorded).toEqual({ tabId: 1, site: 'http://127.0.0.1:4000' });
    expect(recordReadingTab(tab(4, 'chrome://settings/', { active: true }))).toBeUndefined();
    expect(recordReadingTab(undefined)).toBeUndefined();
    expect(recordReadingTab({ url: BANK })).toBeUndefined();
  });

  it('lets the values go to the same tab, still in front, on another page of the same site', () => {
    expect(checkReadingTab(recorded, bank)).toEqual({ ok: true, tabId: 1 });
    const next = tab(1, 'http://127.0.0.1:4000/aide-logement/documents.html', { active: true });
    expect(checkReadingTab(recorded, next)).toEqual({ ok: true, tabId: 1 });
  });

  it('refuses another tab in front, even of the same site', () => {
    expect(checkReadingTab(recorded, tab(2, 'http://localhost:4000/plain.html', { active: true }))).toEqual({
      ok: false,
      code: 'tab-changed',
    });
    expect(checkReadingTab(recorded, tab(2, BANK, { active: true }))).toEqual({
      ok: false,
      code: 'tab-changed',
    });
    expect(checkReadingTab(recorded, undefined)).toEqual({ ok: false, code: 'tab-changed' });
  });

  it('refuses the same tab once it moved to another site or a browser page', () => {
    for (const url of [
      'http://localhost:4000/plain.html',
      'https://127.0.0.1:4000/',
      'chrome://newtab/',
      undefined,
    ])
      expect(checkReadingTab(recorded, { id: 1, active: true, url })).toEqual({
        ok: false,
        code: 'site-changed',
      });
  });

  it('refuses when no reading was recorded', () => {
    expect(checkReadingTab(undefined, bank)).toEqual({ ok: false, code: 'no-page' });
  });

  it('for a capture, also wants the tab displayed (not only the last used behind the side panel page)', () => {
    const behind = tab(1, BANK, { active: false });
    expect(checkReadingTab(recorded, behind)).toEqual({ ok: true, tabId: 1 });
    expect(checkReadingTab(recorded, behind, { shown: true })).toEqual({ ok: false, code: 'not-shown' });
    expect(checkReadingTab(recorded, bank, { shown: true })).toEqual({ ok: true, tabId: 1 });
  });
});

describe('refusals as data and as words', () => {
  it('parses only known codes', () => {
    expect(parseRefusal({ refused: 'tab-changed' })).toBe('tab-changed');
    expect(parseRefusal({ refused: 'site-changed' })).toBe('site-changed');
    expect(parseRefusal({ refused: 'anything' })).toBeUndefined();
    expect(parseRefusal({ filled: [] })).toBeUndefined();
    expect(parseRefusal(null)).toBeUndefined();
    expect(parseRefusal(undefined)).toBeUndefined();
  });

  it('the typed error carries its code', () => {
    const error = new FrontTabError('site-changed');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('site-changed');
  });

  it('has a plain message in every language for every code', () => {
    const codes = ['no-page', 'tab-changed', 'site-changed', 'not-shown'] as const;
    for (const lang of LANGS)
      for (const code of codes) {
        const text = frontTabMessage(lang, code);
        expect(text).toBe(frontTabCatalogs[lang][`ocr.front.${code}`]);
        expect(text.length).toBeGreaterThan(10);
      }
    expect(frontTabMessage('fr', 'tab-changed')).toContain('changé d’onglet');
    expect(frontTabMessage('ar', 'site-changed')).not.toBe(frontTabMessage('fr', 'site-changed'));
  });
});
