import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { wordsFor } from '../../../utils/activity/doer';
import { answerKind, checkMessage } from '../../../utils/guides/field-value';
import { type LoadedGuides, loadProblemText } from '../../../utils/guides/loading';
import { pagePosition } from '../../../utils/guides/page-count';
import { type Guide, localize } from '../../../utils/guides/schema';
import type { GuideSession, SessionView } from '../../../utils/guides/session';
import type { PublishedPlaces, TrustState } from '../../../utils/guides/sources';
import { stepLine } from '../../../utils/guides/step-line';
import { createStuckCounter, STUCK_AFTER } from '../../../utils/help-places/stuck';
import { createTranslator, type Lang, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import type { GuideService } from '../../app/guide-service';
import { useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { useFit } from '../../panel/fit';
import compactCss from './compact.css?inline';
import { compactMessages } from './compact-messages';
import { DoerSwitch, useDoer } from './DoerSwitch';
import { doerMessages } from './doer-messages';
import guidesCss from './guides.css?inline';
import { HelpView } from './HelpView';
import { helpMessages } from './help-messages';
import { guidesMessages } from './messages';
import { numbersOf } from './numbers';
import type { GuidesOptions } from './options-schema';
import { checklist } from './page-sync';
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
import { RemoteGuides, remoteOf } from './RemoteGuides';
import { recapMessages } from './recap-messages';
import { TargetWords } from './TargetWords';
import { useAside } from './use-aside';

const translate = createTranslator(
  uiMessages,
  guidesMessages,
  compactMessages,
  recapMessages,
  helpMessages,
  doerMessages,
);
type T = (key: string, params?: Params) => string;

type Load =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'unreachable' }
  | { status: 'ready'; data: LoadedGuides; service: GuideService };

/** The guides tab: in the page itself, or in the side panel driving the active tab's page. */
export default function GuidesTab() {
  return remoteOf(useServices()) ? <RemoteGuides /> : <PageGuides />;
}

function PageGuides() {
  const { lang, guides } = useServices();
  const t: T = (key, params) => translate(lang.value, key, params);
  const rootRef = useRef<HTMLDivElement>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [session, setSession] = useState<GuideSession | null>(null);
  const [choosing, setChoosing] = useState(false);

  useAdoptedSheet(guidesCss, rootRef);
  useAdoptedSheet(compactCss, rootRef);

  useEffect(() => {
    let alive = true;
    setLoad({ status: 'loading' });
    guides()
      .then(async (service) => {
        if (!alive) return;
        // The session may have been started elsewhere (the side panel's commands): it is shown here.
        setSession(service.current());
        if (!service.available) {
          setLoad({ status: 'unavailable' });
          return;
        }
        const data = await service.load();
        if (!alive) return;
        setLoad({ status: 'ready', data, service });
        const { chosen } = service.pick(data.guides);
        if (chosen && !service.current()) setSession(service.start(chosen));
      })
      .catch(() => alive && setLoad({ status: 'unreachable' }));
    return () => {
      alive = false;
    };
  }, [attempt]);

  const choose = (service: GuideService, guide: Guide) => {
    setChoosing(false);
    setSession(service.start(guide));
  };

  return (
    <div class="pp-stack pp-guides" data-testid="guides-tab" ref={rootRef}>
      {load.status === 'loading' && <p class="pp-loading">{t('guides.loading')}</p>}
      {load.status === 'unavailable' && <p class="pp-message">{t('guides.unavailable')}</p>}
      {load.status === 'unreachable' && (
        <div class="pp-message pp-message--error" role="alert">
          <p>{t('guides.unreachable')}</p>
          <button type="button" class="pp-button" onClick={() => setAttempt((n) => n + 1)}>
            {t('guides.retry')}
          </button>
        </div>
      )}
      {load.status === 'ready' &&
        (session && !choosing ? (
          <GuideView
            key={session.guide.id}
            session={session}
            t={t}
            lang={lang.value}
            trust={load.data.trust?.[session.guide.id]?.trust}
            catalogPlaces={load.data.catalogPlaces}
            others={load.service.pick(load.data.guides).matching.length > 1}
            onChooseOther={() => {
              load.service.stop();
              setSession(null);
              setChoosing(true);
            }}
          />
        ) : (
          <NoGuide
            data={load.data}
            matching={load.service.pick(load.data.guides).matching}
            t={t}
            lang={lang.value}
            onChoose={(guide) => choose(load.service, guide)}
          />
        ))}
      {load.status === 'ready' && load.data.problems.length > 0 && (
        <details class="pp-guide-problems" data-testid="guide-problems">
          <summary>{t('guides.problems', { count: load.data.problems.length })}</summary>
          <ul>
            {load.data.problems.map((problem, i) => (
              <li key={i}>
                {loadProblemText(problem, lang.value).map((line, j) => (
                  <p key={j}>{line}</p>
                ))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function NoGuide({
  data,
  matching,
  t,
  lang,
  onChoose,
}: {
  data: LoadedGuides;
  matching: Guide[];
  t: T;
  lang: Lang;
  onChoose: (guide: Guide) => void;
}) {
  if (matching.length > 1) {
    return (
      <div class="pp-stack" data-testid="guide-choice">
        <p>{t('guides.choose')}</p>
        <ul class="pp-guide-list">
          {matching.map((guide) => (
            <li key={guide.id}>
              <h3 class="pp-guide-name">{localize(guide.title, lang)}</h3>
              <TrustLine guide={guide} trust={data.trust?.[guide.id]?.trust} t={t} />
              <Markdown text={localize(guide.summary, lang)} />
              <button type="button" class="pp-button pp-button--primary" onClick={() => onChoose(guide)}>
                {t('guides.start')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div class="pp-stack" data-testid="guides-none">
      <p class="pp-message">{t('guides.noMatch')}</p>
      <h3 class="pp-guide-name">{t('guides.available')}</h3>
      {data.guides.length === 0 ? (
        <p>{t('guides.none')}</p>
      ) : (
        <ul class="pp-guide-list">
          {data.guides.map((guide) => (
            <li key={guide.id}>
              <p class="pp-guide-name">{localize(guide.title, lang)}</p>
              <TrustLine guide={guide} trust={data.trust?.[guide.id]?.trust} t={t} />
              <Markdown text={localize(guide.summary, lang)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The documents ticked for a guide, kept by the page (the side panel ticks the same list). */
function useTicked(guideId: string): ReadonlySet<string> {
  const [ticked, setTicked] = useState(() => checklist.get(guideId));
  useEffect(() => {
    setTicked(checklist.get(guideId));
    return checklist.subscribe(() => setTicked(checklist.get(guideId)));
  }, [guideId]);
  return ticked;
}

function useView(session: GuideSession): SessionView {
  const [view, setView] = useState(() => session.view());
  useEffect(() => {
    setView(session.view());
    return session.subscribe(setView);
  }, [session]);
  return view;
}

function GuideView({
  session,
  t: usualWords,
  lang,
  trust,
  catalogPlaces,
  others,
  onChooseOther,
}: {
  session: GuideSession;
  t: T;
  lang: Lang;
  trust: TrustState | undefined;
  /** The places the widget's catalog publishes, for « Je n’y arrive pas ». */
  catalogPlaces: PublishedPlaces | undefined;
  others: boolean;
  onChooseOther: () => void;
}) {
  const { announce, env, config } = useServices();
  // Who holds the mouse (a shared computer's switch): the panel's words follow it.
  const doer = useDoer(env);
  const t = wordsFor(usualWords, doer.doer);
  const view = useView(session);
  // A phone or a zoomed screen (components/panel/fit.ts): the step in a few lines, the rest on demand.
  const placing = useFit();
  const fit = placing?.fit.value;
  const sheet = fit === 'sheet' || fit === 'bar';
  const [more, setMore] = useState(false);
  // The bar shows only the step's title and check: always compact.
  const compact = fit === 'bar' || (fit === 'sheet' && !more);
  const land = placing?.land.value;
  const guide = session.guide;
  const { state } = view;
  const step = state.step;
  const index = state.index;
  const stepTitle = step ? localize(step.title, lang) : '';
  const ticked = useTicked(guide.id);
  const [notFound, setNotFound] = useState(false);
  // The recap or the help places, shown in the step's place; closing goes back to the button.
  const {
    aside,
    open,
    close: closeAside,
    helpButton,
    recapButton,
  } = useAside(() => (state.finished ? finishedRef.current : headingRef.current));
  const recapOpen = aside === 'recap';
  const stuck = useRef(createStuckCounter());
  const [refused, setRefused] = useState(0);
  useEffect(() => setRefused(stuck.current.see(view)), [view]);
  const offered = refused >= STUCK_AFTER;
  useEffect(() => {
    if (offered) announce(t('help.stuckOffer'));
  }, [offered]);
  // After a move made in the panel, focus goes to the new step's title (the button may be gone).
  const focusAfterMove = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepRef = useRef<HTMLElement>(null);
  const finishedRef = useRef<HTMLParagraphElement>(null);
  const act = (move: () => void) => {
    focusAfterMove.current = true;
    move();
  };
  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    (state.finished ? finishedRef.current : headingRef.current)?.focus();
  }, [index, state.finished]);

  // Each new step is announced; moves the person made in the panel are announced too.
  const lastIndex = useRef(index);
  // The step the panel reopened on was said with the reopening: not twice.
  const resumedAt = useRef<number | null>(null);
  useEffect(() => {
    setNotFound(false);
    if (lastIndex.current === index && view.moved === 'start') return;
    lastIndex.current = index;
    if (resumedAt.current === index) return;
    resumedAt.current = null;
    const here = pagePosition(guide, index);
    const text = t('guides.announce', { current: here.current, total: here.total, title: stepTitle });
    announce(view.moved === 'auto' ? t('guides.announceDone', { next: text }) : text);
  }, [index]);
  useEffect(() => {
    if (state.finished) announce(t('guides.finished'));
  }, [state.finished]);

  // The panel reopened by itself on the procedure's next page, or the bar grew back: focus goes to
  // the step, and a reopening is said once (a layout effect: before the panel's own focus on its title).
  useLayoutEffect(() => {
    if (!land || !placing) return;
    const target = state.finished ? finishedRef.current : headingRef.current;
    if (!target) return;
    placing.land.value = null;
    // Came late, over the person's typing: said, but focus stays in their field (page-focus.ts).
    if (land !== 'late') target.focus();
    if (land === 'expanded' || state.finished) return;
    resumedAt.current = index;
    const here = pagePosition(guide, index);
    announce(
      t('guides.resumed', {
        step: t('guides.announce', { current: here.current, total: here.total, title: stepTitle }),
      }),
    );
  }, [land, index, state.finished]);

  // Docked low along the bottom (a wide form, components/panel/fit.ts), the panel is short and keeps
  // its scroll: the step's title would be above the fold. The step comes to the panel's top.
  useLayoutEffect(() => {
    if (fit !== 'dock') return;
    const section = stepRef.current;
    const scroller = section?.closest('.pp-panel');
    if (!section || !scroller) return;
    scroller.scrollTop += section.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
  }, [fit, index]);

  const goToField = () => {
    if (view.element) view.element.scrollIntoView({ block: 'center' });
    if (!session.focusTarget()) setNotFound(true);
  };

  const check = view.check;
  // Only fields with a validator get a verdict; a plain text field needs none.
  const checkText =
    check?.result && !check.empty ? (check.ok ? t('guides.checkOk') : checkMessage(lang, step, check)) : '';
  const doneCount = state.done.size;
  const answer = answerKind(view.element, step?.done.kind);
  const body = step ? localize(step.body, lang) : '';
  // The whole step and every step, or (compact) its title, one line, its check and the moves.
  const line = compact && step ? stepLine(body) : null;
  const header = <GuideHeader guide={guide} trust={trust} lang={lang} index={index} t={t} />;
  const steps = (
    <>
      <progress class="pp-guide-meter" max={state.total} value={doneCount} aria-hidden="true" />
      <StepList
        guide={guide}
        lang={lang}
        index={index}
        isDone={(id) => state.done.has(id)}
        doneCount={doneCount}
        onGo={(i) => act(() => session.goTo(i))}
        t={t}
      />
    </>
  );

  return (
    <div class="pp-stack pp-guide-view" data-guide={guide.id} data-compact={compact ? '' : undefined}>
      {compact ? (
        // Headings stay in order for screen readers (the panel's h2, this h3, the step's h4).
        <h3 class="pp-sr-only pp-guide-sr">{localize(guide.title, lang)}</h3>
      ) : (
        header
      )}
      {doer.shown && !compact && <DoerSwitch doer={doer.doer} onChoose={doer.choose} t={t} />}
      {aside === 'help' ? (
        <HelpView
          guide={guide}
          stepId={step?.id}
          lang={lang}
          env={env}
          t={t}
          onClose={closeAside}
          sitePlaces={(config.guides as GuidesOptions | undefined)?.places}
          catalogPlaces={catalogPlaces}
        />
      ) : recapOpen ? (
        <RecapView
          guide={guide}
          lang={lang}
          done={state.done}
          finished={state.finished}
          numbers={numbersOf(session).list()}
          t={t}
          onClose={closeAside}
        />
      ) : state.finished ? (
        <Finished
          t={t}
          finishedRef={finishedRef}
          onRestart={() => act(() => session.goTo(0))}
          onRecap={() => open('recap')}
          recapRef={recapButton}
        />
      ) : (
        step && (
          <section
            ref={stepRef}
            class="pp-guide-step"
            aria-labelledby="pp-guide-step-title"
            data-step={step.id}
            data-bar-view=""
          >
            <StepHeading title={stepTitle} done={state.done.has(step.id)} headingRef={headingRef} />
            {line !== null ? (
              <p class="pp-guide-line" data-testid="step-line">
                {line}
              </p>
            ) : (
              <Markdown text={body} class="pp-guide-body" testId="step-body" />
            )}
            {!compact && <FieldHint step={step} lang={lang} answer={answer} t={t} />}
            <CheckLine text={checkText} ok={!!check?.ok} />
            <TargetNote target={view.target} notFound={notFound} t={t} />
            <TargetWords view={view} t={t} />
            <div class="pp-row">
              {step.target && view.target !== 'sensitive' && (
                <button
                  type="button"
                  class="pp-button pp-button--primary"
                  onClick={goToField}
                  data-action="go-to-field"
                >
                  {t(goToKey(answer, 'panel'))}
                </button>
              )}
              {step.done.kind === 'confirmed' && (
                <button
                  type="button"
                  class="pp-button pp-button--primary"
                  onClick={() => act(() => session.confirm())}
                  data-action="confirm"
                >
                  {t('guides.confirm')}
                </button>
              )}
            </div>
            <StepMoves
              first={index === 0}
              onPrevious={() => act(() => session.previous())}
              onNext={() => act(() => session.next())}
              t={t}
            />
            {!compact && <ReadStep step={step} lang={lang} t={t} />}
            {sheet && (
              <button
                type="button"
                class="pp-button pp-guide-more"
                aria-expanded={more}
                data-action="more"
                onClick={() => setMore(!more)}
              >
                {t(more ? 'guides.less' : 'guides.more')}
              </button>
            )}
            {offered && (
              <p class="pp-message" data-testid="stuck-offer">
                {t('help.stuckOffer')}
              </p>
            )}
            {/* On the phone's short view too: a person stuck there needs it most (the bar hides it). */}
            <button
              type="button"
              class={offered ? 'pp-button pp-button--primary' : 'pp-button'}
              data-action="stuck"
              ref={helpButton}
              onClick={() => open('help')}
            >
              {t('help.stuck')}
            </button>
          </section>
        )
      )}
      {!compact && steps}
      {!aside && !state.finished && !compact && (
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
      {!compact && (
        <DocumentChecklist
          guide={guide}
          lang={lang}
          ticked={ticked}
          onToggle={(id, on) => checklist.set(guide.id, id, on)}
          t={t}
        />
      )}
      {others && !compact && (
        <button type="button" class="pp-button" onClick={onChooseOther}>
          {t('guides.otherGuide')}
        </button>
      )}
    </div>
  );
}
