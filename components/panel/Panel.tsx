import type { Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { dir, LANGS, type Lang } from '../../utils/i18n';
import { useServices } from '../app/services';
import type { FeatureId, PanelFeature } from '../features';
import { ICONS, Icon } from './icons';
import { Tabs } from './Tabs';

export type PanelProps = {
  layout: 'floating' | 'docked';
  position: 'right' | 'left';
  open: Signal<boolean>;
  active: Signal<FeatureId | undefined>;
  features: PanelFeature<FeatureId>[];
  announcement: Signal<string>;
  /** Language forced by the configuration when the person has not chosen one. */
  onClose(): void;
  onToggle(): void;
};

export function Panel({
  layout,
  position,
  open,
  active,
  features,
  announcement,
  onClose,
  onToggle,
}: PanelProps) {
  const { t, lang, settings, update } = useServices();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const isOpen = layout === 'docked' || open.value;
  const comfort = settings.value.comfort;
  const current = active.value ?? features[0]?.id;

  // Focus moves into the panel when it opens, so keyboard and screen-reader users land in it.
  useEffect(() => {
    if (layout === 'floating' && open.value) titleRef.current?.focus();
  }, [layout, open.value]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && layout === 'floating') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div
      class={`pp-root pp-${layout} pp-${position}`}
      dir={dir(lang.value)}
      lang={lang.value}
      data-theme={comfort.theme}
      data-font={comfort.font}
      style={{ '--pp-scale': String(comfort.textScale) }}
    >
      {layout === 'floating' && (
        <button
          type="button"
          class="pp-launcher"
          data-pasapas="launcher"
          aria-expanded={open.value}
          aria-controls="pp-panel"
          onClick={onToggle}
        >
          <Icon path={open.value ? ICONS.close : ICONS.help} size={28} />
          <span class="pp-launcher-label">{t(open.value ? 'launcher.close' : 'launcher.open')}</span>
        </button>
      )}
      {isOpen && (
        <section
          id="pp-panel"
          class="pp-panel"
          data-pasapas="panel"
          role={layout === 'floating' ? 'dialog' : 'region'}
          aria-labelledby="pp-title"
          onKeyDown={onKeyDown}
        >
          <div class="pp-header">
            <h2 id="pp-title" class="pp-title" tabIndex={-1} ref={titleRef}>
              {t('app.name')}
            </h2>
            <label class="pp-lang">
              <span>{t('panel.language')}</span>
              <select
                value={lang.value}
                onChange={(e) => update({ lang: (e.currentTarget as HTMLSelectElement).value as Lang })}
              >
                {LANGS.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {t(`lang.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            {layout === 'floating' && (
              <button type="button" class="pp-icon-button" onClick={onClose} aria-label={t('panel.close')}>
                <Icon path={ICONS.close} />
              </button>
            )}
          </div>
          <p class="pp-subtitle">{t('panel.title')}</p>
          {current && <Tabs features={features} active={current} onSelect={(id) => (active.value = id)} />}
          {layout === 'floating' && <p class="pp-shortcut">{t('panel.shortcut')}</p>}
          <div class="pp-sr-only" role="status" aria-live="polite">
            {announcement.value}
          </div>
        </section>
      )}
    </div>
  );
}
