/**
 * The position in a guide, kept in `sessionStorage` between the pages of a procedure (this tab
 * only, gone when it closes). Broken or blocked storage is never an error: the guide starts from the page.
 */
import type { Guide } from './format.ts';
import type { GuideRunSnapshot } from './run.ts';

export const positionKey = (guideId: string) => `pasapas:guide:${guideId}`;

export type StoredPosition = { snapshot: GuideRunSnapshot; url: string; finished?: boolean };

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readPosition(storage: StorageLike | undefined, guide: Guide): StoredPosition | undefined {
  try {
    const raw = storage?.getItem(positionKey(guide.id));
    if (!raw) return undefined;
    const data = JSON.parse(raw) as Partial<StoredPosition>;
    const snap = data?.snapshot;
    if (!snap || snap.guideId !== guide.id || typeof snap.index !== 'number' || !Array.isArray(snap.done))
      return undefined;
    return {
      snapshot: {
        guideId: guide.id,
        version: String(snap.version ?? ''),
        index: snap.index,
        done: snap.done.filter((d): d is string => typeof d === 'string'),
      },
      url: typeof data.url === 'string' ? data.url : '',
      finished: data.finished === true,
    };
  } catch {
    return undefined; // broken or blocked storage: start from the page
  }
}

export function writePosition(storage: StorageLike | undefined, position: StoredPosition): void {
  try {
    storage?.setItem(positionKey(position.snapshot.guideId), JSON.stringify(position));
  } catch {
    // Storage full or blocked: the guide still works on this page.
  }
}
