import DOMPurify from 'dompurify';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  openRealFilePicker,
  type RealState,
  readReal,
  watchReal,
  writeToReal,
} from '../../../utils/forms/mirror';
import { allOpenShadowRoots } from '../../../utils/forms/shadow';
import type { FieldInfo } from '../../../utils/forms/types';
import type { CompiledGlossary } from '../../../utils/glossary/match';
import { dir } from '../../../utils/i18n';
import type { PageForm, ReadableResult } from '../../../utils/readable/extract';
import { sanitizeToFragment } from '../../../utils/readable/sanitize';
import { createSpeaker, type Speaker, type SpeakerState } from '../../../utils/speech/speaker';
import { buildTextIndex, rangeFor, type TextIndex } from '../../../utils/speech/text-index';
import { useServices } from '../../app/services';
import { BigField, type TermContext, type Translate } from './BigField';
import {
  cleanContent,
  type FieldBlock,
  fieldsInError,
  groupFields,
  pageText,
  sameControls,
  sameFields,
  sameSummary,
} from './model';
import { PageErrors } from './PageErrors';
import { enhanceTerms } from './terms';

export type ReadableViewProps = {
  result: ReadableResult;
  glossary?: CompiledGlossary;
  /** The page has little text: show the form only. */
  formOnly: boolean;
  t: Translate;
  onClose(): void;
  /** Reads the page's form again: fields that appear later (a choice that reveals a question, a
   * single-page app) are added to the view, and the error summary the site shows on submit. */
  reextract?: () => PageForm;
};

const HIGHLIGHT = 'pasapas-readable';
type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

function highlights(): { registry: HighlightRegistry; Highlight: HighlightCtor } | undefined {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  return registry && Highlight ? { registry, Highlight } : undefined;
}

/** The readable view: title, clean content with explained words, and the page's form shown large. */
export function ReadableView({ result, glossary, formOnly, t, onClose, reextract }: ReadableViewProps) {
  const { settings, lang, speech, announce } = useServices();
  const comfort = settings.value.comfort;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const articleRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [speechState, setSpeechState] = useState<SpeakerState>(speech ? 'idle' : 'unsupported');
  const [speechMessage, setSpeechMessage] = useState('');
  const [summary, setSummary] = useState('');
  // One question at a time, for people who lose their place in a long form.
  const [oneByOne, setOneByOne] = useState(false);
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<PageForm>(() => ({
    fields: result.fields,
    submitControls: result.submitControls,
    errorSummary: result.errorSummary,
  }));
  const fields = form.fields;
  const [states, setStates] = useState<Map<string, RealState>>(
    () => new Map(fields.map((f) => [f.key, readReal(f)])),
  );
  const indexRef = useRef<TextIndex | null>(null);

  // One speaker for the view; the sentence being read is highlighted in our own shadow root.
  const speaker = useMemo<Speaker>(
    () =>
      createSpeaker(speech?.synth, speech?.makeUtterance, {
        onState: (next) => {
          setSpeechState(next);
          if (next === 'no-voice') setSpeechMessage(t('readable.noVoice'));
          else if (next === 'unsupported') setSpeechMessage(t('readable.speechUnsupported'));
          else if (next === 'error') setSpeechMessage(t('speech.status.error'));
          else setSpeechMessage('');
          if (next !== 'speaking' && next !== 'paused') highlights()?.registry.delete(HIGHLIGHT);
        },
        onProgress: ({ sentence }) => {
          const index = indexRef.current;
          const hl = highlights();
          if (!index) return;
          const range = rangeFor(index, sentence.start, sentence.end, document);
          if (!range) return;
          hl?.registry.set(HIGHLIGHT, new hl.Highlight(range));
          (range.startContainer.parentElement as HTMLElement | null)?.scrollIntoView?.({ block: 'nearest' });
        },
      }),
    [speech, t],
  );
  const speakText = useCallback(
    (text: string) => {
      indexRef.current = null;
      setSpeechMessage('');
      speaker.speak(text, {
        lang: lang.value,
        rate: settings.value.speechRate,
        voiceURI: settings.value.voiceURI,
      });
    },
    [speaker, lang, settings],
  );
  const speak = speech ? speakText : undefined;
  const terms = useMemo<TermContext>(
    () => ({ glossary, lang: lang.value, t, speak }),
    [glossary, lang.value, t, speak],
  );

  // Modal: the page behind is inert and focus stays in the view until the person goes back.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Older engines (and jsdom) have no showModal: the view still shows, as a plain dialog.
    if (!dialog.open)
      typeof dialog.showModal === 'function' ? dialog.showModal() : dialog.setAttribute('open', '');
    titleRef.current?.focus();
    announce(t('readable.opened'));
    return () => {
      speaker.stop();
      highlights()?.registry.delete(HIGHLIGHT);
    };
  }, []);

  // The page's content, sanitized once more into a fragment (never as an HTML string), cleaned, explained.
  useLayoutEffect(() => {
    const holder = contentRef.current;
    if (!holder || formOnly) return;
    const fragment = sanitizeToFragment(DOMPurify, result.contentHtml);
    cleanContent(fragment);
    holder.replaceChildren(fragment);
    if (!glossary) return;
    const { dispose } = enhanceTerms(holder, {
      glossary,
      lang: lang.value,
      idPrefix: 'pp-rv-content',
      labels: { readAloud: t('readable.readAloud'), termHelp: (term) => t('readable.termHelp', { term }) },
      speak,
    });
    return dispose;
  }, [result, formOnly, glossary, lang.value, t, speak]);

  // Both ways: the site's changes (its values, its error messages after blur or submit) come back here.
  useEffect(() => {
    const stops = fields.map((field) =>
      watchReal(field, (state) => setStates((prev) => new Map(prev).set(field.key, state)), { pollMs: 1000 }),
    );
    return () => {
      for (const stop of stops) stop();
    };
  }, [fields]);

  // The page changes under the view (revealed questions, late content): follow its form.
  useEffect(() => {
    if (!reextract || typeof MutationObserver !== 'function') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let watchRoots = () => {};
    const refresh = () => {
      timer = undefined;
      try {
        watchRoots();
        const next = reextract();
        setForm((prev) => {
          // Unchanged parts keep their identity: the big fields and what is typed in them stay as they are.
          const same = {
            fields: sameFields(prev.fields, next.fields),
            controls: sameControls(prev.submitControls, next.submitControls),
            summary: sameSummary(prev.errorSummary, next.errorSummary),
          };
          if (same.fields && same.controls && same.summary) return prev;
          return {
            fields: same.fields ? prev.fields : next.fields,
            submitControls: same.controls ? prev.submitControls : next.submitControls,
            errorSummary: same.summary ? prev.errorSummary : next.errorSummary,
          };
        });
        setStates((prev) => {
          const out = new Map(prev);
          for (const f of next.fields) if (!out.has(f.key)) out.set(f.key, readReal(f));
          return out;
        });
      } catch {
        // The view keeps what it has: a page in the middle of changing is read again next time.
      }
    };
    // Our own hosts (this view, the panel) change too: only the page's changes count.
    const ours = (node: Node) =>
      (node instanceof Element ? node : node.parentElement)?.closest('[data-pasapas-host], [data-pasapas]') !=
      null;
    const observer = new MutationObserver((records) => {
      if (timer !== undefined || records.every((r) => ours(r.target))) return;
      timer = setTimeout(refresh, 300);
    });
    const options: MutationObserverInit = {
      childList: true,
      subtree: true,
      attributes: true,
      // A question revealed by a class (`fr-hidden`, `d-none`), a field marked in error.
      attributeFilter: [
        'hidden',
        'style',
        'disabled',
        'type',
        'open',
        'class',
        'aria-invalid',
        'aria-hidden',
      ],
    };
    observer.observe(document.body ?? document.documentElement, options);
    // Custom elements change inside their open shadow roots, which the page's observer does not see.
    const watched = new Set<ShadowRoot>();
    watchRoots = () => {
      for (const root of allOpenShadowRoots(document)) {
        if (watched.has(root)) continue;
        watched.add(root);
        observer.observe(root, options);
      }
    };
    watchRoots();
    return () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [reextract]);

  const write = (field: FieldInfo, value: string | string[] | boolean, options?: { blur?: boolean }) => {
    try {
      writeToReal(field.element, value, options);
      if (field.sensitive) return true;
      // Radios and boxes answer through events we also watch; reading now keeps the view in step.
      setStates((prev) => new Map(prev).set(field.key, readReal(field)));
      return true;
    } catch {
      return false;
    }
  };
  const openPicker = (field: FieldInfo) => {
    try {
      openRealFilePicker(field.element);
      return true;
    } catch {
      return false;
    }
  };

  const controls = form.submitControls.filter((c) => c.kind !== 'other');
  const blocks = groupFields(fields);
  const blockOf = (key: string) =>
    blocks.findIndex((b) => (b.kind === 'field' ? b.field.key === key : b.fields.some((f) => f.key === key)));
  const current = Math.min(step, Math.max(0, blocks.length - 1));

  /** Puts focus in a field (the control itself, not the explained word of its label), showing its question first. */
  const focusField = (key: string) => {
    const index = blockOf(key);
    if (oneByOne && index >= 0) setStep(index);
    // After the question is drawn.
    setTimeout(() => {
      const box = dialogRef.current?.querySelector(`[data-field-key="${CSS.escape(key)}"]`);
      const target =
        box?.querySelector<HTMLElement>('input, select, textarea') ??
        box?.querySelector<HTMLElement>('.pp-rv-big-button');
      target?.focus();
    }, 30);
  };
  const goTo = (index: number) => {
    const block = blocks[index];
    if (!block) return;
    setStep(index);
    focusField(block.kind === 'field' ? block.field.key : (block.fields[0]?.key ?? ''));
  };
  const clickReal = (element: Element) => {
    setSummary('');
    (element as HTMLElement).click();
    // If the site refused (its own checks), say so and take the person to the first field in error.
    setTimeout(() => {
      if (!dialogRef.current?.isConnected) return;
      const fresh = new Map(fields.map((f) => [f.key, readReal(f)]));
      setStates(fresh);
      const wrong = fieldsInError(fresh, fields);
      if (wrong.length === 0) return;
      const message =
        wrong.length === 1 ? t('readable.errorOne') : t('readable.errorsAbove', { count: wrong.length });
      setSummary(message);
      focusField(wrong[0] ?? '');
    }, 150);
  };

  const readAloud = () => {
    const root = articleRef.current;
    if (!root) return;
    const index = buildTextIndex(root, (el) => !el.closest('.pp-term-tip'));
    setSpeechMessage('');
    speaker.speak(index.text, {
      lang: lang.value,
      rate: settings.value.speechRate,
      voiceURI: settings.value.voiceURI,
    });
    indexRef.current = index;
  };

  // Tab and Shift+Tab go round inside the view.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const dialog = dialogRef.current;
    if (!dialog) return;
    const focusable = [
      ...dialog.querySelectorAll<HTMLElement>(
        'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = (dialog.getRootNode() as ShadowRoot).activeElement;
    if (e.shiftKey && (active === first || active === titleRef.current)) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  const title = result.heading ?? result.title;
  const page = pageText(result.dir, result.lang);
  const ours = { lang: lang.value, dir: dir(lang.value) };
  const uidOf = (key: string) => `pp-rv-f${fields.findIndex((f) => f.key === key) + 1}`;
  const groupUid = (block: Extract<FieldBlock, { kind: 'group' }>) =>
    `${uidOf(block.fields[0]?.key ?? '')}-group`;
  const groupMessages = (block: Extract<FieldBlock, { kind: 'group' }>) =>
    [block.hint ? `${groupUid(block)}-hint` : '', block.error ? `${groupUid(block)}-error` : '']
      .filter(Boolean)
      .join(' ');
  const renderField = (field: FieldInfo) => {
    return (
      <BigField
        key={field.key}
        uid={uidOf(field.key)}
        field={field}
        state={states.get(field.key) ?? { invalid: false }}
        terms={terms}
        page={page}
        write={(value, options) => write(field, value, options)}
        openPicker={() => openPicker(field)}
      />
    );
  };

  return (
    <dialog
      ref={dialogRef}
      class="pp-root pp-rv"
      aria-modal="true"
      aria-labelledby="pp-rv-title"
      dir={dir(lang.value)}
      lang={lang.value}
      data-theme={comfort.theme}
      data-font={comfort.font}
      data-line={comfort.lineSpacing}
      data-letter={comfort.letterSpacing}
      style={{ '--pp-scale': String(comfort.textScale) }}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Escape: we close ourselves, to restore focus and stop watching the page.
        e.preventDefault();
        onClose();
      }}
      onClose={onClose}
    >
      <div class="pp-rv-bar">
        <button
          type="button"
          class="pp-button pp-button--primary pp-rv-back"
          data-action="readable-close"
          onClick={onClose}
        >
          {t('readable.back')}
        </button>
        {!formOnly && (
          <button
            type="button"
            class="pp-button"
            data-action="readable-read"
            onClick={
              speechState === 'speaking' || speechState === 'paused' ? () => speaker.stop() : readAloud
            }
          >
            {speechState === 'speaking' || speechState === 'paused'
              ? t('readable.stopReading')
              : t('readable.readAloud')}
          </button>
        )}
      </div>
      <p class="pp-rv-status" role="status" data-testid="readable-speech-message">
        {speechMessage}
      </p>
      <div class="pp-rv-page">
        {/* The page's words in their own direction (a French page in the Arabic view reads left to right). */}
        <div ref={articleRef} class="pp-rv-article" lang={page.lang} dir={page.dir}>
          <h1 id="pp-rv-title" class="pp-rv-title" tabIndex={-1} ref={titleRef}>
            {title}
          </h1>
          {form.errorSummary && (
            <PageErrors
              summary={form.errorSummary}
              shown={new Set(fields.map((f) => f.key))}
              pageLang={result.lang ?? undefined}
              lang={lang.value}
              uiDir={dir(lang.value)}
              t={t}
              controlId={(key) => `${uidOf(key)}-control`}
              goTo={focusField}
            />
          )}
          {!formOnly && <div ref={contentRef} class="pp-rv-content" data-testid="readable-content" />}
        </div>
        {fields.length > 0 && (
          // The view's language here (our title, count, buttons); each field of the page says its own.
          <section class="pp-rv-form" aria-labelledby="pp-rv-form-title">
            <h2 id="pp-rv-form-title" class="pp-rv-form-title">
              {t('readable.formTitle')}
            </h2>
            <p class="pp-rv-hint">{t('readable.fieldCount', { count: fields.length })}</p>
            <div
              role="alert"
              class={summary ? 'pp-message pp-message--error' : ''}
              data-testid="readable-summary"
            >
              {summary}
            </div>
            {blocks.length > 1 && (
              <button
                type="button"
                class="pp-button"
                data-action="readable-one-by-one"
                aria-pressed={oneByOne ? 'true' : 'false'}
                onClick={() => {
                  setOneByOne(!oneByOne);
                  setStep(0);
                }}
              >
                {t('readable.oneByOne')}
              </button>
            )}
            {oneByOne && (
              <p class="pp-rv-step" aria-live="polite" data-testid="readable-step">
                {t('readable.stepOf', { n: current + 1, count: blocks.length })}
              </p>
            )}
            {(oneByOne ? blocks.slice(current, current + 1) : blocks).map((block) =>
              block.kind === 'field' ? (
                renderField(block.field)
              ) : (
                <fieldset
                  class="pp-rv-group"
                  lang={page.lang}
                  dir={page.dir}
                  key={block.id}
                  data-group-id={block.id}
                  aria-describedby={groupMessages(block) || undefined}
                >
                  <legend class="pp-rv-label">
                    <span dir="auto">{block.legend}</span>
                  </legend>
                  {block.hint && (
                    <p class="pp-rv-hint" id={`${groupUid(block)}-hint`}>
                      {block.hint}
                    </p>
                  )}
                  {block.error && (
                    <p class="pp-rv-error" id={`${groupUid(block)}-error`} data-testid="readable-group-error">
                      <strong {...ours}>{t('readable.error')}</strong> <span dir="auto">{block.error}</span>
                    </p>
                  )}
                  {block.fields.map(renderField)}
                </fieldset>
              ),
            )}
            {oneByOne && (
              <div class="pp-rv-actions">
                <button
                  type="button"
                  class="pp-button pp-rv-big-button"
                  data-action="readable-prev-question"
                  disabled={current === 0}
                  onClick={() => goTo(current - 1)}
                >
                  {t('readable.prevQuestion')}
                </button>
                {current < blocks.length - 1 && (
                  <button
                    type="button"
                    class="pp-button pp-button--primary pp-rv-big-button"
                    data-action="readable-next-question"
                    onClick={() => goTo(current + 1)}
                  >
                    {t('readable.nextQuestion')}
                  </button>
                )}
              </div>
            )}
          </section>
        )}
        {/* One question at a time: the site's own buttons come with the last question. */}
        {controls.length > 0 && (!oneByOne || current >= blocks.length - 1) && (
          <nav class="pp-rv-actions" aria-label={t('readable.buttons')}>
            {controls.map((control, i) => (
              <button
                key={i}
                type="button"
                class={`pp-button pp-rv-big-button${control.kind === 'previous' ? '' : ' pp-button--primary'}`}
                data-action="readable-submit"
                data-kind={control.kind}
                disabled={control.disabled}
                onClick={() => clickReal(control.element)}
              >
                {control.label}
              </button>
            ))}
          </nav>
        )}
      </div>
    </dialog>
  );
}
