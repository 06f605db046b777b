import { useEffect, useRef, useState } from 'preact/hooks';
import { wordsFor } from '../../../utils/activity/doer';
import { pagePosition } from '../../../utils/guides/page-count';
import type { GuideCommand } from '../../../utils/guides/remote';
import { localize } from '../../../utils/guides/schema';
import { createTranslator, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { type PanelServices, useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { DoerSwitch, useDoer } from './DoerSwitch';
import { doerMessages } from './doer-messages';
import guidesCss from './guides.css?inline';
import { HelpView } from './HelpView';
import { helpMessages } from './help-messages';
import { guidesMessages } from './messages';
import type { PageCommand, PageSnapshot } from './page-sync';
import {
  CheckLine,
  DocumentChecklist,
  FieldHint,
  Finished,
  GuideHeader,
  goToKey,
  Markdown,
  ReadStep,
  StepHeading,
  StepList,
  StepMoves,
  TargetNote,
  TrustLine,
} from './parts';
import { RecapView } from './RecapView';
import { recapMessages } from './recap-messages';
import { TargetWords } from './TargetWords';
import { useAside } from './use-aside';

const translate = createTranslator(uiMessages, guidesMessages, helpMessages, recapMessages, doerMessages);
type T = (key: string, params?: Params) => string;

/**
 * The page answers 'watch' when something changes (a move, a check, a ticked document); when no
 * page answers (a browser page, a page loading), the side panel asks again this often.
 */
const RETRY_MS = 700;

type Load = { status: 'loading' } | { status: 'no-page' } | { status: 'ready'; snapshot: PageSnapshot };

/** The side panel's link to the page: the guide runs in the active tab's page; this sends it commands (null: no page answers). */
export type GuidesRemote = { send(command: PageCommand): Promise<unknown> };

/**
 * In the side panel (PanelServices.frontPage): the guide of the tab in front. The page answers
 * 'watch' when something changes there; another tab or page answers with its state instead.
 */
export function remoteOf(services: PanelServices): GuidesRemote | undefined {
  const front = services.frontPage;
  if (!front) return undefined;
  const ask = (command: PageCommand) => front.send('guides', command);
  return {
    async send(command) {
      if ((command as { action?: unknown }).action !== 'watch') return ask(command);
      let stop: () => void = () => {};
      const changed = new Promise<'changed'>((resolve) => {
        stop = front.onChange(() => resolve('changed'));
      });
      try {
        const first = await Promise.race([ask(command), changed]);
        return first === 'changed' ? ask({ action: 'state' }) : first;
      } finally {
        stop();
      }
    },
  };
}

/** The answer crosses from the page (possibly an older version of it): the extras are filled in. */
async function sendToPage(
  remote: GuidesRemote | undefined,
  command: PageCommand,
): Promise<PageSnapshot | null> {
  const answer = remote ? ((await remote.send(command)) as Partial<PageSnapshot> | null) : null;
  return answer?.status
    ? ({ ...answer, ticked: answer.ticked ?? [], key: answer.key ?? '' } as PageSnapshot)
    : null;
}

export function RemoteGuides() {
  const services = useServices();
  const { lang, announce } = services;
  const remote = remoteOf(services);
  // Who holds the mouse (a shared computer's switch, as in the page's panel): the words follow it.
  const doer = useDoer(services.env);
  const t: T = wordsFor((key, params) => translate(lang.value, key, params), doer.doer);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const finishedRef = useRef<HTMLParagraphElement>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [notFound, setNotFound] = useState(false);
  // « Je n’y arrive pas » (help places, the note to the guide's author) or « Mon récapitulatif »,
  // in the step's place; closing goes back to its button.
  const {
    aside,
    open,
    close: closeAside,
    helpButton,
    recapButton,
  } = useAside(() => finishedRef.current ?? headingRef.current);
  const focusAfterMove = useRef(false);
  const lastStep = useRef<string | null>(null);

  useAdoptedSheet(guidesCss, rootRef);

  // A page that is loading does not answer for a moment: the view changes only after two misses,
  // so the steps (and the keyboard focus in them) do not flicker away.
  const misses = useRef(0);
  const send = async (command: PageCommand) => {
    let snapshot: PageSnapshot | null = null;
    try {
      snapshot = await sendToPage(remote, command);
    } catch {
      snapshot = null;
    }
    if (snapshot) {
      misses.current = 0;
      setLoad({ status: 'ready', snapshot });
    } else if (++misses.current >= 2) {
      setLoad({ status: 'no-page' });
    }
    return snapshot;
  };

  // One question at a time: the state, then 'watch' with what is shown, answered on a change. The
  // side panel's page (entrypoints/sidepanel) answers early when the tab changes or navigates.
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = async (since: string | null) => {
      const snapshot = await send(since === null ? { action: 'state' } : { action: 'watch', since });
      if (!alive) return;
      // (An answer without a key comes from a page that cannot hold the question: ask again later.)
      if (snapshot?.key) follow(snapshot.key);
      else timer = setTimeout(() => follow(null), RETRY_MS);
    };
    follow(null);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, []);

  const snapshot = load.status === 'ready' ? load.snapshot : null;
  const current = snapshot?.current ?? null;
  const entry = current ? snapshot?.matching.find((m) => m.guide.id === current.guideId) : undefined;
  const guide = entry?.guide;
  const step = guide && current && !current.finished ? guide.steps[current.index] : undefined;

  // A new step is announced, and after a move made here focus goes to its title.
  const stepKey = current ? `${current.guideId}:${current.finished ? 'end' : current.index}` : null;
  useEffect(() => {
    if (!stepKey || stepKey === lastStep.current) return;
    const first = lastStep.current === null;
    lastStep.current = stepKey;
    setNotFound(false);
    if (current && guide && !first) {
      announce(
        current.finished
          ? t('guides.finished')
          : t('guides.announce', {
              ...pagePosition(guide, current.index),
              title: step ? localize(step.title, lang.value) : '',
            }),
      );
    }
    if (focusAfterMove.current) {
      focusAfterMove.current = false;
      (current?.finished ? finishedRef.current : headingRef.current)?.focus();
    }
  }, [stepKey]);

  const act = (command: GuideCommand) => {
    focusAfterMove.current = true;
    send(command);
  };

  // The box shows ticked at once; the page keeps the list (its own panel shows the same).
  const tick = (documentId: string, ticked: boolean) => {
    if (!snapshot || !current) return;
    const others = snapshot.ticked.filter((id) => id !== documentId);
    setLoad({
      status: 'ready',
      snapshot: { ...snapshot, ticked: ticked ? [...others, documentId] : others },
    });
    send({ action: 'tick', guideId: current.guideId, documentId, ticked });
  };

  return (
    <div class="pp-stack pp-guides" data-testid="guides-tab" data-remote="" ref={rootRef}>
      {load.status === 'loading' && <p class="pp-loading">{t('guides.loading')}</p>}
      {load.status === 'no-page' && (
        <p class="pp-message" data-testid="guides-no-page">
          {t('guides.remote.noPage')}
        </p>
      )}
      {snapshot?.status === 'unavailable' && <p class="pp-message">{t('guides.unavailable')}</p>}
      {snapshot?.status === 'error' && (
        <p class="pp-message pp-message--error" role="alert">
          {t('guides.unreachable')}
        </p>
      )}
      {snapshot?.status === 'ready' && !current && (
        <div class="pp-stack" data-testid="guides-none">
          {snapshot.matching.length === 0 ? (
            <p class="pp-message">{t('guides.noMatch')}</p>
          ) : (
            <>
              <p>{t('guides.choose')}</p>
              <ul class="pp-guide-list">
                {snapshot.matching.map((m) => (
                  <li key={m.guide.id}>
                    <h3 class="pp-guide-name">{localize(m.guide.title, lang.value)}</h3>
                    <TrustLine guide={m.guide} trust={m.trust} t={t} />
                    <Markdown text={localize(m.guide.summary, lang.value)} />
                    <button
                      type="button"
                      class="pp-button pp-button--primary"
                      onClick={() => act({ action: 'start', guideId: m.guide.id })}
                    >
                      {t('guides.start')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {current && guide && (
        <div class="pp-stack" data-guide={guide.id}>
          <GuideHeader guide={guide} trust={entry?.trust} lang={lang.value} index={current.index} t={t} />
          {doer.shown && <DoerSwitch doer={doer.doer} onChoose={doer.choose} t={t} />}
          <StepList
            guide={guide}
            lang={lang.value}
            index={current.index}
            isDone={(id) => current.done.includes(id)}
            doneCount={current.done.length}
            onGo={(i) => act({ action: 'goTo', index: i })}
            t={t}
          />
          {aside === 'help' ? (
            <HelpView
              guide={guide}
              stepId={step?.id}
              lang={lang.value}
              env={services.env}
              t={t}
              onClose={closeAside}
            />
          ) : aside === 'recap' ? (
            // The numbers typed stay in the page: this recap offers none to add (the page's panel does).
            <RecapView
              guide={guide}
              lang={lang.value}
              done={new Set(current.done)}
              finished={current.finished}
              numbers={[]}
              t={t}
              onClose={closeAside}
            />
          ) : current.finished ? (
            <Finished t={t} finishedRef={finishedRef} onRestart={() => act({ action: 'goTo', index: 0 })} />
          ) : (
            step && (
              <section class="pp-guide-step" aria-labelledby="pp-guide-step-title" data-step={step.id}>
                <StepHeading
                  title={localize(step.title, lang.value)}
                  done={current.done.includes(step.id)}
                  headingRef={headingRef}
                />
                <Markdown text={localize(step.body, lang.value)} class="pp-guide-body" testId="step-body" />
                <ReadStep step={step} lang={lang.value} t={t} />
                <FieldHint step={step} lang={lang.value} answer={current.answer ?? 'write'} t={t} />
                <CheckLine
                  text={current.check ? (current.check.ok ? t('guides.checkOk') : current.check.text) : ''}
                  ok={!!current.check?.ok}
                />
                <TargetNote target={current.target} notFound={notFound} t={t} />
                <TargetWords
                  view={{ target: current.target, description: current.description ?? null }}
                  t={t}
                />
                <div class="pp-row">
                  {step.target && current.target !== 'sensitive' && (
                    <button
                      type="button"
                      class="pp-button pp-button--primary"
                      data-action="go-to-field"
                      onClick={async () => {
                        const answer = await send({ action: 'focus' });
                        setNotFound(answer?.focused === false);
                      }}
                    >
                      {t(goToKey(current.answer ?? 'write', 'side'))}
                    </button>
                  )}
                  {step.done.kind === 'confirmed' && (
                    <button
                      type="button"
                      class="pp-button pp-button--primary"
                      data-action="confirm"
                      onClick={() => act({ action: 'confirm' })}
                    >
                      {t('guides.confirm')}
                    </button>
                  )}
                </div>
                <StepMoves
                  first={current.index === 0}
                  onPrevious={() => act({ action: 'previous' })}
                  onNext={() => act({ action: 'next' })}
                  t={t}
                />
                <button
                  type="button"
                  class="pp-button"
                  data-action="stuck"
                  ref={helpButton}
                  onClick={() => open('help')}
                >
                  {t('help.stuck')}
                </button>
              </section>
            )
          )}
          {!aside && (
            <button
              type="button"
              class="pp-button"
              data-action="recap-open"
              ref={recapButton}
              onClick={() => open('recap')}
            >
              {t('recap.open')}
            </button>
          )}
          <DocumentChecklist
            guide={guide}
            lang={lang.value}
            ticked={new Set(snapshot?.ticked)}
            onToggle={tick}
            t={t}
          />
        </div>
      )}
    </div>
  );
}
