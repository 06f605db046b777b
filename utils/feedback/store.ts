/**
 * Where the feedback notes live: one sealed value (AES-GCM, with a key of their own: see
 * FEEDBACK_KEY_FILE) in a small key-value place (the extension's storage.local). A comment is
 * stripped of numbers, yet may still hold a name: it is never on disk in clear. The notes wait
 * for the mediator's export across sessions; when their key is gone, the old value cannot be
 * opened and counts as empty.
 */
import * as v from 'valibot';
import type { Sealed } from '../crypto/aead.ts';
import type { RowCipher } from '../storage/codec.ts';
import { type FeedbackNote, FeedbackNoteSchema } from './notes.ts';

export const FEEDBACK_KEY = 'pasapas:feedback';
const AAD = 'pasapas:feedback:v1';
export const MAX_NOTES = 2000;

export type ValueBox = { read(): Promise<unknown>; write(value: unknown): Promise<void> };

export type FeedbackStore = {
  add(note: FeedbackNote): Promise<void>;
  list(guideId?: string): Promise<FeedbackNote[]>;
  /** Removes a guide's notes (once sent to its author); returns how many went. */
  clear(guideId: string): Promise<number>;
};

const isSealed = (value: unknown): value is Sealed =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as Sealed).iv === 'string' &&
  typeof (value as Sealed).ct === 'string';

export function createFeedbackStore(
  box: ValueBox,
  cipher: (create: boolean) => Promise<RowCipher | null>,
): FeedbackStore {
  let queue: Promise<unknown> = Promise.resolve();
  // One change at a time: two notes sent together must both be kept.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };

  async function readAll(): Promise<FeedbackNote[]> {
    const stored = await box.read();
    if (!isSealed(stored)) return [];
    const key = await cipher(false);
    if (!key) return [];
    try {
      const value = await key.open<unknown>(stored, AAD);
      const parsed = v.safeParse(v.array(FeedbackNoteSchema), value);
      return parsed.success ? parsed.output : [];
    } catch {
      // Sealed with a key that is gone: nobody can read it.
      return [];
    }
  }
  async function writeAll(notes: FeedbackNote[]): Promise<void> {
    if (notes.length === 0) {
      await box.write(undefined);
      return;
    }
    const key = await cipher(true);
    if (!key) throw new Error('no key to seal feedback');
    await box.write(await key.seal(notes, AAD));
  }

  return {
    add: (note) =>
      serial(async () => {
        const notes = await readAll();
        notes.push(v.parse(FeedbackNoteSchema, note));
        await writeAll(notes.slice(-MAX_NOTES));
      }),
    list: async (guideId) => {
      const notes = await serial(readAll);
      return guideId ? notes.filter((n) => n.guideId === guideId) : notes;
    },
    clear: (guideId) =>
      serial(async () => {
        const notes = await readAll();
        const kept = notes.filter((n) => n.guideId !== guideId);
        await writeAll(kept);
        return notes.length - kept.length;
      }),
  };
}
