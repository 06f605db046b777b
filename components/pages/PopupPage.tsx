import { stepTextScale, THEMES } from '../../utils/comfort/settings';
import { useServices } from '../app/services';

export type PopupActions = {
  openPanel(): Promise<boolean>;
  openSidePanel?: () => Promise<void>;
  readPage(): Promise<boolean>;
  openOptions(): void;
};

/** The toolbar popup: the main toggles, one click each. */
export function PopupPage({ actions, message }: { actions: PopupActions; message: { value: string } }) {
  const { t, settings, update } = useServices();
  const comfort = settings.value.comfort;
  const fail = (ok: boolean) => {
    if (!ok) message.value = t('popup.unavailable');
  };
  return (
    <main class="pp-root pp-docked pp-popup" data-theme={comfort.theme}>
      <h1 class="pp-title">{t('app.name')}</h1>
      <div class="pp-stack">
        <button
          type="button"
          class="pp-button pp-button--primary"
          onClick={() => actions.openPanel().then(fail)}
        >
          {t('popup.openPanel')}
        </button>
        {actions.openSidePanel && (
          <button type="button" class="pp-button" onClick={() => actions.openSidePanel?.()}>
            {t('popup.openSidePanel')}
          </button>
        )}
        <button type="button" class="pp-button" onClick={() => actions.readPage().then(fail)}>
          {t('popup.readPage')}
        </button>
        <div class="pp-row">
          <button
            type="button"
            class="pp-button"
            onClick={() =>
              update({ comfort: { ...comfort, textScale: stepTextScale(comfort.textScale, -1) } })
            }
          >
            {t('comfort.smaller')}
          </button>
          <button
            type="button"
            class="pp-button"
            onClick={() =>
              update({ comfort: { ...comfort, textScale: stepTextScale(comfort.textScale, 1) } })
            }
          >
            {t('comfort.larger')}
          </button>
        </div>
        <label class="pp-stack">
          <span>{t('comfort.theme')}</span>
          <select
            value={comfort.theme}
            onChange={(e) =>
              update({
                comfort: {
                  ...comfort,
                  theme: (e.currentTarget as HTMLSelectElement).value as (typeof THEMES)[number],
                },
              })
            }
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`comfort.theme.${theme}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="pp-button" onClick={actions.openOptions}>
          {t('popup.options')}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {message.value}
      </p>
    </main>
  );
}
