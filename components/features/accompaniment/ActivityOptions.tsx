/** The options page's activity report: on or off (off by default), each month's sums, the CSV export. */
import { useEffect, useState } from 'preact/hooks';
import { type ActivityEntry, monthly, toCsv } from '../../../utils/activity/report';
import { download } from '../../app/download';
import { useServices } from '../../app/services';
import { activityTranslator } from './activity-messages';

type State = { on: boolean; entries: ActivityEntry[] };

export default function ActivityOptions() {
  const { lang, env, announce } = useServices();
  const t = activityTranslator(() => lang.value);
  const [state, setState] = useState<State | null>(null);
  const ask = (on?: boolean): Promise<void> =>
    (
      env.background?.({ type: 'pasapas:activity-settings', ...(on === undefined ? {} : { on }) }) ??
      Promise.resolve(null)
    )
      .then((answer) => {
        if (answer) setState(answer as State);
      })
      .catch(() => undefined);
  useEffect(() => {
    void ask();
  }, []);
  if (!env.background || !state) return null;
  const months = monthly(state.entries);
  const exportCsv = () =>
    download(
      `rapport-activite-${new Date().toISOString().slice(0, 10)}.csv`,
      toCsv(state.entries),
      'text/csv;charset=utf-8',
    );
  return (
    <section aria-labelledby="opt-activity" class="pp-stack" data-testid="activity-options">
      <h2 id="opt-activity">{t('activity.title')}</h2>
      <p>{t('activity.intro')}</p>
      <p>{t('activity.counted')}</p>
      <label class="pp-choice">
        <input
          type="checkbox"
          checked={state.on}
          data-testid="activity-on"
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            void ask(on).then(() => announce(t('activity.title')));
          }}
        />
        <span>{t('activity.on')}</span>
      </label>
      {months.length === 0 ? (
        <p data-testid="activity-empty">{t('activity.empty')}</p>
      ) : (
        <>
          <table data-testid="activity-months">
            <caption class="pp-sr-only">{t('activity.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activity.month')}</th>
                <th scope="col">{t('activity.count')}</th>
                <th scope="col">{t('activity.minutes')}</th>
                <th scope="col">{t('activity.alone')}</th>
                <th scope="col">{t('activity.helped')}</th>
                <th scope="col">{t('activity.forThem')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <th scope="row">
                    {new Intl.DateTimeFormat(lang.value, { month: 'long', year: 'numeric' }).format(
                      new Date(`${m.month}-15T12:00:00`),
                    )}
                  </th>
                  <td>{m.count}</td>
                  <td>{m.minutes}</td>
                  <td>{m.byOutcome.alone}</td>
                  <td>{m.byOutcome.helped}</td>
                  <td>{m.byOutcome['for-them']}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" class="pp-button" data-action="activity-export" onClick={exportCsv}>
            {t('activity.export')}
          </button>
        </>
      )}
    </section>
  );
}
