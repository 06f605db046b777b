import type { Signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createTranslator, dir, LANGS, type Lang } from '../../utils/i18n';
import { useServices } from '../app/services';
import type { FeatureId, PanelFeature } from '../features';
import { useFit } from './fit';
import { fitMessages } from './fit-messages';
import { ICONS, Icon } from './icons';
import { Tabs } from './Tabs';

const fitText = createTranslator(fitMessages);

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
  // On a phone or a zoomed screen: a sheet showing the step, a bar while a field of the page has
  // focus (fit.ts); the other tools and the language are behind « Menu ».
  const placing = useFit();
  const fit = layout === 'floating' && isOpen ? placing?.fit.value : undefined;
  const side = (layout === 'floating' && placing?.side.value) || position;
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLButtonElement>(null);
  const menuOpen = menu && fit === 'sheet';

  // Focus moves into the panel when it opens, so keyboard and screen-reader users land in it.
  // A tab that already put focus on its step (a reopening: fit.land) keeps it.
  useEffect(() => {
    if (!open.value) setMenu(false);
    const title = titleRef.current;
    if (layout !== 'floating' || !open.value || !title) return;
    // Back by itself as the bar while the person types in the page (fit.arriveLate): focus stays there.
    if (placing?.fit.peek() === 'bar') return;
    const focused = (title.getRootNode() as ShadowRoot | Document).activeElement;
    if (focused && focused !== title && title.closest('.pp-panel')?.contains(focused)) return;
    title.focus();
  }, [layout, open.value]);

  // « Voir l'aide » on the bar: the active tab lands on its step (fit.land); else the title has focus.
  const expand = () => {
    placing?.expand();
    requestAnimationFrame(() => {
      if (placing?.land.peek() !== 'expanded') return;
      placing.land.value = null;
      titleRef.current?.focus();
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && layout === 'floating') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div
      class={`pp-root pp-${layout} pp-${side}${menuOpen ? ' pp-menu-open' : ''}`}
      data-fit={fit}
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
            {layout === 'floating' && (
              <button
                type="button"
                class="pp-button pp-menu-button"
                aria-expanded={menuOpen}
                aria-controls="pp-tablist"
                data-action="menu"
                ref={menuRef}
                onClick={() => setMenu(!menuOpen)}
              >
                {fitText(lang.value, 'fit.menu')}
              </button>
            )}
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
          {current && (
            <Tabs
              features={features}
              active={current}
              onSelect={(id) => (active.value = id)}
              onChosen={() => {
                if (!menuOpen) return;
                // The tabs hide with the menu: focus stays on a control that shows.
                setMenu(false);
                menuRef.current?.focus();
              }}
            />
          )}
          {layout === 'floating' && <p class="pp-shortcut">{t('panel.shortcut')}</p>}
          {fit === 'bar' && (
            <div class="pp-bar-row">
              <button
                type="button"
                class="pp-button pp-button--primary"
                data-action="expand"
                onClick={expand}
              >
                {fitText(lang.value, 'fit.expand')}
              </button>
              <button type="button" class="pp-icon-button" onClick={onClose} aria-label={t('panel.close')}>
                <Icon path={ICONS.close} />
              </button>
            </div>
          )}
          <div class="pp-sr-only" role="status" aria-live="polite">
            {announcement.value}
          </div>
        </section>
      )}
    </div>
  );
}
