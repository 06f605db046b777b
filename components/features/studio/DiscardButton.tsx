import { useState } from 'preact/hooks';
import type { T } from './t';

/** Throws the draft away, on a second press only: the first one asks to confirm in its own label. */
export function DiscardButton({ t, discard }: { t: T; discard(): void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <button
      type="button"
      class="pp-button"
      onClick={() => {
        if (!confirming) {
          setConfirming(true);
          return;
        }
        setConfirming(false);
        discard();
      }}
    >
      {confirming ? t('studio.discardConfirm') : t('studio.discard')}
    </button>
  );
}
