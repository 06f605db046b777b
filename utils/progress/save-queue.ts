/**
 * Debounced saving on the page side. Same rules as utils/storage's autosaver (a burst of
 * keystrokes becomes one save of the fields touched, `delayMs` after the last one or `maxWaitMs`
 * after the first; a failed save keeps its values for the next try; a secret is never kept, even
 * in memory), but without importing the database: in the extension the page only sends
 * messages, and Dexie stays out of the code loaded on every procedure page.
 */
import { type FieldDescriptor, isSensitiveField } from '../forms/sensitive.ts';
import type { FieldValue } from '../storage/db.ts';
import { type FieldIdentity, fieldKey } from '../storage/field-identity.ts';
import type { FieldSave, SaveResult } from '../storage/progress.ts';

export type SaveQueueOptions = {
  delayMs?: number;
  maxWaitMs?: number;
  onError?: (error: unknown) => void;
  /** After a save that leaves nothing waiting: everything typed so far is saved. */
  onSaved?: (count: number) => void;
  /** Tests: a manual clock and timers. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export type SaveQueue = {
  queue(procedureId: string, identity: FieldIdentity, value: FieldValue, descriptor?: FieldDescriptor): void;
  flush(): Promise<void>;
  /** Drops what waits (the session ended: nothing of it may be written after). */
  clear(): void;
  readonly pending: number;
};

function sensitive(identity: FieldIdentity, descriptor?: FieldDescriptor): boolean {
  return isSensitiveField({
    // Every clue of the descriptor (hint, placeholder, wasPassword…), identity as a fallback.
    ...descriptor,
    type: descriptor?.type ?? null,
    autocomplete: descriptor?.autocomplete ?? null,
    name: descriptor?.name ?? identity.name ?? null,
    id: descriptor?.id ?? identity.id ?? null,
    label: descriptor?.label ?? identity.label ?? null,
  });
}

export function createSaveQueue(
  save: (entries: readonly FieldSave[]) => Promise<SaveResult[]>,
  options: SaveQueueOptions = {},
): SaveQueue {
  const delayMs = options.delayMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? Math.max(delayMs * 5, 2000);
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let pending = new Map<string, FieldSave>();
  let timer: unknown;
  let firstAt: number | undefined;
  let chain: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    firstAt = undefined;
    const next = chain.then(async () => {
      if (pending.size === 0) return;
      const batch = pending;
      pending = new Map();
      try {
        await save([...batch.values()]);
        // « Saved » means all that was typed: a value typed while this batch was on its way
        // still waits, and the next save tells (a test read an early save as the last one).
        if (pending.size === 0) options.onSaved?.(batch.size);
      } catch (error) {
        // Keep what failed unless a newer value was typed meanwhile: nothing is lost.
        for (const [key, entry] of batch) if (!pending.has(key)) pending.set(key, entry);
        throw error;
      }
    });
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    queue(procedureId, identity, value, descriptor) {
      const entry: FieldSave = {
        procedureId,
        identity,
        value: sensitive(identity, descriptor) ? '' : value,
      };
      if (descriptor) entry.descriptor = descriptor;
      const key = `${procedureId}\u0000${fieldKey(identity)}`;
      pending.delete(key);
      pending.set(key, entry);
      const t = now();
      firstAt ??= t;
      if (timer !== undefined) clearTimer(timer);
      const wait = Math.max(0, Math.min(delayMs, firstAt + maxWaitMs - t));
      timer = setTimer(() => {
        flush().catch((error) => options.onError?.(error));
      }, wait);
    },
    flush,
    clear() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      firstAt = undefined;
      pending = new Map();
    },
    get pending() {
      return pending.size;
    },
  };
}
