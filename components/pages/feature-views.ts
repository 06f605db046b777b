import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { features, type PanelFeature, type TabModule } from '../features';

/**
 * The views that registered features contribute to one of our extension pages (options sections,
 * "Mes démarches", the PIN frame), in panel order, loaded when the page opens; undefined until then.
 * The page names no feature: the registry says which ones have a view there.
 */
export function useFeatureViews(
  viewOf: (feature: PanelFeature) => (() => Promise<TabModule>) | undefined,
): ComponentType[] | undefined {
  const [views, setViews] = useState<ComponentType[] | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const loaders = features.all().flatMap((f) => {
      const load = viewOf(f);
      return load ? [load] : [];
    });
    Promise.all(loaders.map((load) => load().then((m) => m.default)))
      .then((list) => alive && setViews(list))
      .catch(() => alive && setViews([]));
    return () => {
      alive = false;
    };
  }, []);
  return views;
}
