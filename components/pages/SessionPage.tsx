import { useEffect } from 'preact/hooks';
import { useServices } from '../app/services';
import { type SessionFrame, SessionFrameContext } from '../app/session-frame';
import { useFeatureViews } from './feature-views';

/** To the page's panel: only what happened and how tall this frame is, never a value. */
function tell(message: { event?: string; height?: number }): void {
  // The page's origin is not ours to know in advance; nothing secret is in these messages.
  window.parent?.postMessage({ pasapas: 'session', ...message }, '*');
}

/**
 * Our frame on a web page (`session.html`): what the page must not see or drive (a PIN…), drawn by
 * the features that have a view here (FeatureDefinition.pages.session). `banner` and `tab` name the
 * place of the page's panel it fills; unclaimed, the views say so and call nothing.
 */
export function SessionPage({
  view,
  claimed,
  takeFocus,
  announcement,
  endAll,
}: {
  view: SessionFrame['view'];
  claimed: boolean;
  /** The page script gave this frame focus: its form takes it once drawn. */
  takeFocus?: boolean;
  announcement: { value: string };
  endAll?: SessionFrame['endAll'];
}) {
  const { lang, settings } = useServices();
  const views = useFeatureViews((f) => f.pages?.session);

  useEffect(() => {
    const observer = new ResizeObserver(() => tell({ height: document.documentElement.scrollHeight }));
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const comfort = settings.value.comfort;
  return (
    <main
      class="pp-root pp-docked pp-session"
      lang={lang.value}
      dir={lang.value === 'ar' ? 'rtl' : 'ltr'}
      data-theme={comfort.theme}
      data-font={comfort.font}
      style={{ '--pp-scale': String(comfort.textScale) }}
      data-testid="session-page"
      data-claimed={String(claimed)}
    >
      <SessionFrameContext.Provider
        value={{ view, claimed, takeFocus: takeFocus === true, tell, ...(endAll ? { endAll } : {}) }}
      >
        {views?.map((View, i) => (
          <View key={i} />
        ))}
      </SessionFrameContext.Provider>
      <div class="pp-sr-only" role="status" aria-live="polite">
        {announcement.value}
      </div>
    </main>
  );
}
