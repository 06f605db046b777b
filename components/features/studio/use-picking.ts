import { useState } from 'preact/hooks';
import { type PickOutcome, pickFailureKey } from '../../../utils/guides/studio';
import type { PickTarget } from './pick-target';
import type { T } from './t';

/**
 * Picking a field on the page the author records (the side panel's tab in front, or the widget's
 * own page): it answers with the field's clues, or why there is none (said in words).
 */
export function usePicking({
  target,
  t,
  say,
  picked,
}: {
  target: PickTarget;
  t: T;
  say(message: string): void;
  picked(answer: Extract<PickOutcome, { ok: true }>): void;
}) {
  const [picking, setPicking] = useState(false);
  const pick = async () => {
    setPicking(true);
    say(t('studio.picking'));
    const answer = await target.pick(t('studio.pageHint'));
    setPicking(false);
    if (!answer?.ok) {
      say(t(pickFailureKey(answer)));
      return;
    }
    picked(answer);
  };
  const tell = (action: 'move' | 'choose' | 'cancel', delta?: number) => {
    if (picking) target.tell(action, delta);
  };
  return { picking, pick, tell };
}
