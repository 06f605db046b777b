/**
 * The guide studio reads a feedback file a mediator exported (utils/feedback/notes.ts): which
 * steps block people, most cited first, with their comments (stripped again on reading). Read
 * here only, sent nowhere.
 */
import { useState } from 'preact/hooks';
import {
  type FeedbackFile,
  FeedbackFileError,
  notesByStep,
  parseFeedbackFile,
} from '../../../utils/feedback/notes';
import type { Draft, DraftLang } from '../../../utils/guides/studio';
import { createTranslator } from '../../../utils/i18n';
import { useServices } from '../../app/services';
import { feedbackImportMessages } from './feedback-messages';

const translate = createTranslator(feedbackImportMessages);

export function FeedbackImport({ draft, lang }: { draft: Draft | null; lang: DraftLang }) {
  const services = useServices();
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(services.lang.value, key, params);
  const [file, setFile] = useState<FeedbackFile | null>(null);
  const [error, setError] = useState('');

  const read = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    try {
      const parsed = parseFeedbackFile(await chosen.text());
      setFile(parsed);
      setError('');
      services.announce(t('studioFeedback.summary', summaryParams(parsed)));
    } catch (e) {
      const code = e instanceof FeedbackFileError ? e.code : 'not-feedback';
      setFile(null);
      setError(t(`studioFeedback.error.${code}`));
    }
  };
  const summaryParams = (f: FeedbackFile) => ({
    guide: f.guideId,
    version: f.guideVersion,
    count: f.notes.length,
  });
  const titleOf = (id: string) => {
    const step = draft?.steps.find((s) => s.id === id);
    return step ? step.title[lang] || step.title.fr : t('studioFeedback.unknownStep', { id });
  };
  const steps = file ? [...notesByStep(file.notes)].sort((a, b) => b[1].length - a[1].length) : [];

  return (
    <section class="pp-stack" aria-labelledby="studio-feedback-title" data-testid="studio-feedback">
      <h2 id="studio-feedback-title" class="pp-subtitle">
        {t('studioFeedback.title')}
      </h2>
      <p>{t('studioFeedback.intro')}</p>
      <label for="studio-feedback-file">{t('studioFeedback.file')}</label>
      <input
        id="studio-feedback-file"
        type="file"
        accept=".json,application/json"
        data-testid="studio-feedback-file"
        onChange={(e) => void read(e.currentTarget as HTMLInputElement)}
      />
      {error && (
        <p class="pp-message pp-message--error" role="alert" data-testid="studio-feedback-error">
          {error}
        </p>
      )}
      {file && (
        <>
          <p data-testid="studio-feedback-summary">{t('studioFeedback.summary', summaryParams(file))}</p>
          {draft?.id && draft.id !== file.guideId && (
            <p class="pp-message">{t('studioFeedback.otherGuide')}</p>
          )}
          <h3>{t('studioFeedback.stepsTitle')}</h3>
          <ol class="pp-stack" data-testid="studio-feedback-steps">
            {steps.map(([id, notes]) => {
              const comments = notes.filter((n) => n.comment);
              return (
                <li key={id} data-step-id={id} data-count={notes.length}>
                  <p>
                    <strong>{t('studioFeedback.step', { title: titleOf(id), count: notes.length })}</strong>
                  </p>
                  {comments.length ? (
                    <ul>
                      {comments.map((n, i) => (
                        <li key={i}>
                          <span dir="auto">{n.comment}</span> ({n.day})
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p>{t('studioFeedback.noComment')}</p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
