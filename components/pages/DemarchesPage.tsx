import { useServices } from '../app/services';
import { useFeatureViews } from './feature-views';

/**
 * "Mes démarches" for every site: an extension page, because the list of all sites, the export
 * and the import must never be in DOM that a web page can reach (the page's panel shows only that
 * site's procedures and opens this page for the rest). Its content is the features' views for it
 * (FeatureDefinition.pages.demarches).
 */
export function DemarchesPage({ announcement }: { announcement: { value: string } }) {
  const { settings } = useServices();
  const views = useFeatureViews((f) => f.pages?.demarches);
  return (
    <main
      class="pp-root pp-docked pp-page"
      lang={settings.value.lang}
      data-theme={settings.value.comfort.theme}
      data-testid="demarches-page"
    >
      {views?.map((View, i) => (
        <View key={i} />
      ))}
      <div class="pp-sr-only" role="status" aria-live="polite">
        {announcement.value}
      </div>
    </main>
  );
}
