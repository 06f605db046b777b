/**
 * The banner drawn on the page (its own shadow host, marked data-pasapas-host): the offer to
 * resume, the questions about what the site already filled, and the PIN prompts of a shared
 * computer. It comes first in the page's tab order, and a polite announcement says it appeared.
 * It never takes focus while the person types; the one exception is the shared computer's code,
 * asked when the person leaves a field (agent.ts): then it is a small dialog at the bottom of the
 * screen that takes focus, and gives it back to where they were going once they answered.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { dir } from '../../../utils/i18n';
import { displayValue, type PageField } from '../../../utils/progress/page-fields';
import type { FieldValue } from '../../../utils/storage';
import { type PanelServices, ServicesContext } from '../../app/services';
import { attachOurShadow, modeFor } from '../../app/shadow-root';
import { ignoreUntrustedEvents } from '../../app/trusted-events';
import panelCss from '../../styles/panel.css?inline';
import type { Agent } from './agent';
import { watchAskedFields } from './keep-asked-in-view';
import { errorMessage, type T, translatorFor } from './messages';
import { PinForm } from './PinForm';
import type { SessionEvent } from './PublicSection';
import progressCss from './progress.css?inline';
import { SessionFrame, sessionPageOf } from './SessionFrame';

function shown(t: T, field: PageField | undefined, value: FieldValue): string {
  const v = displayValue(field, value);
  if (typeof v === 'boolean') return v ? t('progress.resume.checked') : t('progress.resume.unchecked');
  return v;
}

function BannerView({ agent, services }: { agent: Agent; services: PanelServices }) {
  const { lang, settings } = services;
  const t = translatorFor(() => lang.value);
  const state = agent.banner.value;
  const messageRef = useRef<HTMLParagraphElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const fields = agent.fields();
  const labelOf = (index: number) => fields[index]?.label || '—';

  const ask = state.kind === 'pin-needed' || state.kind === 'locked' ? state.ask : undefined;
  useEffect(() => {
    if (state.kind === 'offer') services.announce(t('progress.resume.title'));
    // A question that takes focus is said by the screen reader as focus enters it: not twice.
    if (state.kind === 'pin-needed' && !ask) services.announce(t('progress.pin.needTitle'));
    if (state.kind === 'locked' && !ask) services.announce(t('progress.pin.lockedTitle'));
  }, [state.kind]);
  // The button pressed is gone with the offer: focus goes to the message in the same frame, before
  // the browser drops it on the page's body (an after-paint effect came late on a busy machine).
  useLayoutEffect(() => {
    if (state.kind === 'filled') messageRef.current?.focus();
  }, [state.kind]);

  // Asked as the person left a field: that field and the next stay in view above the question.
  useEffect(() => {
    const section = sectionRef.current;
    if (!ask || !section) return;
    return watchAskedFields(section, [ask.left, ask.back]);
  }, [ask]);

  if (state.kind === 'hidden') return null;
  // "Mes démarches" shows its own code box on this page: one box at a time.
  if ((state.kind === 'pin-needed' || state.kind === 'locked') && agent.pinInTab.value) return null;
  /** Back where the person was going, once they chose, typed or refused the code. */
  const giveBack = () => {
    const back = ask?.back;
    if (back?.isConnected) back.focus();
  };
  const resumed = (kind: 'choose' | 'unlock') => {
    services.announce(t(kind === 'choose' ? 'progress.pin.chosen' : 'progress.pin.unlocked'));
    giveBack();
    agent.resumeAfterPin();
  };
  const skipped = () => {
    giveBack();
    agent.skipPin();
  };
  // The extension on a web page: the PIN is typed in our own frame, out of the page's reach.
  const sessionPage = sessionPageOf(services);
  const comfort = settings.value.comfort;
  const close = () => {
    agent.banner.value = { kind: 'hidden' };
  };
  // Called, not mounted as a component of its own: a component made here would be a new type at
  // each render and reload the frame.
  const pinPrompt = (kind: 'choose' | 'unlock', title: string) =>
    sessionPage ? (
      <SessionFrame
        page={sessionPage}
        view="banner"
        title={title}
        takeFocus={!!ask}
        onEvent={(event: SessionEvent) => {
          if (event === 'skip') skipped();
          else if (event === 'pin-chosen') resumed('choose');
          else if (event === 'unlocked') resumed('unlock');
        }}
      />
    ) : (
      <PinForm
        kind={kind}
        t={t}
        lang={lang.value}
        autoFocus={!!ask}
        onDone={() => resumed(kind)}
        {...(kind === 'choose' ? { onSkip: skipped } : {})}
      />
    );
  return (
    <section
      class="pp-root pp-progress-banner pp-stack"
      dir={dir(lang.value)}
      lang={lang.value}
      data-theme={comfort.theme}
      data-font={comfort.font}
      style={{ '--pp-scale': String(comfort.textScale) }}
      aria-labelledby="pp-progress-banner-title"
      {...(ask ? { role: 'dialog', 'aria-describedby': 'pp-progress-banner-intro', 'data-ask': '' } : {})}
      data-testid="progress-banner"
      data-state={state.kind}
      ref={sectionRef}
    >
      {state.kind === 'offer' && (
        <>
          <h2 id="pp-progress-banner-title">{t('progress.resume.title')}</h2>
          <p>{t('progress.resume.intro')}</p>
          <ul class="pp-progress-values" data-testid="resume-list">
            {[...state.fill, ...state.conflicts].map((item) => (
              <li key={item.index}>
                <strong>{labelOf(item.index)}</strong> : {shown(t, fields[item.index], item.value)}
              </li>
            ))}
          </ul>
          <div class="pp-row">
            <button
              type="button"
              class="pp-button pp-button--primary"
              data-action="resume-accept"
              onClick={() => agent.answerOffer(true)}
            >
              {t('progress.resume.accept')}
            </button>
            <button
              type="button"
              class="pp-button"
              data-action="resume-decline"
              onClick={() => agent.answerOffer(false)}
            >
              {t('progress.resume.decline')}
            </button>
          </div>
        </>
      )}
      {state.kind === 'conflicts' && (
        <>
          <h2 id="pp-progress-banner-title">{t('progress.conflict.title')}</h2>
          {state.filled > 0 && <p>{filledText(t, state.filled)}</p>}
          <p>{t('progress.conflict.intro')}</p>
          <ul class="pp-progress-list" data-testid="conflict-list">
            {state.conflicts.map((c) => (
              <li key={c.index} data-field={fields[c.index]?.identity.name ?? ''}>
                <p>
                  <strong>{labelOf(c.index)}</strong>
                </p>
                <p>{t('progress.conflict.site', { value: shown(t, fields[c.index], c.currentValue) })}</p>
                <p>{t('progress.conflict.mine', { value: shown(t, fields[c.index], c.value) })}</p>
                <div class="pp-row">
                  <button
                    type="button"
                    class="pp-button"
                    data-action="conflict-keep-site"
                    onClick={() => agent.settleConflict(c.index, false)}
                  >
                    {t('progress.conflict.keepSite')}
                  </button>
                  <button
                    type="button"
                    class="pp-button pp-button--primary"
                    data-action="conflict-use-mine"
                    onClick={() => agent.settleConflict(c.index, true)}
                  >
                    {t('progress.conflict.useMine')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {state.kind === 'filled' && (
        <>
          <h2 id="pp-progress-banner-title" class="pp-sr-only">
            {t('progress.resume.title')}
          </h2>
          <p ref={messageRef} tabIndex={-1} role="status" data-testid="resume-done">
            {filledText(t, state.count)}
          </p>
          <button type="button" class="pp-button" data-action="banner-close" onClick={close}>
            {t('progress.close')}
          </button>
        </>
      )}
      {state.kind === 'pin-needed' && (
        <>
          <h2 id="pp-progress-banner-title">{t('progress.pin.needTitle')}</h2>
          <p id="pp-progress-banner-intro">{t('progress.pin.needIntro')}</p>
          {pinPrompt('choose', t('progress.pin.needTitle'))}
        </>
      )}
      {state.kind === 'locked' && (
        <>
          <h2 id="pp-progress-banner-title">{t('progress.pin.lockedTitle')}</h2>
          <p id="pp-progress-banner-intro">{t('progress.pin.lockedIntro')}</p>
          {pinPrompt('unlock', t('progress.pin.lockedTitle'))}
          <p class="pp-progress-muted">{t('progress.pin.workerNote')}</p>
        </>
      )}
      {state.kind === 'error' && (
        <>
          <h2 id="pp-progress-banner-title" class="pp-sr-only">
            {t('feature.progress')}
          </h2>
          <p class="pp-message pp-message--error" role="alert">
            {errorMessage(lang.value, state.error)}
          </p>
          <button type="button" class="pp-button" data-action="banner-close" onClick={close}>
            {t('progress.close')}
          </button>
        </>
      )}
    </section>
  );
}

export function filledText(t: T, count: number): string {
  return count === 1 ? t('progress.resume.filledOne') : t('progress.resume.filled', { count });
}

/**
 * Draws the banner host when there is something to show (or something was saved), not before:
 * a page where nothing happened keeps only the panel's own host. Returns the cleanup.
 */
export function mountProgressBanner(
  agent: Agent,
  services: PanelServices,
  doc: Document = document,
): () => void {
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  let focusedFor: object | undefined;
  const attach = () => {
    if (host) return host;
    host = doc.createElement('div');
    host.setAttribute('data-pasapas-host', 'progress');
    shadow = attachOurShadow(host, modeFor(services.context));
    if (services.context === 'page') ignoreUntrustedEvents(shadow);
    shadow.adoptedStyleSheets = [panelCss, progressCss].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
    // First in the body: the banner comes first when the person tabs through the page.
    (doc.body ?? doc.documentElement).prepend(host);
    // The PIN form and our frame take the panel's services (storage, env) from the context.
    render(
      <ServicesContext.Provider value={services}>
        <BannerView agent={agent} services={services} />
      </ServicesContext.Provider>,
      shadow,
    );
    return host;
  };
  const stop = effect(() => {
    const at = agent.savedAt.value;
    const current = agent.banner.value;
    const state = current.kind;
    const wanted = agent.pinWanted.value;
    if (!host && !at && state === 'hidden' && !wanted) return;
    const h = attach();
    if (at) h.setAttribute('data-saved-at', String(at));
    h.setAttribute('data-state', state);
    // For tests and the person's own tools: a save waits for the code (asked when they leave their field).
    h.toggleAttribute('data-pin-wanted', wanted !== null);
    // The code is asked as the person leaves a field: focus comes to us now, in that very focus
    // change, so the field they were going to is never entered and left (the site would check it);
    // the dialog's first field takes it once drawn.
    if ((state === 'pin-needed' || state === 'locked') && current.ask && current.ask !== focusedFor) {
      // Once per question: this effect runs again when something else changes (a save, the wait).
      focusedFor = current.ask;
      h.tabIndex = -1;
      h.focus({ preventScroll: true });
    }
  });
  // For tests and for the person's own tools: the progress code runs on this page.
  doc.documentElement.setAttribute('data-pasapas-progress', '');
  return () => {
    stop();
    if (shadow) render(null, shadow);
    host?.remove();
    doc.documentElement.removeAttribute('data-pasapas-progress');
  };
}
