import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveQueue } from '../../../utils/progress/save-queue';
import type { FieldSave, SaveResult } from '../../../utils/storage/progress';

const id = (name: string) => ({ name, formIndex: 0, position: 0, path: '/p' });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder(fail = 0) {
  const batches: FieldSave[][] = [];
  let failures = fail;
  const save = async (entries: readonly FieldSave[]): Promise<SaveResult[]> => {
    if (failures-- > 0) throw Object.assign(new Error('full'), { code: 'storage-full' });
    batches.push([...entries]);
    return entries.map(() => ({ saved: true, cleared: false }));
  };
  return { batches, save };
}

describe('page save queue', () => {
  it('turns a burst of keystrokes into one save, the last value winning', async () => {
    const { batches, save } = recorder();
    const saved: number[] = [];
    const q = createSaveQueue(save, { delayMs: 500, onSaved: (n) => saved.push(n) });
    for (const v of ['M', 'Ma', 'Mar', 'Martin']) {
      q.queue('p', id('nom'), v);
      await vi.advanceTimersByTimeAsync(100);
    }
    q.queue('p', id('prenom'), 'Léa');
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((e) => e.value)).toEqual(['Martin', 'Léa']);
    expect(saved).toEqual([2]);
  });

  it('saves endless typing after maxWaitMs, and at once on flush', async () => {
    const { batches, save } = recorder();
    const q = createSaveQueue(save, { delayMs: 500, maxWaitMs: 2000 });
    for (let i = 0; i < 30; i++) {
      q.queue('p', id('texte'), 'x'.repeat(i + 1));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(batches.length).toBeGreaterThanOrEqual(1);
    q.queue('p', id('nom'), 'Martin');
    await q.flush();
    expect(batches.at(-1)?.map((e) => e.value)).toEqual(['x'.repeat(30), 'Martin']);
    expect(q.pending).toBe(0);
  });

  it('says « saved » only when nothing typed waits: a value typed during a save waits for the next one', async () => {
    const batches: string[][] = [];
    let release: () => void = () => {};
    const save = (entries: readonly FieldSave[]): Promise<SaveResult[]> => {
      batches.push(entries.map((e) => String(e.value)));
      return new Promise((resolve) => {
        release = () => resolve(entries.map(() => ({ saved: true, cleared: false })));
      });
    };
    const saved: number[] = [];
    const q = createSaveQueue(save, { delayMs: 500, onSaved: (n) => saved.push(n) });
    q.queue('p', id('situation'), 'marie');
    const first = q.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([['marie']]);
    q.queue('p', id('adresse'), '3 rue des Lilas');
    release();
    await first;
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toEqual([['marie'], ['3 rue des Lilas']]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([1]);
  });

  it('never keeps a secret, even in memory: a password is queued as an erase', async () => {
    const { batches, save } = recorder();
    const q = createSaveQueue(save);
    q.queue('p', id('pw'), 'hunter2', { type: 'password' });
    q.queue('p', id('code'), '123456', { autocomplete: 'one-time-code' });
    await q.flush();
    expect(JSON.stringify(batches)).not.toContain('hunter2');
    expect(JSON.stringify(batches)).not.toContain('123456');
  });

  it('keeps what failed for the next try, unless a newer value was typed', async () => {
    const { batches, save } = recorder(1);
    const errors: unknown[] = [];
    const q = createSaveQueue(save, { delayMs: 100, onError: (e) => errors.push(e) });
    q.queue('p', id('nom'), 'Martin');
    await vi.advanceTimersByTimeAsync(100);
    expect(errors).toHaveLength(1);
    expect(q.pending).toBe(1);
    await q.flush();
    expect(batches[0]?.map((e) => e.value)).toEqual(['Martin']);
  });

  it('clear() drops what waits: nothing of an ended session is written after', async () => {
    const { batches, save } = recorder();
    const q = createSaveQueue(save, { delayMs: 100 });
    q.queue('p', id('nom'), 'Martin');
    q.clear();
    await vi.advanceTimersByTimeAsync(500);
    await q.flush();
    expect(batches).toEqual([]);
    expect(q.pending).toBe(0);
  });
});
