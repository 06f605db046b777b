import { ProgressError } from '../../../utils/progress/errors';
import { useServices } from '../../app/services';
import type { Act } from './format';
import type { T } from './messages';

/**
 * On a web page: every site's procedures, the export and the import are in our own extension
 * page, which no site can read or drive; this button opens it.
 */
export function AllSites({ t, act }: { t: T; act: Act }) {
  const { env } = useServices();
  return (
    <section class="pp-stack" aria-labelledby="pp-all-sites-title" data-testid="all-sites">
      <h2 id="pp-all-sites-title">{t('progress.allSites.title')}</h2>
      <p>{t('progress.allSites.intro')}</p>
      <button
        type="button"
        class="pp-button"
        data-action="open-demarches"
        onClick={() =>
          act(async () => {
            const answer = await env.background?.({ type: 'pasapas:open-demarches' });
            if ((answer as { opened?: unknown } | undefined)?.opened !== true)
              throw new ProgressError('unavailable');
          })
        }
      >
        {t('progress.allSites.open')}
      </button>
    </section>
  );
}
