import { describe, expect, test, vi } from 'vitest';
import { createRegistry, DuplicateFeatureError, memoLoader } from '../../../utils/plugins/registry';

const def = (
  id: 'comfort' | 'speech' | 'guides',
  order: number,
  contexts: ('page' | 'sidepanel' | 'widget')[],
) => ({
  id,
  labelKey: `feature.${id}`,
  icon: 'M0 0',
  order,
  contexts,
  loadTab: async () => id,
});

describe('feature registry', () => {
  test('lists features for a context, in order, limited by the allow-list', () => {
    const registry = createRegistry<string>();
    registry.register(def('speech', 40, ['page', 'widget']));
    registry.register(def('comfort', 30, ['page', 'sidepanel', 'widget']));
    registry.register(def('guides', 10, ['sidepanel', 'widget']));
    expect(registry.list('widget').map((f) => f.id)).toEqual(['guides', 'comfort', 'speech']);
    expect(registry.list('sidepanel').map((f) => f.id)).toEqual(['guides', 'comfort']);
    expect(registry.list('widget', ['speech', 'comfort']).map((f) => f.id)).toEqual(['comfort', 'speech']);
  });
  test('refuses a feature registered twice', () => {
    const registry = createRegistry();
    registry.register(def('comfort', 1, ['page']));
    expect(() => registry.register(def('comfort', 2, ['page']))).toThrow(DuplicateFeatureError);
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
    const registry = createRegistry<string>();
    registry.register(def('speech', 40, ['page']));
    registry.register(def('guides', 10, ['sidepanel']));
    expect(registry.all().map((f) => f.id)).toEqual(['guides', 'speech']);
  });
});

describe('the product registry', () => {
  test('declares the page work, page commands and options sections the shell no longer names', async () => {
    const { features } = await import('../../../components/features');
    const byId = Object.fromEntries(features.all().map((f) => [f.id, f]));
    // Progress owns its page work; guides and OCR answer our extension pages' commands on the page.
    expect(typeof byId.progress?.setup).toBe('function');
    expect(typeof byId.guides?.command).toBe('function');
    expect(typeof byId.ocr?.command).toBe('function');
    // The options page is composed from these, in panel order.
    expect(
      features
        .all()
        .filter((f) => f.loadOptions)
        .map((f) => f.id),
    ).toEqual(['guides', 'comfort', 'progress']);
    // The shell starts no feature's page work and routes no feature's command by name.
    const { readFileSync } = await import('node:fs');
    const read = (f: string) => readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8');
    expect(read('components/app/mount.tsx')).not.toMatch(
      /progress\/start|remote-host|ocr\/page|guideCommand|ocrCommand/,
    );
    expect(read('entrypoints/every-page.ts')).not.toMatch(
      /pasapas:guide'|pasapas:ocr'|guideCommand|ocrCommand/,
    );
    expect(read('components/pages/OptionsPage.tsx')).not.toMatch(/features\/(progress|guides|comfort)\//);
  });
});
