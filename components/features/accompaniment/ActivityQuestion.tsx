/** After an end of session, when the activity report is on: the mediator says who did the procedure. */
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../../app/services';
import { activityTranslator } from './activity-messages';

type Pending = { minutes: number; themes: string[] };

export function ActivityQuestion() {
  const { lang, env, announce } = useServices();
  const t = activityTranslator(() => lang.value);
  const [pending, setPending] = useState<Pending | null>(null);
  const [choice, setChoice] = useState<'alone' | 'helped' | 'for-them'>('helped');
  const [done, setDone] = useState('');
  useEffect(() => {
    let alive = true;
    // The background notes the accompaniment as the report arrives: asked a few times.
    const ask = async () => {
      for (let i = 0; i < 12 && alive; i++) {
        const a = (await env.background?.({ type: 'pasapas:activity-pending' }).catch(() => null)) as
          | { pending?: Pending | null }
          | null
          | undefined;
        if (a?.pending) {
          if (alive) setPending(a.pending);
          return;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    void ask();
    return () => {
      alive = false;
    };
  }, []);
  const answer = async (outcome: 'alone' | 'helped' | 'for-them' | 'skip') => {
    await env.background?.({ type: 'pasapas:activity-record', outcome }).catch(() => undefined);
    const text = t(outcome === 'skip' ? 'activity.skipped' : 'activity.saved');
    setDone(text);
    announce(text);
  };
  if (done)
    return (
      <p class="pp-message" role="status" data-testid="activity-done">
        {done}
      </p>
    );
  if (!pending) return null;
  const options = [
    ['alone', 'activity.alone'],
    ['helped', 'activity.helped'],
    ['for-them', 'activity.forThem'],
  ] as const;
  return (
    <form
      class="pp-stack"
      data-testid="activity-question"
      onSubmit={(e) => {
        e.preventDefault();
        void answer(choice);
      }}
    >
      <fieldset class="pp-stack">
        <legend>{t('activity.question')}</legend>
        <p>{t('activity.duration', { count: pending.minutes })}</p>
        {options.map(([value, key]) => (
          <label key={value} class="pp-choice">
            <input
              type="radio"
              name="activity-outcome"
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            <span>{t(key)}</span>
          </label>
        ))}
      </fieldset>
      <div class="pp-row">
        <button type="submit" class="pp-button pp-button--primary" data-action="activity-save">
          {t('activity.save')}
        </button>
        <button
          type="button"
          class="pp-button"
          data-action="activity-skip"
          onClick={() => void answer('skip')}
        >
          {t('activity.skip')}
        </button>
      </div>
    </form>
  );
}
