/**
 * The shared computer's controls: choose the PIN, unlock, lock, "Terminer ma session". Shown in
 * our extension pages and the widget; on a web page the extension shows them only inside our
 * own frame (SessionFrame), where the page can neither read the PIN as it is typed nor press
 * the buttons.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../utils/i18n';
import type { ProgressMode } from '../../../utils/progress/types';
import { useServices } from '../../app/services';
import { Confirm } from './Confirm';
import type { T } from './messages';
import { PinForm } from './PinForm';

/** What happened, for the page's progress agent (resume after the PIN, forget after the end). */
export type SessionEvent = 'pin-chosen' | 'unlocked' | 'locked' | 'ended' | 'skip';

export function formatDate(lang: Lang, time: number): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(time);
  } catch {
    return new Date(time).toLocaleString();
  }
}

export function PublicSection({
  mode,
  t,
  lang,
  onChange,
  announce,
  onEvent,
  endAll,
}: {
  mode: ProgressMode;
  t: T;
  lang: Lang;
  onChange: () => void;
  announce: (m: string) => void;
  onEvent?: (event: SessionEvent) => void;
  /**
   * The extension's whole end of session (background/session-end.ts): the sites' tabs, data and
   * history too, then its summary in a tab of ours. Absent in the widget: only our data goes.
   */
  endAll?: () => Promise<unknown>;
}) {
  const { storage } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [ended, setEnded] = useState(false);
  const endButton = useRef<HTMLButtonElement>(null);
  const endedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (ended) endedRef.current?.focus();
  }, [ended]);
  if (mode.kind === 'clear') {
    return ended ? (
      <p ref={endedRef} tabIndex={-1} class="pp-message" role="status" data-testid="session-ended">
        {t('progress.public.ended')}
      </p>
    ) : null;
  }
  const end = async () => {
    if (endAll) {
      // This tab may close before an answer comes: the summary page tells what was done.
      onEvent?.('ended');
      await endAll().catch(() => undefined);
      setConfirming(false);
      onChange();
      return;
    }
    const client = await storage();
    const result = await client.wipe();
    onEvent?.('ended');
    setConfirming(false);
    if (result.nothingLeft) {
      setEnded(true);
      announce(t('progress.public.ended'));
    }
    onChange();
  };
  return (
    <section
      class="pp-stack"
      aria-labelledby="pp-public-title"
      data-testid="public-section"
      data-mode={mode.kind}
    >
      <h2 id="pp-public-title">{t('progress.public.title')}</h2>
      {ended && (
        <p ref={endedRef} tabIndex={-1} class="pp-message" role="status" data-testid="session-ended">
          {t('progress.public.ended')}
        </p>
      )}
      {mode.kind === 'needs-pin' && (
        <>
          <p>{t('progress.pin.needIntro')}</p>
          <PinForm
            kind="choose"
            t={t}
            lang={lang}
            onDone={() => {
              announce(t('progress.pin.chosen'));
              onEvent?.('pin-chosen');
              onChange();
            }}
          />
        </>
      )}
      {mode.kind === 'locked' && (
        <>
          <p>{t('progress.pin.lockedIntro')}</p>
          <PinForm
            kind="unlock"
            t={t}
            lang={lang}
            onDone={() => {
              announce(t('progress.pin.unlocked'));
              onEvent?.('unlocked');
              onChange();
            }}
          />
        </>
      )}
      {mode.kind === 'unlocked' && (
        <>
          <p>{t('progress.public.on', { time: formatDate(lang, mode.expiresAt) })}</p>
          <div class="pp-row">
            <button
              type="button"
              class="pp-button"
              data-action="lock"
              onClick={async () => {
                await (await storage()).lock();
                onEvent?.('locked');
                onChange();
              }}
            >
              {t('progress.public.lock')}
            </button>
          </div>
        </>
      )}
      <p class="pp-progress-muted">{t('progress.pin.workerNote')}</p>
      {!confirming ? (
        <button
          type="button"
          ref={endButton}
          class="pp-button pp-button--primary"
          data-action="end-session"
          onClick={() => setConfirming(true)}
        >
          {t('progress.public.end')}
        </button>
      ) : (
        <Confirm
          text={t('progress.public.endConfirm')}
          yes={t('progress.public.endYes')}
          no={t('progress.list.cancel')}
          onYes={end}
          onNo={() => {
            setConfirming(false);
            queueMicrotask(() => endButton.current?.focus());
          }}
          testId="end-confirm"
        />
      )}
    </section>
  );
}
