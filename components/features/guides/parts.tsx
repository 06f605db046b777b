import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnswerKind } from '../../../utils/guides/field-value';
import { pagePosition } from '../../../utils/guides/page-count';
import { type Guide, localize, publisherName } from '../../../utils/guides/schema';
import type { TrustState } from '../../../utils/guides/sources';
import type { Lang, Params } from '../../../utils/i18n';
import { markdownToText, parseSafeMarkdown, renderMarkdown } from '../../../utils/markdown';
import {
  createSpeaker,
  type Speaker,
  type SpeakerState,
  type SynthLike,
  type UtteranceLike,
} from '../../../utils/speech/speaker';
import { useServices } from '../../app/services';

type T = (key: string, params?: Params) => string;

/** Safe Markdown into a container: DOM nodes built one by one, never HTML. */
export function Markdown({
  text,
  class: className,
  testId,
}: {
  text: string;
  class?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.replaceChildren(renderMarkdown(parseSafeMarkdown(text), el.ownerDocument));
  }, [text]);
  return <div ref={ref} class={className} data-testid={testId} />;
}

/** Who wrote the guide and whether its signature proves it (vérifié / non vérifié). */
export function TrustLine({ guide, trust, t }: { guide: Guide; trust: TrustState | undefined; t: T }) {
  const { lang } = useServices();
  const state = trust ?? 'builtin';
  return (
    <p class={`pp-guide-trust is-${state}`} data-testid="guide-trust" data-trust={state}>
      <span aria-hidden="true">{state === 'verified' ? '✓ ' : state === 'unverified' ? '! ' : ''}</span>
      {t(`guides.trust.${state}`)} {t('guides.publisher', { name: publisherName(guide, lang.value) })}
    </p>
  );
}

/** Every step of the guide, each a button that moves there: the in-page tab and the side panel. */
export function StepList(props: {
  guide: Guide;
  lang: Lang;
  index: number;
  isDone: (stepId: string) => boolean;
  doneCount: number;
  onGo: (index: number) => void;
  t: T;
}) {
  const { guide, lang, index, isDone, t } = props;
  return (
    <details class="pp-guide-steps">
      <summary>{t('guides.allSteps', { count: props.doneCount })}</summary>
      <nav aria-label={t('guides.stepsLabel')}>
        <ol>
          {guide.steps.map((s, i) => {
            const done = isDone(s.id);
            const current = i === index;
            return (
              <li key={s.id} class={`${done ? 'pp-step-done' : ''} ${current ? 'pp-step-current' : ''}`}>
                <button
                  type="button"
                  class="pp-step-link"
                  aria-current={current ? 'step' : undefined}
                  onClick={() => props.onGo(i)}
                >
                  <span aria-hidden="true" class="pp-step-mark">
                    {done ? '✓' : current ? '➜' : '•'}
                  </span>
                  <span>{localize(s.title, lang)}</span>
                  {done && <span class="pp-sr-only"> ({t('guides.stepDone')})</span>}
                  {current && <span class="pp-sr-only"> ({t('guides.stepCurrent')})</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
    </details>
  );
}

type Step = Guide['steps'][number];

/**
 * The guide's name, who wrote it, and where the person stands on this page: the site often shows
 * its own "Étape 1 sur 6", so ours counts this page's questions, not the whole guide's steps.
 */
export function GuideHeader(props: {
  guide: Guide;
  trust: TrustState | undefined;
  lang: Lang;
  index: number;
  t: T;
}) {
  const { guide, t } = props;
  const here = pagePosition(guide, props.index);
  return (
    <>
      <h3 class="pp-guide-name" data-testid="guide-title">
        {localize(guide.title, props.lang)}
      </h3>
      <TrustLine guide={guide} trust={props.trust} t={t} />
      <p class="pp-guide-count" data-testid="guide-count">
        {t('guides.stepCount', { current: here.current, total: here.total })}
      </p>
    </>
  );
}

/** The step's title: focus goes there after a move made in the panel. */
export function StepHeading({
  title,
  done,
  headingRef,
}: {
  title: string;
  done: boolean;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <h4
      id="pp-guide-step-title"
      class="pp-guide-step-title"
      data-testid="step-title"
      tabIndex={-1}
      ref={headingRef}
    >
      {done && <span aria-hidden="true">✓ </span>}
      {title}
    </h4>
  );
}

/** The end of the guide, and the way back to its first step. */
export function Finished({
  t,
  finishedRef,
  onRestart,
  onRecap,
  recapRef,
}: {
  t: T;
  finishedRef: Ref<HTMLParagraphElement>;
  onRestart: () => void;
  /** The side panel has no recap yet: the numbers it would offer live in the page. */
  onRecap?: () => void;
  recapRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <div class="pp-message pp-stack" data-testid="guide-finished">
      <p tabIndex={-1} ref={finishedRef}>
        {t('guides.finished')}
      </p>
      {onRecap && (
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="recap-open"
          ref={recapRef}
          onClick={onRecap}
        >
          {t('recap.open')}
        </button>
      )}
      <button type="button" class="pp-button" onClick={onRestart}>
        {t('guides.restart')}
      </button>
    </div>
  );
}

const HINT_TITLE: Record<AnswerKind, string> = {
  write: 'guides.whatToWrite',
  choose: 'guides.whatToChoose',
  file: 'guides.whatToJoin',
  button: 'guides.whatToDo',
  link: 'guides.whatToDo',
};

/** What to type, choose or join in the step's field, with its example. */
export function FieldHint({ step, lang, answer, t }: { step: Step; lang: Lang; answer: AnswerKind; t: T }) {
  if (!step.field) return null;
  return (
    <div class="pp-guide-field">
      <p class="pp-guide-label">{t(HINT_TITLE[answer])}</p>
      <Markdown text={localize(step.field.describe, lang)} />
      {step.field.example && <p>{t('guides.example', { example: step.field.example })}</p>}
    </div>
  );
}

/** The field's verdict, spoken by screen readers when it changes (empty: no verdict). */
export function CheckLine({ text, ok }: { text: string; ok: boolean }) {
  return (
    <div
      class={`pp-guide-check ${text ? (ok ? 'is-ok' : 'is-wrong') : ''}`}
      aria-live="polite"
      data-testid="guide-check"
    >
      {text && (
        <p>
          <span aria-hidden="true">{ok ? '✓ ' : '⚠ '}</span>
          {text}
        </p>
      )}
    </div>
  );
}

/** Whether the step's field was found on the page, or is a secret one we do not point at. */
export function TargetNote({ target, notFound, t }: { target: string; notFound: boolean; t: T }) {
  return (
    <>
      {target === 'searching' && <p class="pp-loading">{t('guides.searching')}</p>}
      {target === 'sensitive' ? (
        <p class="pp-message" data-testid="guide-sensitive">
          {t('guides.sensitive')}
        </p>
      ) : (
        (target === 'missing' || notFound) && (
          <p class="pp-message" data-testid="guide-missing">
            {t('guides.missing')}
          </p>
        )
      )}
    </>
  );
}

/** The words of the button that shows the step's element: a field, a button or a link. */
export function goToKey(answer: AnswerKind, where: 'panel' | 'side'): string {
  if (where === 'side')
    return answer === 'link'
      ? 'guides.showLinkOnPage'
      : answer === 'button'
        ? 'guides.showButtonOnPage'
        : 'guides.showOnPage';
  return answer === 'link'
    ? 'guides.goToLink'
    : answer === 'button'
      ? 'guides.goToButton'
      : 'guides.goToField';
}

/** Previous and next step. */
export function StepMoves({
  first,
  onPrevious,
  onNext,
  t,
}: {
  first: boolean;
  onPrevious: () => void;
  onNext: () => void;
  t: T;
}) {
  return (
    <div class="pp-row">
      <button type="button" class="pp-button" onClick={onPrevious} disabled={first} data-action="previous">
        {t('guides.previous')}
      </button>
      <button type="button" class="pp-button" onClick={onNext} data-action="next">
        {t('guides.next')}
      </button>
    </div>
  );
}

/** The words read aloud for a step: its title, explanation, what to type and the example. */
export function stepSpeechText(step: Step, lang: Lang, t: T): string {
  const parts = [localize(step.title, lang), markdownToText(parseSafeMarkdown(localize(step.body, lang)))];
  if (step.field) {
    parts.push(markdownToText(parseSafeMarkdown(localize(step.field.describe, lang))));
    if (step.field.example) parts.push(t('guides.example', { example: step.field.example }));
  }
  return parts.filter(Boolean).join('. ');
}

/** In a page the panel's speech is used; an extension page (the side panel) speaks itself. */
function ownSpeech(): { synth: SynthLike; makeUtterance: (text: string) => UtteranceLike } | undefined {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return undefined;
  if (typeof SpeechSynthesisUtterance !== 'function') return undefined;
  return {
    synth: window.speechSynthesis as unknown as SynthLike,
    makeUtterance: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
  };
}

/** "Lire l’étape à voix haute": reads the step, stops on a second press, a new step or on leaving. */
export function ReadStep({ step, lang, t }: { step: Step; lang: Lang; t: T }) {
  const { speech, settings } = useServices();
  const [state, setState] = useState<SpeakerState>('idle');
  const [message, setMessage] = useState('');
  const speaker = useRef<Speaker | null>(null);
  // A new step resets the reading in the same commit it is drawn: as a (deferred) effect it could run after the
  // person already pressed "Lire" on the new step, stopping that reading and wiping its "no voice" message.
  useLayoutEffect(() => {
    setMessage('');
    setState('idle');
    return () => {
      speaker.current?.stop();
      speaker.current = null;
    };
  }, [step.id, lang]);

  const toggle = () => {
    if (state === 'speaking') {
      speaker.current?.stop();
      setState('idle');
      return;
    }
    setMessage('');
    speaker.current?.stop();
    const source = speech ?? ownSpeech();
    const s = createSpeaker(source?.synth, source?.makeUtterance, {
      onState(next) {
        if (speaker.current !== s) return;
        setState(next);
        if (next === 'no-voice') setMessage(t('speech.noVoice'));
        if (next === 'unsupported') setMessage(t('speech.unsupported'));
        if (next === 'error') setMessage(t('speech.status.error'));
      },
    });
    speaker.current = s;
    s.speak(stepSpeechText(step, lang, t), {
      lang,
      rate: settings.value.speechRate,
      voiceURI: settings.value.voiceURI,
    });
  };

  return (
    <>
      <div class="pp-row">
        <button type="button" class="pp-button" onClick={toggle} data-action="read-step">
          {state === 'speaking' ? t('guides.stopReading') : t('guides.readAloud')}
        </button>
      </div>
      {message && (
        <p class="pp-message" role="status">
          {message}
        </p>
      )}
    </>
  );
}

/** The documents to prepare, each with a box to tick (the same list in the page and the side panel). */
export function DocumentChecklist(props: {
  guide: Guide;
  lang: Lang;
  ticked: ReadonlySet<string>;
  onToggle: (documentId: string, ticked: boolean) => void;
  t: T;
}) {
  const { guide, lang, ticked, t } = props;
  if (guide.documents.length === 0) return null;
  return (
    <section class="pp-guide-docs" aria-labelledby="pp-guide-docs-title" data-testid="guide-documents">
      <h4 id="pp-guide-docs-title">{t('guides.documents')}</h4>
      <ul>
        {guide.documents.map((doc) => (
          <li key={doc.id} data-document={doc.id}>
            <label class="pp-choice">
              <input
                type="checkbox"
                checked={ticked.has(doc.id)}
                onChange={(e) => props.onToggle(doc.id, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span>{localize(doc.name, lang)}</span>
            </label>
            <div class="pp-guide-doc-detail">
              <strong>{t('guides.docWhy')}</strong>
              <Markdown text={localize(doc.why, lang)} />
              <strong>{t('guides.docWhere')}</strong>
              <Markdown text={localize(doc.where, lang)} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
