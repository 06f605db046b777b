/** The mediator's section of the options page: public-computer mode on or off, its delays, and a full wipe. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { HOURS_RANGE, IDLE_RANGE, parsePublicComputer } from '../../../utils/progress/public-config';
import type { PublicComputerConfig } from '../../../utils/progress/types';
import { type EndReport, isEndReport } from '../../../utils/session-end/report';
import { useServices } from '../../app/services';
import { EndSummary } from '../../app/session-end/EndSummary';
import { translatorFor as endTranslator } from '../../app/session-end/messages';
import { useAdoptedSheet as useSheet } from '../../app/use-adopted-sheet';
import { errorMessage, translatorFor } from './messages';
import progressCss from './progress.css?inline';

export function PublicComputerOptions() {
  const { lang, announce, storage, env } = useServices();
  const t = translatorFor(() => lang.value);
  const te = endTranslator(() => lang.value);
  const [permission, setPermission] = useState<'granted' | 'refused' | ''>('');
  const [nextConfirm, setNextConfirm] = useState(false);
  const [report, setReport] = useState<EndReport | null>(null);
  const [config, setConfig] = useState<PublicComputerConfig | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const ref = useRef<HTMLElement>(null);

  useSheet(progressCss, ref);
  useEffect(() => {
    storage()
      .then((c) => c.publicComputer())
      .then(setConfig, (e: unknown) => setError(errorMessage(lang.value, e)));
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!config) return;
    setError('');
    // Asked during the mediator's click, never before: clearing the sites' data and history at
    // the end of each session. Not awaited: the prompt may stay open while the rest is saved.
    if (config.enabled && env.requestPermissions)
      env
        .requestPermissions(['browsingData'])
        .then((ok) => {
          setPermission(ok ? 'granted' : 'refused');
          announce(te(ok ? 'end.permission.granted' : 'end.permission.refused'));
        })
        .catch(() => setPermission('refused'));
    try {
      const checked = parsePublicComputer(config).config;
      await (await storage()).setPublicComputer(checked);
      // The settings on this page now are each new person's (restored at each end of session).
      if (checked.enabled) await env.background?.({ type: 'pasapas:session-defaults' });
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

  const nextPerson = async () => {
    setError('');
    setNextConfirm(false);
    try {
      const answer = (await env.background?.({ type: 'pasapas:session-end' })) as
        | { report?: unknown }
        | undefined;
      if (isEndReport(answer?.report)) {
        setReport(answer.report);
        announce(te('end.title'));
      }
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
      {permission && (
        <p class="pp-message" data-testid="public-permission" data-state={permission}>
          {te(permission === 'granted' ? 'end.permission.granted' : 'end.permission.refused')}
        </p>
      )}
      {config?.enabled && env.background && (
        <section aria-labelledby="opt-next" class="pp-stack" data-testid="next-person">
          <h3 id="opt-next">{te('end.next.title')}</h3>
          <p>{te('end.next.intro')}</p>
          {!nextConfirm ? (
            <button
              type="button"
              class="pp-button pp-button--primary"
              data-action="next-person"
              onClick={() => setNextConfirm(true)}
            >
              {te('end.next.go')}
            </button>
          ) : (
            <div class="pp-progress-confirm pp-stack">
              <p>{te('end.next.confirm')}</p>
              <div class="pp-row">
                <button type="button" class="pp-button" onClick={() => setNextConfirm(false)}>
                  {te('end.next.cancel')}
                </button>
                <button
                  type="button"
                  class="pp-button pp-button--primary"
                  data-action="next-person-yes"
                  onClick={nextPerson}
                >
                  {te('end.next.yes')}
                </button>
              </div>
            </div>
          )}
          {report && <EndSummary report={report} t={te} headingLevel={3} />}
        </section>
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
