import type { Lang } from '../../utils/i18n';
import { LANGS } from '../../utils/i18n';
import { useServices } from '../app/services';
import ComfortTab from '../features/comfort/ComfortTab';
import { GuidesOptions } from '../features/guides/GuidesOptions';
import { PublicComputerOptions } from '../features/progress/PublicComputerOptions';

/** The mediator's and the person's settings page: language and comfort defaults for every site. */
export function OptionsPage({ announcement }: { announcement: { value: string } }) {
  const { t, settings, update } = useServices();
  return (
    <main
      class="pp-root pp-docked pp-page"
      lang={settings.value.lang}
      data-theme={settings.value.comfort.theme}
    >
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
      <section aria-labelledby="opt-comfort">
        <h2 id="opt-comfort">{t('options.comfortDefaults')}</h2>
        <ComfortTab />
      </section>
      <GuidesOptions />
      <PublicComputerOptions />
      <div class="pp-sr-only" role="status" aria-live="polite">
        {announcement.value}
      </div>
    </main>
  );
}
