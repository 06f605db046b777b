/**
 * "Mes démarches": what is in progress, on which site, when it was last saved, what is still
 * missing; resume, delete one or all, export (passphrase) and import; and, on a shared
 * computer, the PIN, the lock and "Terminer ma session". This file composes the parts, each in
 * its own file: the loading (use-procedures), the site to keep (KeepSite), the list
 * (ProcedureList), the way to every site (AllSites), export and import (Handover).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { AllSites } from './AllSites';
import { type Agent, currentAgent, onAgent } from './agent';
import { Handover } from './Handover';
import { KeepSite } from './KeepSite';
import { errorMessage, translatorFor } from './messages';
import { ProcedureList } from './ProcedureList';
import { PublicSection, type SessionEvent } from './PublicSection';
import progressCss from './progress.css?inline';
import { SessionFrame, sessionPageOf } from './SessionFrame';
import { useProcedures } from './use-procedures';

export default function ProgressTab() {
  const services = useServices();
  const { lang, announce, context } = services;
  const t = translatorFor(() => lang.value);
  const rootRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState('');
  const [agent, setAgent] = useState<Agent | undefined>(currentAgent(services));
  const { load, refresh } = useProcedures(services, setError);

  useAdoptedSheet(progressCss, rootRef);
  useEffect(() => onAgent(services, setAgent), [services]);
  // This tab's code box stands in for the page's banner one while shown: never two at once.
  const pinHere = load.status === 'ready' && (load.mode.kind === 'needs-pin' || load.mode.kind === 'locked');
  useEffect(() => {
    if (!agent || !pinHere) return;
    agent.pinShownInTab(true);
    return () => agent.pinShownInTab(false);
  }, [agent, pinHere]);

  // The extension on a web page: this site's procedures only; everything else in our own pages.
  const sessionPage = sessionPageOf(services);
  const onPage = context === 'page';
  const onSessionEvent = (event: SessionEvent) => {
    if (event === 'ended') agent?.forgetTab();
    if (event === 'pin-chosen' || event === 'unlocked') agent?.resumeAfterPin();
    refresh();
  };

  const act = async (fn: () => Promise<void>) => {
    setError('');
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(lang.value, e));
    }
  };

  return (
    <div class="pp-stack pp-progress" data-testid="progress-tab" ref={rootRef}>
      {error && (
        <p class="pp-message pp-message--error" role="alert" data-testid="progress-error">
          {error}
        </p>
      )}
      {load.status === 'loading' && <p class="pp-loading">{t('guides.loading')}</p>}
      {load.status === 'ready' && (
        <>
          {sessionPage && load.mode.kind !== 'clear' ? (
            <SessionFrame
              page={sessionPage}
              view="tab"
              title={t('progress.public.title')}
              onEvent={onSessionEvent}
            />
          ) : (
            <PublicSection
              mode={load.mode}
              t={t}
              lang={lang.value}
              onChange={refresh}
              announce={announce}
              onEvent={onSessionEvent}
              endAll={
                // The side panel is ours: the whole end of session, its summary in a tab.
                context === 'sidepanel' && services.env.background
                  ? () =>
                      services.env.background?.({ type: 'pasapas:session-end', summaryTab: true }) ??
                      Promise.resolve()
                  : undefined
              }
            />
          )}
          {(load.mode.kind === 'clear' || load.mode.kind === 'unlocked') && (
            <>
              {context !== 'sidepanel' && agent && (
                <KeepSite agent={agent} t={t} onDone={refresh} act={act} />
              )}
              <ProcedureList
                list={load.list}
                t={t}
                lang={lang.value}
                context={context}
                allSites={!onPage}
                onChange={refresh}
                act={act}
                announce={announce}
                agent={agent}
              />
              {onPage ? (
                <AllSites t={t} act={act} />
              ) : (
                <Handover list={load.list} t={t} lang={lang.value} onChange={refresh} announce={announce} />
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
