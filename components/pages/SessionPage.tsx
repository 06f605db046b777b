import { useEffect, useState } from 'preact/hooks';
import type { ProgressMode } from '../../utils/progress/types';
import { useServices } from '../app/services';
import { useAdoptedSheet } from '../app/use-adopted-sheet';
import { errorMessage, translatorFor } from '../features/progress/messages';
import { PinForm } from '../features/progress/PinForm';
import { PublicSection, type SessionEvent } from '../features/progress/PublicSection';
import progressCss from '../features/progress/progress.css?inline';

/** To the page's panel: only what happened and how tall this frame is, never a value. */
function tell(message: { event?: SessionEvent; height?: number }): void {
  // The page's origin is not ours to know in advance; nothing secret is in these messages.
  window.parent?.postMessage({ pasapas: 'session', ...message }, '*');
}

/**
 * The shared computer's PIN form and session controls, in our frame on a web page. `banner`: the
 * PIN form of the resume banner; `tab`: the "Mes démarches" tab's whole shared-computer section.
 */
export function SessionPage({
  view,
  claimed,
  announcement,
}: {
  view: 'banner' | 'tab';
  claimed: boolean;
  announcement: { value: string };
}) {
  const { lang, settings, announce, storage } = useServices();
  const t = translatorFor(() => lang.value);
  const [mode, setMode] = useState<ProgressMode | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  // The same look as the PIN form in the panel: fields as wide as the frame, at any text size.
  const mainRef = useAdoptedSheet<HTMLElement>(progressCss);

  useEffect(() => {
    const observer = new ResizeObserver(() => tell({ height: document.documentElement.scrollHeight }));
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!claimed) return;
    let alive = true;
    storage()
      .then((c) => c.mode())
      .then((m) => alive && setMode(m))
      .catch((e: unknown) => alive && setError(errorMessage(lang.value, e)));
    return () => {
      alive = false;
    };
  }, [claimed, version]);

  const comfort = settings.value.comfort;
  return (
    <main
      ref={mainRef}
      class="pp-root pp-docked pp-session pp-progress"
      lang={lang.value}
      dir={lang.value === 'ar' ? 'rtl' : 'ltr'}
      data-theme={comfort.theme}
      data-font={comfort.font}
      style={{ '--pp-scale': String(comfort.textScale) }}
      data-testid="session-page"
      data-claimed={String(claimed)}
    >
      {!claimed && (
        <p class="pp-message pp-message--error" role="alert" data-testid="session-refused">
          {t('progress.session.notOurs')}
        </p>
      )}
      {error && (
        <p class="pp-message pp-message--error" role="alert">
          {error}
        </p>
      )}
      {claimed && mode && view === 'tab' && (
        <PublicSection
          mode={mode}
          t={t}
          lang={lang.value}
          announce={announce}
          onChange={() => setVersion((n) => n + 1)}
          onEvent={(event) => tell({ event })}
        />
      )}
      {claimed && mode && view === 'banner' && mode.kind === 'needs-pin' && (
        <PinForm
          kind="choose"
          t={t}
          lang={lang.value}
          onDone={() => {
            announce(t('progress.pin.chosen'));
            tell({ event: 'pin-chosen' });
          }}
          onSkip={() => tell({ event: 'skip' })}
        />
      )}
      {claimed && mode && view === 'banner' && mode.kind === 'locked' && (
        <PinForm
          kind="unlock"
          t={t}
          lang={lang.value}
          onDone={() => {
            announce(t('progress.pin.unlocked'));
            tell({ event: 'unlocked' });
          }}
        />
      )}
      <div class="pp-sr-only" role="status" aria-live="polite">
        {announcement.value}
      </div>
    </main>
  );
}
