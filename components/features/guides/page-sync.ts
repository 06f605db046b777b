/**
 * What the page and the side panel share beyond the core guide commands (utils/guides/remote.ts):
 * the documents checklist, and answers sent when something changes instead of the side panel
 * asking again and again. No DOM, no extension API: tested in Node.
 */
import type { GuideCommand, RemoteSnapshot } from '../../../utils/guides/remote';

/** Documents ticked in the checklist, per guide, for as long as the page lives (never stored). */
export type Checklist = {
  get(guideId: string): ReadonlySet<string>;
  set(guideId: string, documentId: string, ticked: boolean): void;
  subscribe(listener: () => void): () => void;
};

export function createChecklist(): Checklist {
  const ticked = new Map<string, ReadonlySet<string>>();
  const listeners = new Set<() => void>();
  const empty: ReadonlySet<string> = new Set();
  return {
    get: (guideId) => ticked.get(guideId) ?? empty,
    set(guideId, documentId, on) {
      const before = ticked.get(guideId) ?? empty;
      if (before.has(documentId) === on) return;
      // A new set each time: views compare by identity.
      const next = new Set(before);
      if (on) next.add(documentId);
      else next.delete(documentId);
      ticked.set(guideId, next);
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch {
          // A broken view must not stop the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's checklist: the in-page tab and the side panel both read and tick this one. */
export const checklist = createChecklist();

/** Side panel commands beyond the core ones. */
export type SyncCommand =
  /** Answers when the snapshot differs from `since` (a previous answer's key), or after `waitMs`. */
  | { action: 'watch'; since: string }
  | { action: 'tick'; guideId: string; documentId: string; ticked: boolean };

export type PageCommand = GuideCommand | SyncCommand;

/** The page's answer: the core snapshot, the ticked documents of the current guide, and its key. */
export type PageSnapshot = RemoteSnapshot & { ticked: string[]; key: string };

const ID_MAX = 200;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= ID_MAX;

/** Messages come from our own extension, but are still checked before use. */
export function parseSyncCommand(value: unknown): SyncCommand | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (c.action === 'watch') return typeof c.since === 'string' ? { action: 'watch', since: c.since } : null;
  if (c.action === 'tick')
    return isId(c.guideId) && isId(c.documentId) && typeof c.ticked === 'boolean'
      ? { action: 'tick', guideId: c.guideId, documentId: c.documentId, ticked: c.ticked }
      : null;
  return null;
}

/**
 * What the side panel shows, as a short string: equal keys, nothing to redraw. The guides
 * themselves count by id and version only (their text does not change while the page lives).
 */
export function snapshotKey(snapshot: RemoteSnapshot, ticked: readonly string[]): string {
  return JSON.stringify([
    snapshot.status,
    snapshot.matching.map((m) => [m.guide.id, m.guide.version, m.trust]),
    snapshot.current,
    [...ticked].sort(),
  ]);
}

/** Something that tells when it may have changed; returns how to stop listening. */
export type ChangeSource = (notify: () => void) => () => void;

/** Resolves at the first change (true) or when the time is up (false), and stops listening. */
export function nextChange(source: ChangeSource, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let stop: (() => void) | undefined;
    let settled = false;
    const settle = (changed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop?.();
      resolve(changed);
    };
    const timer = setTimeout(() => settle(false), Math.max(0, timeoutMs));
    stop = source(() => settle(true));
    if (settled) stop();
  });
}

/**
 * The long-held answer to 'watch': the snapshot as soon as it differs from `since`, else the same
 * one after `timeoutMs` (the side panel then asks again). A notification that changes nothing
 * visible (a keystroke inside a word) does not answer.
 */
export async function watchSnapshot(
  since: string,
  snapshot: () => Promise<PageSnapshot>,
  source: ChangeSource,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<PageSnapshot> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const current = await snapshot();
    const left = deadline - now();
    if (current.key !== since || left <= 0) return current;
    await nextChange(source, left);
  }
}
