/** "Garder mes réponses sur ce site": a site no guide knows, kept at the person's request; or when it was last saved. */
import { formatHour } from '../../../utils/i18n';
import { useServices } from '../../app/services';
import type { Agent } from './agent';
import type { Act } from './format';
import type { T } from './messages';

export function KeepSite({ agent, t, onDone, act }: { agent: Agent; t: T; onDone: () => void; act: Act }) {
  const { lang } = useServices();
  if (agent.target.value && agent.procedure.value) {
    const at = agent.savedAt.value;
    return at ? (
      <p class="pp-progress-muted" data-testid="saved-at">
        {/* The hour in the panel's language (Intl), not the browser's default locale with seconds. */}
        {t('progress.saved', { time: formatHour(lang.value, at) })}
      </p>
    ) : null;
  }
  if (agent.target.value) return null;
  return (
    <section class="pp-stack" aria-labelledby="pp-keep-title">
      <h2 id="pp-keep-title">{t('progress.keep.title')}</h2>
      <p>{t('progress.keep.intro')}</p>
      <button
        type="button"
        class="pp-button"
        data-action="keep-site"
        onClick={() =>
          act(async () => {
            await agent.keepThisSite();
            onDone();
          })
        }
      >
        {t('progress.keep.go')}
      </button>
    </section>
  );
}
