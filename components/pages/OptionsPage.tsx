import type { Lang } from '../../utils/i18n';
import { LANGS } from '../../utils/i18n';
import { themeOf } from '../../utils/settings/page';
import { useServices } from '../app/services';
import { useFeatureViews } from './feature-views';

/** The mediator's and the person's settings page: the language, then each feature's section (its defaults for every site…). */
export function OptionsPage({ announcement }: { announcement: { value: string } }) {
  const { t, settings, update } = useServices();
  // Each feature's options section, from the registry, in panel order (loaded with this page).
  const sections = useFeatureViews((f) => f.loadOptions);
  return (
    <main class="pp-root pp-docked pp-page" lang={settings.value.lang} data-theme={themeOf(settings.value)}>
      <h1>{t('options.title')}</h1>
      <p>{t('options.intro')}</p>
      <section aria-labelledby="opt-lang">
        <h2 id="opt-lang">{t('options.language')}</h2>
        <label class="pp-row">
          <span>{t('options.language')}</span>
          <select
            value={settings.value.lang ?? ''}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value;
              update({ lang: value ? (value as Lang) : undefined });
            }}
          >
            <option value="">{t('options.languageAuto')}</option>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </section>
      {sections?.map((Section, i) => (
        <Section key={i} />
      ))}
      <div class="pp-sr-only" role="status" aria-live="polite">
        {announcement.value}
      </div>
    </main>
  );
}
