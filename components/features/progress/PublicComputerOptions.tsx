/** The mediator's section of the options page: public-computer mode on or off, its delays, and a full wipe. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { HOURS_RANGE, IDLE_RANGE, parsePublicComputer } from '../../../utils/progress/public-config';
import type { PublicComputerConfig } from '../../../utils/progress/types';
import { useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { errorMessage, translatorFor } from './messages';
import progressCss from './progress.css?inline';

export function PublicComputerOptions() {
  const { lang, announce, storage } = useServices();
  const t = translatorFor(() => lang.value);
  const [config, setConfig] = useState<PublicComputerConfig | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const ref = useRef<HTMLElement>(null);

  useAdoptedSheet(progressCss, ref);
  useEffect(() => {
    storage()
      .then((c) => c.publicComputer())
      .then(setConfig, (e: unknown) => setError(errorMessage(lang.value, e)));
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!config) return;
    setError('');
    try {
      const checked = parsePublicComputer(config).config;
      await (await storage()).setPublicComputer(checked);
      setConfig(checked);
      setStatus(t('progress.options.saved'));
      announce(t('progress.options.saved'));
    } catch (err) {
      setError(errorMessage(lang.value, err));
    }
  };
  const wipe = async () => {
    setError('');
    try {
      await (await storage()).wipe();
      setConfirming(false);
      setStatus(t('progress.options.wiped'));
      announce(t('progress.options.wiped'));
    } catch (err) {
      setError(errorMessage(lang.value, err));
    }
  };

  return (
    <section aria-labelledby="opt-public" ref={ref} class="pp-stack pp-progress" data-testid="public-options">
      <h2 id="opt-public">{t('progress.options.title')}</h2>
      <p>{t('progress.options.intro')}</p>
      {config && (
        <form class="pp-stack" onSubmit={save}>
          <label class="pp-choice">
            <input
              type="checkbox"
              checked={config.enabled}
              data-testid="public-enabled"
              onChange={(e) =>
                setConfig({ ...config, enabled: (e.currentTarget as HTMLInputElement).checked })
              }
            />
            <span>{t('progress.options.enable')}</span>
          </label>
          <label for="opt-public-idle">{t('progress.options.idle')}</label>
          <input
            id="opt-public-idle"
            type="number"
            min={IDLE_RANGE.min}
            max={IDLE_RANGE.max}
            value={config.idleMinutes}
            onInput={(e) =>
              setConfig({ ...config, idleMinutes: Number((e.currentTarget as HTMLInputElement).value) })
            }
          />
          <label for="opt-public-hours">{t('progress.options.hours')}</label>
          <input
            id="opt-public-hours"
            type="number"
            min={HOURS_RANGE.min}
            max={HOURS_RANGE.max}
            value={config.maxHours}
            onInput={(e) =>
              setConfig({ ...config, maxHours: Number((e.currentTarget as HTMLInputElement).value) })
            }
          />
          <button type="submit" class="pp-button pp-button--primary" data-action="public-save">
            {t('progress.options.save')}
          </button>
        </form>
      )}
      {!confirming ? (
        <button type="button" class="pp-button" data-action="wipe-all" onClick={() => setConfirming(true)}>
          {t('progress.options.wipe')}
        </button>
      ) : (
        <div class="pp-progress-confirm pp-stack">
          <p>{t('progress.options.wipeConfirm')}</p>
          <div class="pp-row">
            <button type="button" class="pp-button" onClick={() => setConfirming(false)}>
              {t('progress.list.cancel')}
            </button>
            <button type="button" class="pp-button pp-button--primary" data-action="wipe-yes" onClick={wipe}>
              {t('progress.all.yes')}
            </button>
          </div>
        </div>
      )}
      {status && (
        <p class="pp-message" role="status" data-testid="public-status">
          {status}
        </p>
      )}
      {error && (
        <p class="pp-message pp-message--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
