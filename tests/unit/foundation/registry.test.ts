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
});
