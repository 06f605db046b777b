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
import {
  configFromDataset,
  formatProblems,
  parseWidgetConfig,
  withScriptTagOptIns,
} from '../../../utils/widget/config';
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
  test('no valid feature at all falls back to every feature (but the opt-in recorder)', () => {
    const { config, problems } = parseWidgetConfig({ features: 'nope' }, known);
    expect(config.features).toEqual(features.ids.filter((id) => id !== 'studio'));
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
  test('the recorder (studio) is off by default, on only with studio="true"', () => {
    expect(parseWidgetConfig({}, known).config.features).not.toContain('studio');
    expect(parseWidgetConfig({}, known).config.options.studio).toEqual({ recorder: false });
    // data-features alone does not turn it on, and says why.
    const listed = parseWidgetConfig({ features: 'guides,studio' }, known);
    expect(listed.config.features).toEqual(['guides']);
    expect(listed.problems.map((p) => p.field)).toEqual(['features']);
    expect(formatProblems(listed.problems)).toContain('<script>');
    for (const on of [true, 'true']) {
      const { config, problems } = parseWidgetConfig({ features: 'guides', studio: on }, known);
      expect(problems).toEqual([]);
      expect(config.features).toEqual(['guides', 'studio']);
    }
    // Anything but true leaves it off; a value that is not a plain "false" is reported.
    for (const off of ['false', '', false]) {
      const { config, problems } = parseWidgetConfig({ studio: off }, known);
      expect(config.features).not.toContain('studio');
      expect(problems).toEqual([]);
    }
    for (const typo of ['yes', 'TRUE ', '1', 1, { recorder: true }]) {
      const { config, problems } = parseWidgetConfig({ studio: typo }, known);
      expect(config.features).not.toContain('studio');
      expect(problems.map((p) => p.field)).toEqual(['studio']);
    }
    expect(configFromDataset({ studio: 'true', colour: 'x' }, known)).toEqual({ studio: 'true' });
  });
  test('the recorder is turned on by the widget script tag only, never by the page', () => {
    // PasAPas.mount({ studio: true }) or a <pasapas-aide data-studio> from a page's script: ignored, reported.
    const forged = withScriptTagOptIns({ features: 'guides', studio: 'true' }, {}, known);
    expect(forged.input).toEqual({ features: 'guides' });
    expect(forged.problems.map((p) => p.field)).toEqual(['studio']);
    expect(parseWidgetConfig(forged.input, known).config.features).toEqual(['guides']);
    // The tag says so: on, whatever the mount options say.
    const tag = { studio: 'true' };
    expect(withScriptTagOptIns({ features: 'guides' }, tag, known)).toEqual({
      input: { features: 'guides', studio: 'true' },
      problems: [],
    });
    // The element the loader makes copies the tag's attributes: the same value is no problem.
    expect(withScriptTagOptIns({ studio: 'true' }, tag, known).problems).toEqual([]);
    const turnedOff = withScriptTagOptIns({ studio: 'false' }, tag, known);
    expect(turnedOff.input).toEqual({ studio: 'true' });
    // Other options are the page's to set, as before.
    expect(withScriptTagOptIns({ lang: 'ar', catalog: '/c.json' }, {}, known)).toEqual({
      input: { lang: 'ar', catalog: '/c.json' },
      problems: [],
    });
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
