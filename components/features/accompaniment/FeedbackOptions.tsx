/**
 * The notes people left on guide steps (« Cette étape n'est pas claire »), per guide: exported as
 * JSON (which the guide studio reads back) or CSV for the guide's publisher, then erased once sent.
 */
import { useEffect, useState } from 'preact/hooks';
import { feedbackCsv, feedbackFile, feedbackJson } from '../../../utils/feedback/notes';
import { localize } from '../../../utils/guides/schema';
import { download } from '../../app/download';
import { useServices } from '../../app/services';
import type { FeedbackGuide } from './background-feedback';
import { feedbackTranslator } from './feedback-messages';

export function FeedbackOptions() {
  const { lang, env, announce } = useServices();
  const t = feedbackTranslator(() => lang.value);
  const [guides, setGuides] = useState<FeedbackGuide[] | null>(null);
  const refresh = () =>
    env
      .background?.({ type: 'pasapas:feedback-list' })
      .then((a) => setGuides((a as { guides?: FeedbackGuide[] } | null)?.guides ?? []))
      .catch(() => setGuides([]));
  useEffect(() => {
    void refresh();
  }, []);
  if (!env.background || !guides) return null;
  const background = env.background;

  const fileOf = (g: FeedbackGuide) =>
    feedbackFile({ id: g.guideId, version: g.guideVersion, contact: g.contact }, g.notes);
  const day = new Date().toISOString().slice(0, 10);
  const clear = async (g: FeedbackGuide) => {
    const answer = (await background({ type: 'pasapas:feedback-clear', guideId: g.guideId })) as {
      removed?: number;
    } | null;
    announce(t('feedbackFile.cleared', { count: answer?.removed ?? 0 }));
    await refresh();
  };

  return (
    <section aria-labelledby="opt-feedback" class="pp-stack" data-testid="feedback-options">
      <h2 id="opt-feedback">{t('feedbackFile.title')}</h2>
      <p>{t('feedbackFile.intro')}</p>
      {guides.length === 0 ? (
        <p data-testid="feedback-none">{t('feedbackFile.none')}</p>
      ) : (
        <ul class="pp-stack" data-testid="feedback-guides">
          {guides.map((g) => {
            const name = g.title ? localize(g.title, lang.value) : g.guideId;
            return (
              <li key={g.guideId} class="pp-stack" data-guide={g.guideId}>
                <h3>{name}</h3>
                <p>{t('feedbackFile.count', { count: g.notes.length })}</p>
                <p>
                  {g.contact ? (
                    <>
                      {t('feedbackFile.contact', { contact: '' })}
                      <a href={`mailto:${g.contact}`}>{g.contact}</a>
                    </>
                  ) : (
                    t('feedbackFile.noContact')
                  )}
                </p>
                <div class="pp-row">
                  <button
                    type="button"
                    class="pp-button pp-button--primary"
                    data-action="feedback-json"
                    aria-label={`${t('feedbackFile.json')} — ${name}`}
                    onClick={() =>
                      download(
                        `retours-${g.guideId}-${day}.json`,
                        feedbackJson(fileOf(g)),
                        'application/json',
                      )
                    }
                  >
                    {t('feedbackFile.json')}
                  </button>
                  <button
                    type="button"
                    class="pp-button"
                    data-action="feedback-csv"
                    aria-label={`${t('feedbackFile.csv')} — ${name}`}
                    onClick={() =>
                      download(
                        `retours-${g.guideId}-${day}.csv`,
                        feedbackCsv(fileOf(g)),
                        'text/csv;charset=utf-8',
                      )
                    }
                  >
                    {t('feedbackFile.csv')}
                  </button>
                  <button
                    type="button"
                    class="pp-button"
                    data-action="feedback-clear"
                    onClick={() => clear(g)}
                  >
                    {t('feedbackFile.clear')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
