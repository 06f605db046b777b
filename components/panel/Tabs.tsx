import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../app/services';
import type { FeatureId, PanelFeature } from '../features';
import { Icon } from './icons';

type Props = {
  features: PanelFeature<FeatureId>[];
  active: FeatureId;
  onSelect(id: FeatureId): void;
  /** A tab chosen by a click, Enter or Space (not by arrows, which only browse): the sheet's menu closes. */
  onChosen?(id: FeatureId): void;
};

/** WAI-ARIA tabs with a roving tabindex; arrows follow the reading direction. */
export function Tabs({ features, active, onSelect, onChosen }: Props) {
  const { t, lang } = useServices();
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    const index = features.findIndex((f) => f.id === active);
    const rtl = lang.value === 'ar';
    let next = index;
    if (e.key === 'ArrowRight') next = index + (rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') next = index + (rtl ? 1 : -1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = features.length - 1;
    else return;
    e.preventDefault();
    const feature = features[(next + features.length) % features.length];
    if (!feature) return;
    onSelect(feature.id);
    listRef.current?.querySelector<HTMLElement>(`#pp-tab-${feature.id}`)?.focus();
  };

  return (
    <>
      <div
        role="tablist"
        id="pp-tablist"
        aria-label={t('panel.tabs')}
        class="pp-tablist"
        ref={listRef}
        onKeyDown={onKeyDown}
      >
        {features.map((f) => (
          <button
            key={f.id}
            type="button"
            role="tab"
            id={`pp-tab-${f.id}`}
            data-feature={f.id}
            aria-selected={f.id === active}
            aria-controls={`pp-tabpanel-${f.id}`}
            tabIndex={f.id === active ? 0 : -1}
            class="pp-tab"
            onClick={() => {
              onSelect(f.id);
              onChosen?.(f.id);
            }}
          >
            <Icon path={f.icon} size={22} />
            <span>{t(f.labelKey)}</span>
          </button>
        ))}
      </div>
      {features
        .filter((f) => f.id === active)
        .map((f) => (
          <div
            key={f.id}
            role="tabpanel"
            id={`pp-tabpanel-${f.id}`}
            aria-labelledby={`pp-tab-${f.id}`}
            class="pp-tabpanel"
            data-feature={f.id}
          >
            <LazyTab feature={f} />
          </div>
        ))}
    </>
  );
}

function LazyTab({ feature }: { feature: PanelFeature<FeatureId> }) {
  const { t } = useServices();
  const [Tab, setTab] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    setFailed(false);
    feature
      .loadTab()
      .then((mod) => alive && setTab(() => mod.default))
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
    };
  }, [feature, attempt]);

  if (failed) {
    return (
      <div class="pp-message pp-message--error" role="alert">
        <p>{t('panel.loadError')}</p>
        <button type="button" class="pp-button" onClick={() => setAttempt((n) => n + 1)}>
          {t('panel.retry')}
        </button>
      </div>
    );
  }
  if (!Tab) return <p class="pp-loading">{t('panel.loading')}</p>;
  return <Tab />;
}
