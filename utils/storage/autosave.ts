/**
 * Debounced autosave: a burst of keystrokes becomes one transaction for the set of fields
 * touched, written `delayMs` after the last keystroke (or `maxWaitMs` after the first, so
 * endless typing is still saved), and at once on `pagehide` or `flush()`.
 */
import type { FieldDescriptor } from '../forms/sensitive.ts';
import type { FieldValue } from './db.ts';
import { type FieldIdentity, fieldKey } from './field-identity.ts';
import { type FieldSave, isSensitiveIdentity, type SaveResult } from './progress.ts';

type Saver = { saveMany(entries: readonly FieldSave[]): Promise<SaveResult[]> };
type EventSource = {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
};

export type AutosaverOptions = {
  delayMs?: number;
  maxWaitMs?: number;
  /** Where `pagehide` is listened for; the page's window by default (none in Node). */
  target?: EventSource | null;
  /** A background save failed (e.g. StorageFullError). The values stay queued for the next try. */
  onError?: (error: unknown) => void;
  onSaved?: (count: number) => void;
};

export type Autosaver = {
  queue(procedureId: string, identity: FieldIdentity, value: FieldValue, descriptor?: FieldDescriptor): void;
  /** Writes everything queued now; resolves when it is in the database. */
  flush(): Promise<void>;
  /** Number of fields waiting to be written. */
  readonly pending: number;
  /** Flushes and stops listening. */
  dispose(): Promise<void>;
};

export function createAutosaver(store: Saver, options: AutosaverOptions = {}): Autosaver {
  const delayMs = options.delayMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? Math.max(delayMs * 5, 2000);
  const target =
    options.target !== undefined
      ? options.target
      : typeof window !== 'undefined'
        ? (window as unknown as EventSource)
        : null;
  let pending = new Map<string, FieldSave>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstQueuedAt: number | undefined;
  let chain: Promise<void> = Promise.resolve();

  function clearTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function runFlush(): Promise<void> {
    clearTimer();
    firstQueuedAt = undefined;
    const next = chain.then(async () => {
      if (pending.size === 0) return;
      const batch = pending;
      pending = new Map();
      try {
        await store.saveMany([...batch.values()]);
        options.onSaved?.(batch.size);
      } catch (error) {
        // Keep what failed unless the person typed a newer value meanwhile: nothing is lost.
        for (const [key, entry] of batch) if (!pending.has(key)) pending.set(key, entry);
        throw error;
      }
    });
    chain = next.catch(() => undefined);
    return next;
  }

  function scheduled() {
    runFlush().catch((error) => options.onError?.(error));
  }

  const onPageHide = () => scheduled();
  target?.addEventListener('pagehide', onPageHide);

  return {
    queue(procedureId, identity, value, descriptor) {
      const sensitive = isSensitiveIdentity(identity, descriptor);
      // Do not even keep a secret in memory: queue an erase instead.
      const entry: FieldSave = { procedureId, identity, value: sensitive ? '' : value };
      if (descriptor) entry.descriptor = descriptor;
      const key = `${procedureId}\u0000${fieldKey(identity)}`;
      pending.delete(key);
      pending.set(key, entry);
      const now = Date.now();
      firstQueuedAt ??= now;
      clearTimer();
      const wait = Math.max(0, Math.min(delayMs, firstQueuedAt + maxWaitMs - now));
      timer = setTimeout(scheduled, wait);
    },
    flush: runFlush,
    get pending() {
      return pending.size;
    },
    async dispose() {
      target?.removeEventListener('pagehide', onPageHide);
      await runFlush();
    },
  };
}
