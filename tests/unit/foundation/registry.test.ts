import { describe, expect, test, vi } from 'vitest';
import { createRegistry, DuplicateFeatureError, memoLoader } from '../../../utils/plugins/registry';

const def = (
  id: 'comfort' | 'speech' | 'guides',
  order: number,
  contexts: ('page' | 'sidepanel' | 'widget')[],
) => ({
  id,
  labelKey: `feature.${id}`,
  messages: { fr: { [`feature.${id}`]: id } },
  icon: 'M0 0',
  order,
  contexts,
  loadTab: async () => id,
});

describe('feature registry', () => {
  test('lists features for a context, in order, limited by the allow-list', () => {
    const registry = createRegistry([
      def('speech', 40, ['page', 'widget']),
      def('comfort', 30, ['page', 'sidepanel', 'widget']),
      def('guides', 10, ['sidepanel', 'widget']),
    ]);
    expect(registry.ids).toEqual(['guides', 'comfort', 'speech']);
    expect(registry.has('speech')).toBe(true);
    expect(registry.has('teleport')).toBe(false);
    expect(registry.list('widget').map((f) => f.id)).toEqual(['guides', 'comfort', 'speech']);
    expect(registry.list('sidepanel').map((f) => f.id)).toEqual(['guides', 'comfort']);
    expect(registry.list('widget', ['speech', 'comfort']).map((f) => f.id)).toEqual(['comfort', 'speech']);
  });
  test('refuses a feature registered twice', () => {
    expect(() => createRegistry([def('comfort', 1, ['page']), def('comfort', 2, ['page'])])).toThrow(
      DuplicateFeatureError,
    );
  });
  test('a tab loads once, and a failed load can be retried', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('tab');
    const memo = memoLoader(load);
    await expect(memo()).rejects.toThrow('offline');
    expect(await memo()).toBe('tab');
    expect(await memo()).toBe('tab');
    expect(load).toHaveBeenCalledTimes(2);
  });
  test('every feature for the options page, in order, whatever its contexts', () => {
    const registry = createRegistry([def('speech', 40, ['page']), def('guides', 10, ['sidepanel'])]);
    expect(registry.all().map((f) => f.id)).toEqual(['guides', 'speech']);
  });
});

describe('the product registry', () => {
  test('declares the page work, page commands, options sections, options and strings the shell no longer names', async () => {
    const { features } = await import('../../../components/features');
    const byId = Object.fromEntries(features.all().map((f) => [f.id, f]));
    // Progress and guides own their page work; guides, OCR and speech answer our extension pages' commands.
    expect(typeof byId.progress?.setup).toBe('function');
    expect(typeof byId.guides?.setup).toBe('function');
    expect(typeof byId.guides?.command).toBe('function');
    expect(typeof byId.ocr?.command).toBe('function');
    expect(typeof byId.speech?.command).toBe('function');
    // The options page is composed from these, in panel order.
    expect(
      features
        .all()
        .filter((f) => f.loadOptions)
        .map((f) => f.id),
    ).toEqual(['guides', 'comfort', 'progress', 'accompaniment']);
    // Options: the guides' own schema; preload: progress's.
    expect(byId.guides?.config?.keys).toEqual(['guides', 'catalog', 'trustedKeys', 'places']);
    expect(byId.progress?.preload).toMatchObject({ firstInput: true });
    // Every feature brings its label in the three languages.
    for (const f of features.all())
      for (const lang of ['fr', 'en', 'ar'] as const) expect(f.messages[lang]?.[f.labelKey]).toBeTruthy();
  });

  test('the shell files name no feature: mount, page script, loader, icons, page messages, options page', async () => {
    const { features } = await import('../../../components/features');
    const { readFileSync } = await import('node:fs');
    const read = (f: string) => readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8');
    const shell = [
      'components/app/mount.tsx',
      'entrypoints/every-page.ts',
      'widgets/loader.ts',
      'components/panel/icons.tsx',
      'components/app/tell-tab.ts',
      'components/pages/OptionsPage.tsx',
    ];
    expect(features.ids.length).toBeGreaterThan(5);
    for (const file of shell) {
      const text = read(file);
      for (const id of features.ids)
        expect({ file, id, named: new RegExp(`\\b${id}\\b`).test(text) }).toEqual({ file, id, named: false });
    }
  });

  test('a feature registers with one line of list.ts, and its id becomes a FeatureId', async () => {
    const { readFileSync } = await import('node:fs');
    const list = readFileSync(new URL('../../../components/features/list.ts', import.meta.url), 'utf8');
    const { features } = await import('../../../components/features');
    const lines = list.split('\n').filter((l) => l.startsWith('export '));
    expect(lines).toHaveLength(features.ids.length);
    for (const id of features.ids) expect(lines.filter((l) => l.includes(`./${id}/feature`))).toHaveLength(1);
  });
});
