import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../utils/i18n';
import { useServices } from '../../app/services';
import { errorMessage, type T } from './messages';

let ids = 0;

/** Choose a PIN (twice) or type it to unlock. Errors are said plainly, next to the field. */
export function PinForm({
  kind,
  t,
  lang,
  onDone,
  onSkip,
  autoFocus,
}: {
  kind: 'choose' | 'unlock';
  /** Take focus once drawn: the code was asked as the person left a field (its page gave us focus). */
  autoFocus?: boolean;
  t: T;
  lang: Lang;
  onDone: () => void;
  onSkip?: () => void;
}) {
  const { storage } = useServices();
  const [id] = useState(() => `pp-pin-${++ids}`);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Too many wrong PINs: everything was erased; the form only says so (there is no code any more).
  const [erased, setErased] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) first.current?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError('');
    // The PIN's rules are checked by the vault itself (before any slow work): its message is shown.
    if (kind === 'choose' && pin !== again) {
      setError(t('progress.pin.mismatch'));
      setAgain('');
      first.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const client = await storage();
      if (kind === 'choose') await client.choosePin(pin);
      else await client.unlock(pin);
      setPin('');
      setAgain('');
      onDone();
    } catch (err) {
      // The message says how many tries are left, with a plain warning before the last two.
      setError(errorMessage(lang, err));
      if ((err as { code?: unknown })?.code === 'pin-erased') setErased(true);
      setPin('');
      first.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (erased) {
    return (
      <div class="pp-stack" data-testid="pin-erased">
        <p class="pp-message pp-message--error" role="alert" data-testid="pin-error">
          {error}
        </p>
        <div class="pp-row">
          <button type="button" class="pp-button pp-button--primary" onClick={onDone}>
            {t('progress.pin.erasedNext')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form class="pp-stack" onSubmit={submit} data-testid={`pin-${kind}`} noValidate>
      <label for={`${id}-a`}>{kind === 'choose' ? t('progress.pin.choose') : t('progress.pin.code')}</label>
      <input
        id={`${id}-a`}
        ref={first}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value)}
        data-testid="pin-input"
      />
      {kind === 'choose' && (
        <>
          <label for={`${id}-b`}>{t('progress.pin.confirm')}</label>
          <input
            id={`${id}-b`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={again}
            onInput={(e) => setAgain((e.currentTarget as HTMLInputElement).value)}
            data-testid="pin-again"
          />
        </>
      )}
      {error && (
        <p id={`${id}-err`} class="pp-message pp-message--error" role="alert" data-testid="pin-error">
          {error}
        </p>
      )}
      {busy && (
        <p class="pp-loading" role="status">
          {t('progress.pin.working')}
        </p>
      )}
      <div class="pp-row">
        <button type="submit" class="pp-button pp-button--primary" disabled={busy} data-action="pin-submit">
          {kind === 'choose' ? t('progress.pin.save') : t('progress.pin.unlock')}
        </button>
        {onSkip && (
          <button type="button" class="pp-button" data-action="pin-skip" onClick={onSkip}>
            {t('progress.pin.skip')}
          </button>
        )}
      </div>
    </form>
  );
}
