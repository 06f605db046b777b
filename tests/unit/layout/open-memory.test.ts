import { describe, expect, it } from 'vitest';
import {
  createOpenMemory,
  rememberWidgetOpen,
  WIDGET_OPEN_KEY,
  widgetWasOpen,
} from '../../../utils/panel/open-memory';

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key: string) => data.get(key),
    set: async (key: string, value: unknown) => void data.set(key, value),
    remove: async (key: string) => void data.delete(key),
  };
}

describe('the extension remembers an open panel per tab and per site', () => {
  it('reopens on the next page of the same site, in the same tab only', async () => {
    const area = memoryArea();
    const memory = createOpenMemory(area);
    await memory.remember(7, 'https://caf.example', true);
    expect(await memory.wasOpen(7, 'https://caf.example')).toBe(true);
    expect(await memory.wasOpen(8, 'https://caf.example')).toBe(false);
    // Another site in the same tab: the help does not follow the person there.
    expect(await memory.wasOpen(7, 'https://shop.example')).toBe(false);
  });
  it('forgets on closing the panel and when the tab closes', async () => {
    const area = memoryArea();
    const memory = createOpenMemory(area);
    await memory.remember(7, 'https://caf.example', true);
    await memory.remember(7, 'https://caf.example', false);
    expect(await memory.wasOpen(7, 'https://caf.example')).toBe(false);
    await memory.remember(9, 'https://caf.example', true);
    await memory.forget(9);
    expect(area.data.size).toBe(0);
  });
});

describe('the widget remembers it in the site’s sessionStorage', () => {
  const storage = () => {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
  };
  it('open, then closed', () => {
    const s = storage();
    expect(widgetWasOpen(s)).toBe(false);
    rememberWidgetOpen(s, true);
    expect(s.data.get(WIDGET_OPEN_KEY)).toBe('1');
    expect(widgetWasOpen(s)).toBe(true);
    rememberWidgetOpen(s, false);
    expect(widgetWasOpen(s)).toBe(false);
  });
  it('blocked storage is no error: the panel starts closed', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(widgetWasOpen(blocked)).toBe(false);
    expect(() => rememberWidgetOpen(blocked, true)).not.toThrow();
  });
});
