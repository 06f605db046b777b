import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type LoadingWindow, whenPageLoaded } from '../../../utils/plugins/when-page-loaded';

/** A window whose load event the test fires, with vitest's clock. */
function fakeWindow(readyState: DocumentReadyState) {
  const target = new EventTarget();
  const win: LoadingWindow & { fireLoad(): void } = {
    document: { readyState },
    addEventListener: (type, listener, options) => target.addEventListener(type, listener, options),
    removeEventListener: (type, listener) => target.removeEventListener(type, listener),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    fireLoad() {
      win.document.readyState = 'complete';
      target.dispatchEvent(new Event('load'));
    },
  };
  return win;
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('whenPageLoaded', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('a page already loaded: at once', async () => {
    expect(await settled(whenPageLoaded(fakeWindow('complete')))).toBe(true);
  });

  test('a page still loading: not before its load event, then at once, and its timer cleared', async () => {
    const win = fakeWindow('interactive');
    const waiting = whenPageLoaded(win, 3000);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await settled(waiting)).toBe(false);
    win.fireLoad();
    expect(await settled(waiting)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a page whose load never comes: at the cap, not before', async () => {
    const waiting = whenPageLoaded(fakeWindow('loading'), 3000);
    await vi.advanceTimersByTimeAsync(2999);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe(true);
  });
});
