/**
 * « Cette étape n'est pas claire »: a note on the current step for the guide's author, with an
 * optional short comment. Sent to the extension's background, which strips personal numbers
 * again and keeps it sealed on this computer until the mediator exports it. Not in the widget:
 * there is no data key there to seal it with.
 */
import { useState } from 'preact/hooks';
import { MAX_COMMENT } from '../../../utils/feedback/strip';
import type { Guide } from '../../../utils/guides/schema';
import type { Params } from '../../../utils/i18n';
import type { PanelEnv } from '../../app/services';

type T = (key: string, params?: Params) => string;

export function StepFeedback({
  guide,
  stepId,
  env,
  t,
}: {
  guide: Guide;
  stepId: string;
  env: PanelEnv;
  t: T;
}) {
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState<{ removed: number } | 'error' | null>(null);
  if (!env.background) return null;
  const background = env.background;
  const send = async (e: Event) => {
    e.preventDefault();
    try {
      const answer = (await background({
        type: 'pasapas:feedback-add',
        guideId: guide.id,
        guideVersion: guide.version,
        stepId,
        comment,
      })) as { ok?: boolean; removed?: number } | null;
      setSent(answer?.ok ? { removed: answer.removed ?? 0 } : 'error');
      if (answer?.ok) setComment('');
    } catch {
      setSent('error');
    }
  };
  return (
    <form class="pp-stack pp-feedback" onSubmit={send} data-testid="step-feedback">
      <h5>{t('feedback.title')}</h5>
      <p>{t('feedback.intro')}</p>
      <label for="pp-feedback-comment">{t('feedback.comment')}</label>
      <p id="pp-feedback-warning" class="pp-hint">
        {t('feedback.warning')}
      </p>
      <textarea
        id="pp-feedback-comment"
        rows={3}
        maxLength={MAX_COMMENT}
        aria-describedby="pp-feedback-warning"
        value={comment}
        data-testid="feedback-comment"
        onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <button type="submit" class="pp-button" data-action="feedback-send">
        {t('feedback.send')}
      </button>
      <div role="status" data-testid="feedback-status">
        {sent === 'error'
          ? t('feedback.error')
          : sent &&
            [t('feedback.sent'), sent.removed > 0 ? t('feedback.removed', { count: sent.removed }) : '']
              .filter(Boolean)
              .join(' ')}
      </div>
    </form>
  );
}
