import {
  type ComfortSettings,
  DEFAULT_COMFORT,
  FONTS,
  LETTER_SPACINGS,
  LINE_SPACINGS,
  stepTextScale,
  TEXT_SCALES,
  THEMES,
} from '../../../utils/comfort/settings';
import { useServices } from '../../app/services';

/** Comfort settings; applying them to the page is done by whoever mounted the panel, on store change. */
export default function ComfortTab() {
  const { t, settings, update, announce } = useServices();
  const comfort = settings.value.comfort;
  const set = (patch: Partial<ComfortSettings>) => {
    update({ comfort: { ...comfort, ...patch } });
    announce(t('comfort.saved'));
  };
  const percent = Math.round(comfort.textScale * 100);

  return (
    <div class="pp-stack" data-testid="comfort-tab">
      <p>{t('comfort.intro')}</p>
      <fieldset>
        <legend>{t('comfort.textSize')}</legend>
        <div class="pp-row">
          <button
            type="button"
            class="pp-button"
            data-action="text-smaller"
            disabled={comfort.textScale === TEXT_SCALES[0]}
            onClick={() => set({ textScale: stepTextScale(comfort.textScale, -1) })}
          >
            <span aria-hidden="true">A−</span> <span>{t('comfort.smaller')}</span>
          </button>
          <button
            type="button"
            class="pp-button"
            data-action="text-larger"
            disabled={comfort.textScale === TEXT_SCALES[TEXT_SCALES.length - 1]}
            onClick={() => set({ textScale: stepTextScale(comfort.textScale, 1) })}
          >
            <span aria-hidden="true">A+</span> <span>{t('comfort.larger')}</span>
          </button>
        </div>
        <p class="pp-text-size" aria-live="polite">
          {t('comfort.textSizeValue', { percent })}
        </p>
      </fieldset>
      <Choice
        name="lineSpacing"
        legend={t('comfort.lineSpacing')}
        values={LINE_SPACINGS}
        current={comfort.lineSpacing}
        label={(v) => t(`comfort.lineSpacing.${v}`)}
        onChange={(v) => set({ lineSpacing: v })}
      />
      <Choice
        name="letterSpacing"
        legend={t('comfort.letterSpacing')}
        values={LETTER_SPACINGS}
        current={comfort.letterSpacing}
        label={(v) => t(`comfort.letterSpacing.${v}`)}
        onChange={(v) => set({ letterSpacing: v })}
      />
      <Choice
        name="theme"
        legend={t('comfort.theme')}
        values={THEMES}
        current={comfort.theme}
        label={(v) => t(`comfort.theme.${v}`)}
        onChange={(v) => set({ theme: v })}
      />
      <Choice
        name="font"
        legend={t('comfort.font')}
        values={FONTS}
        current={comfort.font}
        label={(v) => t(`comfort.font.${v}`)}
        onChange={(v) => set({ font: v })}
      />
      <div>
        <button
          type="button"
          class="pp-button"
          data-action="comfort-reset"
          onClick={() => {
            update({ comfort: { ...DEFAULT_COMFORT } });
            announce(t('comfort.resetDone'));
          }}
        >
          {t('comfort.reset')}
        </button>
      </div>
    </div>
  );
}

function Choice<V extends string>(props: {
  name: string;
  legend: string;
  values: readonly V[];
  current: V;
  label(value: V): string;
  onChange(value: V): void;
}) {
  return (
    <fieldset data-setting={props.name}>
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value} class="pp-choice">
          <input
            type="radio"
            name={`pp-${props.name}`}
            value={value}
            checked={props.current === value}
            onChange={() => props.onChange(value)}
          />
          <span>{props.label(value)}</span>
        </label>
      ))}
    </fieldset>
  );
}
