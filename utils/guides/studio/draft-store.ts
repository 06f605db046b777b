/**
 * The draft survives the side panel being closed: plain data (clues, never a value) in the
 * extension page's own storage. A damaged or refused storage never loses the draft in memory.
 */
import type { Draft } from './draft.ts';

export const DRAFT_KEY = 'pasapas.studio.draft';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function loadDraft(store: KeyValueStore | undefined): Draft | null {
  try {
    const raw = store?.getItem(DRAFT_KEY);
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && Array.isArray(draft.steps) ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(store: KeyValueStore | undefined, draft: Draft | null): void {
  try {
    if (draft) store?.setItem(DRAFT_KEY, JSON.stringify(draft));
    else store?.removeItem(DRAFT_KEY);
  } catch {
    // storage full or refused: the draft stays in memory
  }
}
