import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createAutosaver } from '../../../utils/storage/autosave.ts';
import { StorageFullError } from '../../../utils/storage/errors.ts';
import type { FieldIdentity } from '../../../utils/storage/field-identity.ts';
import { createProgressStore, type FieldSave } from '../../../utils/storage/progress.ts';
import { freshDb } from './helpers.ts';

const f = (x: Partial<FieldIdentity>): FieldIdentity => ({
  formIndex: 0,
  position: 0,
  path: '/demande',
  ...x,
});
const CAF = { guideId: 'caf-apl', origin: 'https://www.caf.fr', title: 'Aide au logement' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const originalPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

async function setup() {
  const store = createProgressStore(freshDb());
  const p = await store.startOrGet(CAF);
  const batches: FieldSave[][] = [];
  const counting = {
    saveMany(entries: readonly FieldSave[]) {
      batches.push([...entries]);
      return store.saveMany(entries);
    },
  };
  return { store, p, batches, counting };
}

/** A tiny stand-in for `window`, enough to fire pagehide. */
function fakeWindow() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    addEventListener(type: string, fn: () => void) {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(fn));
    },
    removeEventListener(type: string, fn: () => void) {
      listeners.get(type)?.delete(fn);
    },
    fire(type: string) {
      for (const fn of listeners.get(type) ?? []) fn();
    },
    count(type: string) {
      return listeners.get(type)?.size ?? 0;
    },
  };
}

describe('createAutosaver', () => {
  it('coalesces a burst of keystrokes into one transaction with the last values', async () => {
    const { store, p, batches, counting } = await setup();
    const saver = createAutosaver(counting, { delayMs: 30, target: null });
    const word = 'Dupont-Martin';
    for (let i = 1; i <= word.length; i++) saver.queue(p.id, f({ name: 'nom' }), word.slice(0, i));
    for (const ch of ['L', 'Ly', 'Lyo', 'Lyon']) saver.queue(p.id, f({ name: 'ville', position: 1 }), ch);
    expect(saver.pending).toBe(2);
    expect(batches).toHaveLength(0);
    await expect.poll(() => batches.length, { timeout: 2000 }).toBe(1);
    await expect.poll(() => saver.pending).toBe(0);
    expect(batches[0]?.map((e) => e.value)).toEqual(['Dupont-Martin', 'Lyon']);
    await expect.poll(async () => (await store.savedFields(p.id)).length).toBe(2);
  });

  it('flush() writes at once and resolves when saved', async () => {
    const { store, p, batches, counting } = await setup();
    const saver = createAutosaver(counting, { delayMs: 60_000, target: null });
    saver.queue(p.id, f({ name: 'nom' }), 'Dupont');
    await saver.flush();
    expect(batches).toHaveLength(1);
    expect((await store.savedFields(p.id)).map((s) => s.value)).toEqual(['Dupont']);
    await saver.flush();
    expect(batches).toHaveLength(1);
    await saver.dispose();
  });

  it('flushes on pagehide and stops listening after dispose', async () => {
    const { store, p, counting } = await setup();
    const win = fakeWindow();
    const saver = createAutosaver(counting, { delayMs: 60_000, target: win });
    expect(win.count('pagehide')).toBe(1);
    saver.queue(p.id, f({ name: 'nom' }), 'Dupont');
    win.fire('pagehide');
    await expect.poll(async () => (await store.savedFields(p.id)).length).toBe(1);
    await saver.dispose();
    expect(win.count('pagehide')).toBe(0);
  });

  it('saves during endless typing after maxWaitMs', async () => {
    const { p, batches, counting } = await setup();
    // A pause of a whole second would be needed for the quiet-time save: only maxWaitMs can save here.
    const saver = createAutosaver(counting, { delayMs: 1000, maxWaitMs: 100, target: null });
    // A keystroke every 10 ms until something is saved. Bounded by keystrokes, not by the clock (a
    // busy machine stretches the time, not the count): 1000 of them type for 100 times maxWaitMs,
    // and a saver that never saves fails.
    for (let keys = 0; batches.length === 0; keys++) {
      expect(keys).toBeLessThan(1000);
      saver.queue(p.id, f({ name: 'nom' }), String(keys));
      await sleep(10);
    }
    expect(batches.length).toBeGreaterThanOrEqual(1);
    await saver.dispose();
  });

  it('does not hold a secret in memory and never writes it', async () => {
    const { store, p, batches, counting } = await setup();
    const saver = createAutosaver(counting, { delayMs: 60_000, target: null });
    saver.queue(p.id, f({ name: 'mdp' }), 'hunter2', { type: 'password' });
    await saver.flush();
    expect(JSON.stringify(batches)).not.toContain('hunter2');
    expect(await store.savedFields(p.id)).toEqual([]);
  });

  it('keeps values queued when the disk is full, and saves them once there is room', async () => {
    const { store, p, counting } = await setup();
    const errors: unknown[] = [];
    const saver = createAutosaver(counting, { delayMs: 10, target: null, onError: (e) => errors.push(e) });
    await store.saveField(p.id, f({ name: 'nom' }), 'Dupont');
    IDBObjectStore.prototype.put = (() => {
      throw new DOMException('full', 'QuotaExceededError');
    }) as typeof originalPut;
    saver.queue(p.id, f({ name: 'ville', position: 1 }), 'Lyon');
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toBeInstanceOf(StorageFullError);
    expect(saver.pending).toBe(1);
    await expect(saver.flush()).rejects.toBeInstanceOf(StorageFullError);
    expect((await store.savedFields(p.id)).map((s) => s.value)).toEqual(['Dupont']);
    IDBObjectStore.prototype.put = originalPut;
    await saver.flush();
    expect(saver.pending).toBe(0);
    expect((await store.savedFields(p.id)).map((s) => s.value).sort()).toEqual(['Dupont', 'Lyon']);
  });
});
