import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { GuideCommand, RemoteSnapshot } from '../../../utils/guides/remote';
import { localize } from '../../../utils/guides/schema';
import { createTranslator, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { useServices } from '../../app/services';
import { guideSources } from './config';
import { guidesMessages } from './messages';
import { adoptStyles, Markdown, StepList, TrustLine } from './parts';

const translate = createTranslator(uiMessages, guidesMessages);
type T = (key: string, params?: Params) => string;

/** How often the side panel asks the page where the person stands (typing, page changes, tab changes). */
const POLL_MS = 700;

type Load = { status: 'loading' } | { status: 'no-page' } | { status: 'ready'; snapshot: RemoteSnapshot };

/**
 * The guides tab of the side panel. The guide runs in the active tab's page (targets, highlight,
 * checks); this view shows its steps and sends the person's moves to the page.
 */
export function RemoteGuides() {
  const { lang, announce } = useServices();
  const t: T = (key, params) => translate(lang.value, key, params);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const finishedRef = useRef<HTMLParagraphElement>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [notFound, setNotFound] = useState(false);
  const focusAfterMove = useRef(false);
  const lastStep = useRef<string | null>(null);

  useLayoutEffect(() => adoptStyles(rootRef.current), []);

  // A page that is loading does not answer for a moment: the view changes only after two misses,
  // so the steps (and the keyboard focus in them) do not flicker away.
  const misses = useRef(0);
  const send = async (command: GuideCommand) => {
    const remote = guideSources().remote;
    let snapshot: RemoteSnapshot | null = null;
    try {
      snapshot = remote ? await remote.send(command) : null;
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

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await send({ action: 'state' });
      if (alive) timer = setTimeout(tick, POLL_MS);
    };
    tick();
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
              current: current.index + 1,
              total: current.total,
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
          <h3 class="pp-guide-name" data-testid="guide-title">
            {localize(guide.title, lang.value)}
          </h3>
          <TrustLine guide={guide} trust={entry?.trust} t={t} />
          <p class="pp-guide-count" data-testid="guide-count">
            {t('guides.stepCount', { current: current.index + 1, total: current.total })}
          </p>
          <StepList
            guide={guide}
            lang={lang.value}
            index={current.index}
            isDone={(id) => current.done.includes(id)}
            doneCount={current.done.length}
            onGo={(i) => act({ action: 'goTo', index: i })}
            t={t}
          />
          {current.finished ? (
            <div class="pp-message" data-testid="guide-finished">
              <p tabIndex={-1} ref={finishedRef}>
                {t('guides.finished')}
              </p>
              <button type="button" class="pp-button" onClick={() => act({ action: 'goTo', index: 0 })}>
                {t('guides.restart')}
              </button>
            </div>
          ) : (
            step && (
              <section class="pp-guide-step" aria-labelledby="pp-guide-step-title" data-step={step.id}>
                <h4
                  id="pp-guide-step-title"
                  class="pp-guide-step-title"
                  data-testid="step-title"
                  tabIndex={-1}
                  ref={headingRef}
                >
                  {current.done.includes(step.id) && <span aria-hidden="true">✓ </span>}
                  {localize(step.title, lang.value)}
                </h4>
                <Markdown text={localize(step.body, lang.value)} class="pp-guide-body" testId="step-body" />
                {step.field && (
                  <div class="pp-guide-field">
                    <p class="pp-guide-label">{t('guides.whatToWrite')}</p>
                    <Markdown text={localize(step.field.describe, lang.value)} />
                    {step.field.example && <p>{t('guides.example', { example: step.field.example })}</p>}
                  </div>
                )}
                <div
                  class={`pp-guide-check ${current.check ? (current.check.ok ? 'is-ok' : 'is-wrong') : ''}`}
                  aria-live="polite"
                  data-testid="guide-check"
                >
                  {current.check && (
                    <p>
                      <span aria-hidden="true">{current.check.ok ? '✓ ' : '⚠ '}</span>
                      {current.check.ok ? t('guides.checkOk') : current.check.text}
                    </p>
                  )}
                </div>
                {current.target === 'searching' && <p class="pp-loading">{t('guides.searching')}</p>}
                {(current.target === 'missing' || notFound) && (
                  <p class="pp-message" data-testid="guide-missing">
                    {t('guides.missing')}
                  </p>
                )}
                <div class="pp-row">
                  {step.target && (
                    <button
                      type="button"
                      class="pp-button pp-button--primary"
                      data-action="go-to-field"
                      onClick={async () => {
                        const answer = await send({ action: 'focus' });
                        setNotFound(answer?.focused === false);
                      }}
                    >
                      {t('guides.showOnPage')}
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
                <div class="pp-row">
                  <button
                    type="button"
                    class="pp-button"
                    data-action="previous"
                    disabled={current.index === 0}
                    onClick={() => act({ action: 'previous' })}
                  >
                    {t('guides.previous')}
                  </button>
                  <button
                    type="button"
                    class="pp-button"
                    data-action="next"
                    onClick={() => act({ action: 'next' })}
                  >
                    {t('guides.next')}
                  </button>
                </div>
              </section>
            )
          )}
          {guide.documents.length > 0 && (
            <section class="pp-guide-docs" aria-labelledby="pp-guide-docs-title">
              <h4 id="pp-guide-docs-title">{t('guides.documents')}</h4>
              <ul>
                {guide.documents.map((doc) => (
                  <li key={doc.id}>
                    <p class="pp-guide-name">{localize(doc.name, lang.value)}</p>
                    <div class="pp-guide-doc-detail">
                      <strong>{t('guides.docWhy')}</strong>
                      <Markdown text={localize(doc.why, lang.value)} />
                      <strong>{t('guides.docWhere')}</strong>
                      <Markdown text={localize(doc.where, lang.value)} />
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
