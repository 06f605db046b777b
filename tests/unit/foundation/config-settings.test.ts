// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createExtensionSettingsStore,
  createLocalSettingsStore,
  parseSettings,
  readLocalSettingsSync,
  SETTINGS_KEY,
} from '../../../utils/settings/settings';
import {
  configFromDataset,
  DEFAULT_FEATURES,
  formatProblems,
  parseWidgetConfig,
} from '../../../utils/widget/config';

describe('widget configuration', () => {
  test('a good configuration has no problem', () => {
    const { config, problems } = parseWidgetConfig({
      features: 'comfort, speech',
      lang: 'ar',
      position: 'left',
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ features: ['comfort', 'speech'], lang: 'ar', position: 'left' });
  });
  test('a bad one reports each problem in French and English, and keeps the valid part', () => {
    const { config, problems } = parseWidgetConfig({
      features: 'comfort,teleport',
      lang: 'xx',
      position: 'top',
      catalog: 'javascript:alert(1)',
      colour: 'red',
    });
    expect(config.features).toEqual(['comfort']);
    expect(config.lang).toBeUndefined();
    expect(config.position).toBe('right');
    expect(config.catalog).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual(['features', 'lang', 'position', 'catalog', 'colour']);
    const text = formatProblems(problems);
    expect(text).toContain('fonctionnalité inconnue : teleport');
    expect(text).toContain('unknown feature: teleport');
  });
  test('no valid feature at all falls back to every feature', () => {
    const { config, problems } = parseWidgetConfig({ features: 'nope' });
    expect(config.features).toEqual(DEFAULT_FEATURES);
    expect(problems).toHaveLength(2);
  });
  test('reads data-* attributes', () => {
    const el = document.createElement('div');
    el.setAttribute('data-features', 'speech');
    el.setAttribute('data-trusted-keys', 'abc');
    expect(configFromDataset(el.dataset)).toEqual({ features: 'speech', trustedKeys: 'abc' });
  });
});

describe('settings stores', () => {
  test('broken stored settings keep what is valid', () => {
    expect(parseSettings({ lang: 'zz', speechRate: 9, comfort: { theme: 'dark' } })).toMatchObject({
      speechRate: 1,
      comfort: { theme: 'dark' },
    });
    expect(parseSettings({ lang: 'ar' }).lang).toBe('ar');
  });
  test('extension: per person in storage.local, changes from other pages are received', async () => {
    fakeBrowser.reset();
    const store = createExtensionSettingsStore(fakeBrowser.storage.local, fakeBrowser.storage.onChanged);
    const listener = vi.fn();
    store.subscribe(listener);
    const next = { ...(await store.load()), lang: 'en' as const };
    await store.save(next);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ lang: 'en' }));
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ lang: 'en' });
  });
  test('widget: per site in localStorage, same-page listeners notified, blocked storage keeps working', async () => {
    localStorage.clear();
    const store = createLocalSettingsStore(window);
    const listener = vi.fn();
    store.subscribe(listener);
    await store.save({ ...(await store.load()), speechRate: 1.5 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(readLocalSettingsSync(window).speechRate).toBe(1.5);
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(store.save({ ...(await store.load()), speechRate: 2 })).resolves.toBeUndefined();
    spy.mockRestore();
  });
});
