// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { features } from '../../../components/features';
import {
  createExtensionSettingsStore,
  createLocalSettingsStore,
  parseSettings,
  readLocalSettingsSync,
  SETTINGS_KEY,
} from '../../../utils/settings/settings';
import { configFromDataset, formatProblems, parseWidgetConfig } from '../../../utils/widget/config';
import { parseHandedOptions } from '../../../utils/widget/handover';

/** The registered features: their ids and options are what the configuration accepts. */
const known = features.all();

describe('widget configuration', () => {
  test('a good configuration has no problem', () => {
    const { config, problems } = parseWidgetConfig(
      {
        features: 'comfort, speech',
        lang: 'ar',
        position: 'left',
      },
      known,
    );
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ features: ['comfort', 'speech'], lang: 'ar', position: 'left' });
  });
  test('a bad one reports each problem in French and English, and keeps the valid part', () => {
    const { config, problems } = parseWidgetConfig(
      {
        features: 'comfort,teleport',
        lang: 'xx',
        position: 'top',
        catalog: 'javascript:alert(1)',
        colour: 'red',
      },
      known,
    );
    expect(config.features).toEqual(['comfort']);
    expect(config.lang).toBeUndefined();
    expect(config.position).toBe('right');
    // The catalog is the guides feature's option: checked by its schema, left out when bad.
    expect(config.options.guides).toEqual({ urls: [], trustedKeys: [] });
    expect(problems.map((p) => p.field)).toEqual(['features', 'lang', 'position', 'catalog', 'colour']);
    const text = formatProblems(problems);
    expect(text).toContain('fonctionnalité inconnue : teleport');
    expect(text).toContain('unknown feature: teleport');
  });
  test('no valid feature at all falls back to every feature', () => {
    const { config, problems } = parseWidgetConfig({ features: 'nope' }, known);
    expect(config.features).toEqual(features.ids);
    expect(problems).toHaveLength(2);
  });
  test('reads data-* attributes', () => {
    const el = document.createElement('div');
    el.setAttribute('data-features', 'speech');
    el.setAttribute('data-trusted-keys', 'abc');
    el.setAttribute('data-colour', 'red');
    expect(configFromDataset(el.dataset, known)).toEqual({ features: 'speech', trustedKeys: 'abc' });
  });
  test('each feature reads its own options; a feature with none needs no key', () => {
    const { config, problems } = parseWidgetConfig(
      {
        guides: 'https://admin.example/g/a.json, javascript:alert(1)',
        catalog: '/catalogue/catalog.json',
        trustedKeys: 'abc',
      },
      known,
    );
    expect(config.options.guides).toEqual({
      urls: ['https://admin.example/g/a.json'],
      catalog: '/catalogue/catalog.json',
      trustedKeys: [],
    });
    expect(problems.map((p) => p.field)).toEqual(['guides', 'trustedKeys']);
    // A feature without options is not in the list, and its id is still a valid feature.
    expect(Object.keys(config.options)).toEqual(known.filter((f) => f.config).map((f) => f.id));
  });
  test('what a widget hands over to the extension is kept as a plain object, or ignored', () => {
    expect(parseHandedOptions(JSON.stringify({ guides: ['/g/a.json'], catalog: '/c.json' }))).toEqual({
      guides: ['/g/a.json'],
      catalog: '/c.json',
    });
    for (const bad of [undefined, '{', 'null', '[1]', '"text"', { guides: ['x'] }, `"${'x'.repeat(70_000)}"`])
      expect(parseHandedOptions(bad)).toBeUndefined();
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
