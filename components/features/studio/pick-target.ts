import type { PickAnswer } from '../../../utils/guides/studio';
import type { FrontPage } from '../../app/services';
import { createPickHandle, type PickHandleOptions } from './pick-handle';
import type { StudioClient } from './studio-client';

/** Where the studio picks fields: the page the author records, seen from the panel. */
export type PickTarget = {
  /** One pick; null when there is no page to pick on. */
  pick(hint: string): Promise<PickAnswer | null>;
  /** Moves, chooses or stops the pick under way. */
  tell(action: 'move' | 'choose' | 'cancel', delta?: number): void;
};

/** The side panel: the tab in front, through the background (components/features/studio/background.ts). */
export function frontTabTarget(front: FrontPage | undefined, client: StudioClient): PickTarget {
  let tab: number | null = null;
  return {
    async pick(hint) {
      tab = (await front?.tabId()) ?? null;
      if (tab === null) return null;
      try {
        return await client.pick(tab, hint);
      } finally {
        tab = null;
      }
    },
    tell(action, delta) {
      if (tab !== null) client.tell(tab, action, delta);
    },
  };
}

/**
 * The widget: its own page, where the administration's staff record. The page's script could see
 * the picking as it sees the widget (same page): it learns nothing, as the picking reads no value.
 */
export function ownPageTarget(
  doc: Document,
  isOurs: (node: Node) => boolean,
  options: PickHandleOptions = {},
): PickTarget {
  let handle: ReturnType<typeof createPickHandle> | null = null;
  return {
    pick(hint) {
      handle ??= createPickHandle(doc, isOurs, options);
      return handle.pick(hint);
    },
    tell(action, delta) {
      if (!handle) return;
      if (action === 'move') handle.move(delta ?? 1);
      else if (action === 'choose') handle.choose();
      else handle.cancel();
    },
  };
}
