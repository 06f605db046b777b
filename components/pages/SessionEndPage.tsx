/**
 * The page that opens when "Terminer ma session" closed the sites' tabs: what was erased, what
 * Pas à pas cannot erase and what to do about it, from the report the background measured.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type EndReport, isEndReport } from '../../utils/session-end/report';
import { useServices } from '../app/services';
import { EndSummary } from '../app/session-end/EndSummary';
import { translatorFor } from '../app/session-end/messages';
import { ActivityQuestion } from '../features/accompaniment/ActivityQuestion';

export function SessionEndPage({ announcement }: { announcement: { value: string } }) {
  const { lang, env, settings } = useServices();
  const t = translatorFor(() => lang.value);
  const [report, setReport] = useState<EndReport | null | undefined>(undefined);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let alive = true;
    const read = async () => {
      // The end may still be running when this page opens: asked again until its report is there.
      for (let i = 0; i < 60 && alive; i++) {
        const answer = (await env.background?.({ type: 'pasapas:session-report' }).catch(() => null)) as
          | { report?: unknown }
          | null
          | undefined;
        if (isEndReport(answer?.report) && Date.now() - answer.report.at < 10 * 60_000) {
          if (alive) setReport(answer.report);
          return;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      if (alive) setReport(null);
    };
    void read();
    return () => {
      alive = false;
    };
  }, []);
  useEffect(() => {
    if (report) title.current?.focus();
  }, [report]);
  return (
    <main
      class="pp-root pp-docked pp-page"
      lang={lang.value}
      dir={lang.value === 'ar' ? 'rtl' : 'ltr'}
      data-theme={settings.value.comfort.theme}
      data-testid="session-end-page"
    >
      <h1 ref={title} tabIndex={-1}>
        {t('end.title')}
      </h1>
      {report === null && <p>{t('end.none')}</p>}
      {report && <EndSummary report={report} t={t} />}
      {report && <ActivityQuestion />}
      <div class="pp-sr-only" role="status" aria-live="polite">
        {announcement.value}
      </div>
    </main>
  );
}
