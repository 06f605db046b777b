import { useEffect, useState } from 'preact/hooks';
import type { ProgressMode } from '../../../utils/progress/types';
import { useServices } from '../../app/services';
import { useSessionFrame } from '../../app/session-frame';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { errorMessage, translatorFor } from './messages';
import { PinForm } from './PinForm';
import { PublicSection } from './PublicSection';
import progressCss from './progress.css?inline';

/**
 * The shared computer's PIN form and session controls, in our frame on a web page
 * (components/pages/SessionPage.tsx). `banner`: the PIN form of the resume banner; `tab`: the
 * "Mes démarches" tab's whole shared-computer section.
 */
export default function SessionView() {
  const { lang, announce, storage } = useServices();
  const { view, claimed, takeFocus, tell, endAll } = useSessionFrame();
  const t = translatorFor(() => lang.value);
  const [mode, setMode] = useState<ProgressMode | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  // The same look as the PIN form in the panel: fields as wide as the frame, at any text size.
  const ref = useAdoptedSheet<HTMLDivElement>(progressCss);

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

  return (
    <div ref={ref} class="pp-progress">
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
          endAll={endAll}
        />
      )}
      {claimed && mode && view === 'banner' && mode.kind === 'needs-pin' && (
        <PinForm
          kind="choose"
          t={t}
          lang={lang.value}
          autoFocus={takeFocus}
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
          autoFocus={takeFocus}
          onDone={() => {
            announce(t('progress.pin.unlocked'));
            tell({ event: 'unlocked' });
          }}
        />
      )}
    </div>
  );
}
