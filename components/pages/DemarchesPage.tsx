import { useEffect } from 'preact/hooks';
import { useServices } from '../app/services';
import { translatorFor } from '../features/progress/messages';
import ProgressTab from '../features/progress/ProgressTab';

/**
 * "Mes démarches" for every site: an extension page, because the list of all sites, the export
 * and the import must never be in DOM that a web page can reach (the page's panel shows only
 * that site's procedures and opens this page for the rest).
 */
export function DemarchesPage({ announcement }: { announcement: { value: string } }) {
  const { settings, lang } = useServices();
  const t = translatorFor(() => lang.value);
  const title = t('progress.list.title');
  useEffect(() => {
    document.title = `${title} — Pas à pas`;
  }, [title]);
  return (
    <main
      class="pp-root pp-docked pp-page"
      lang={settings.value.lang}
      data-theme={settings.value.comfort.theme}
      data-testid="demarches-page"
    >
      <h1>{title}</h1>
      <ProgressTab />
      <div class="pp-sr-only" role="status" aria-live="polite">
        {announcement.value}
      </div>
    </main>
  );
}
