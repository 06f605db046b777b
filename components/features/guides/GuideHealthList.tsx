import { useEffect, useState } from 'preact/hooks';
import {
  type HealthBook,
  healthReport,
  healthSummary,
  readHealthBook,
} from '../../../utils/guides/health-count';
import { dateParams, type Lang, type Params } from '../../../utils/i18n';
import { useServices } from '../../app/services';

type T = (key: string, params?: Params) => string;

/** A report as a file for the guide's publisher (this options page's own download). */
function giveFile(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the browser may still be reading the blob for the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * « État des guides »: one line per guide counted on this computer (its steps found, not found or
 * uncertain when last shown, since when), and the report for its publisher. Counts only.
 */
export function GuideHealthList({ titles, t, lang }: { titles: Record<string, string>; t: T; lang: Lang }) {
  const { env } = useServices();
  const [book, setBook] = useState<HealthBook>({});
  useEffect(() => {
    let live = true;
    env
      .background?.({ type: 'pasapas:guide-health' })
      .then((answer) => {
        if (live) setBook(readHealthBook((answer as { book?: unknown } | null)?.book));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [env]);

  const guides = Object.values(book);
  return (
    <>
      <h3 id="gopt-health-title">{t('gopt.health.title')}</h3>
      <p>{t('gopt.health.intro')}</p>
      {guides.length === 0 ? (
        <p data-testid="guide-health-none">{t('gopt.health.none')}</p>
      ) : (
        <ul class="pp-stack" aria-labelledby="gopt-health-title" data-testid="guide-health">
          {guides.map((guide) => {
            const s = healthSummary(guide);
            const name = titles[guide.guideId] ?? guide.guideId;
            return (
              <li key={guide.guideId} data-guide-id={guide.guideId} class="pp-stack">
                <p>
                  <strong>{name}</strong> ({t('gopt.installed.version', { version: guide.version })})
                </p>
                <p data-testid="guide-health-line">
                  {t('gopt.health.line', {
                    found: t('gopt.health.found', { count: s.found }),
                    missing: t('gopt.health.missing', { count: s.missing }),
                    ambiguous: t('gopt.health.ambiguous', { count: s.ambiguous }),
                    date: dateParams(lang, new Date(`${s.since}T12:00:00Z`)).date,
                  })}
                </p>
                <button
                  type="button"
                  class="pp-button"
                  data-action="guide-health-report"
                  aria-label={t('gopt.health.reportLabel', { name })}
                  onClick={() =>
                    giveFile(
                      `etat-du-guide-${guide.guideId}.json`,
                      `${JSON.stringify(healthReport(guide, new Date()), null, 2)}\n`,
                    )
                  }
                >
                  {t('gopt.health.report')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
