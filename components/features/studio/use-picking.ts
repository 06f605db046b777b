import { useState } from 'preact/hooks';
import { type PickOutcome, pickFailureKey } from '../../../utils/guides/studio';
import type { FrontPage } from '../../app/services';
import type { StudioClient } from './studio-client';
import type { T } from './t';

/**
 * Picking a field in the tab in front of the side panel: the background runs the picking mode in
 * that tab and answers with the field's clues, or why there is none (said in words).
 */
export function usePicking({
  front,
  client,
  t,
  say,
  picked,
}: {
  front: FrontPage | undefined;
  client: StudioClient;
  t: T;
  say(message: string): void;
  picked(answer: Extract<PickOutcome, { ok: true }>): void;
}) {
  // The tab being picked in, while the picking mode runs there.
  const [picking, setPicking] = useState<number | null>(null);
  const pick = async () => {
    const tabId = (await front?.tabId()) ?? null;
    if (tabId === null) {
      say(t('studio.noPage'));
      return;
    }
    setPicking(tabId);
    say(t('studio.picking'));
    const answer = await client.pick(tabId, t('studio.pageHint'));
    setPicking(null);
    if (!answer?.ok) {
      say(t(pickFailureKey(answer)));
      return;
    }
    picked(answer);
  };
  const tell = (action: 'move' | 'choose' | 'cancel', delta?: number) => {
    if (picking !== null) client.tell(picking, action, delta);
  };
  return { picking, pick, tell };
}
