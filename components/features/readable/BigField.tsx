import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RealState } from '../../../utils/forms/mirror';
import type { FieldInfo } from '../../../utils/forms/types';
import { markTerms } from '../../../utils/glossary/mark';
import type { CompiledGlossary } from '../../../utils/glossary/match';
import { dir, type Lang } from '../../../utils/i18n';
import {
  chosenValues,
  controlKind,
  inputModeOf,
  notTheGroups,
  type PageText,
  valueForReal,
  valueFromReal,
} from './model';
import { enhanceTerms } from './terms';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export type TermContext = {
  glossary?: CompiledGlossary;
  lang: Lang;
  t: Translate;
  speak?: (text: string) => void;
};

/** Text with its glossary words turned into explained-word buttons; the explanations go to `tips`. */
export function TermText({
  id,
  text,
  terms,
  tips,
}: {
  id: string;
  text: string;
  terms: TermContext;
  tips: { current: HTMLElement | null };
}) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.textContent = text;
    const host = tips.current;
    host?.replaceChildren();
    if (!terms.glossary) return;
    markTerms(el, terms.glossary, el.ownerDocument, { firstOnly: true });
    const { dispose } = enhanceTerms(el, {
      glossary: terms.glossary,
      lang: terms.lang,
      idPrefix: id,
      labels: {
        readAloud: terms.t('readable.readAloud'),
        termHelp: (term) => terms.t('readable.termHelp', { term }),
      },
      speak: terms.speak,
      tipHost: host ?? undefined,
    });
    return dispose;
  }, [text, terms.glossary, terms.lang, terms.speak, id, terms.t, tips]);
  // The page's words keep their own direction in a view laid out right to left, and the reverse.
  return <span id={id} ref={ref} dir="auto" />;
}

type Props = {
  field: FieldInfo;
  /** Unique in the view: prefixes our ids. */
  uid: string;
  state: RealState;
  terms: TermContext;
  /** The page's language and direction: the field is laid out as the page writes it. */
  page: PageText;
  /** Writes into the real control; returns false when the page refused it. */
  write(value: string | string[] | boolean, options?: { blur?: boolean }): boolean;
  openPicker(): boolean;
};

/** One real field, shown large: label, hint, error and the right control, mirrored to the real one. */
export function BigField({ field, uid, state, terms, page, write, openPicker }: Props) {
  const { t } = terms;
  // Our own words inside a field of the page's (« obligatoire », « Erreur : »…) keep the view's.
  const ours = { lang: terms.lang, dir: dir(terms.lang) };
  // The whole field in the page's direction: its label, hint, error and choices line up together.
  const own = { lang: page.lang, dir: page.dir };
  const kind = controlKind(field);
  const realType = field.type;
  const tips = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // What the person typed: kept here so a half-typed date is not erased by the real field's value.
  const [text, setText] = useState(() => valueFromReal(kind, realType, state.value ?? ''));
  const ids = {
    label: `${uid}-label`,
    hint: `${uid}-hint`,
    error: `${uid}-error`,
    control: `${uid}-control`,
  };

  useEffect(() => {
    if (field.sensitive || state.value === undefined) return;
    if (valueForReal(kind, realType, text) !== state.value)
      setText(valueFromReal(kind, realType, state.value));
  }, [state.value]);

  const hint = notTheGroups(field, 'hint', state.hint ?? field.hint);
  const error = notTheGroups(field, 'error', state.error ?? (state.invalid ? field.error : undefined));
  const invalid = state.invalid || Boolean(state.error);
  const describedBy = [
    hint || kind === 'date' ? ids.hint : '',
    error ? ids.error : '',
    field.sensitive ? `${uid}-secret` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const send = (value: string | string[] | boolean, blur = false) => setFailed(!write(value, { blur }));

  const label = (
    <>
      <TermText id={ids.label} text={field.label} terms={terms} tips={tips} />
      {field.required && (
        <>
          {' '}
          <span class="pp-rv-required" {...ours}>
            {t('readable.requiredMark')}
          </span>
        </>
      )}
    </>
  );
  const messages = (
    <>
      <div class="pp-term-tips" ref={tips} />
      {(hint || kind === 'date') && (
        <p class="pp-rv-hint" id={ids.hint} {...(hint ? {} : ours)}>
          {hint || t('readable.dateHint')}
        </p>
      )}
      {field.sensitive && (
        <p class="pp-rv-hint" id={`${uid}-secret`} {...ours}>
          {t('readable.sensitive')}
        </p>
      )}
      {error && (
        <p class="pp-rv-error" id={ids.error} data-testid="readable-field-error">
          <strong {...ours}>{t('readable.error')}</strong> <span dir="auto">{error}</span>
        </p>
      )}
      {failed && (
        <p class="pp-rv-error" {...ours}>
          {t('readable.writeFailed')}
        </p>
      )}
    </>
  );

  if (kind === 'radio') {
    return (
      <fieldset
        class="pp-rv-field pp-rv-choices"
        {...own}
        data-field-key={field.key}
        data-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        <legend class="pp-rv-label">{label}</legend>
        {messages}
        {(field.options ?? []).map((option, i) => (
          <label class="pp-rv-choice" key={option.value}>
            <input
              type="radio"
              name={`${uid}-radio`}
              value={option.value}
              checked={state.value === option.value}
              disabled={option.disabled || field.disabled}
              aria-invalid={invalid ? 'true' : undefined}
              id={i === 0 ? ids.control : undefined}
              onChange={() => send(option.value)}
            />
            <span dir="auto">{option.label}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  if (kind === 'multi') {
    const options = field.options ?? [];
    const chosen = chosenValues(state.value, options);
    return (
      <fieldset
        class="pp-rv-field pp-rv-choices"
        {...own}
        data-field-key={field.key}
        data-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        <legend class="pp-rv-label">{label}</legend>
        {messages}
        {options.map((option, i) => (
          <label class="pp-rv-choice" key={option.value}>
            <input
              type="checkbox"
              value={option.value}
              checked={chosen.includes(option.value)}
              disabled={option.disabled || field.disabled}
              aria-invalid={invalid ? 'true' : undefined}
              id={i === 0 ? ids.control : undefined}
              onChange={(e) => {
                // The boxes as they are now, not as last drawn: two quick clicks both count.
                const boxes = [
                  ...((e.currentTarget as HTMLInputElement).closest('fieldset')?.elements ?? []),
                ];
                send(
                  boxes
                    .filter((b) => (b as HTMLInputElement).checked)
                    .map((b) => (b as HTMLInputElement).value),
                );
              }}
            />
            <span dir="auto">{option.label}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  if (kind === 'checkbox') {
    return (
      <div
        class="pp-rv-field"
        {...own}
        data-field-key={field.key}
        data-invalid={invalid ? 'true' : undefined}
      >
        <label class="pp-rv-choice pp-rv-label">
          <input
            type="checkbox"
            id={ids.control}
            checked={state.checked === true}
            disabled={field.disabled}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={describedBy || undefined}
            onChange={(e) => send((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{label}</span>
        </label>
        {messages}
      </div>
    );
  }

  if (kind === 'file') {
    return (
      <div
        class="pp-rv-field"
        {...own}
        data-field-key={field.key}
        data-invalid={invalid ? 'true' : undefined}
      >
        <p class="pp-rv-label">{label}</p>
        {messages}
        <button
          type="button"
          class="pp-button pp-rv-big-button"
          id={ids.control}
          {...ours}
          aria-describedby={[ids.label, describedBy].filter(Boolean).join(' ')}
          onClick={() => setFailed(!openPicker())}
        >
          {t('readable.chooseFile')}
        </button>
        <p class="pp-rv-file" aria-live="polite" {...ours}>
          {state.value ? t('readable.fileChosen', { name: state.value }) : t('readable.noFile')}
        </p>
      </div>
    );
  }

  const common = {
    id: ids.control,
    class: 'pp-rv-input',
    'aria-describedby': describedBy || undefined,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-required': field.required ? ('true' as const) : undefined,
    disabled: field.disabled,
    readOnly: field.readOnly,
  };

  let control: preact.JSX.Element;
  if (kind === 'select') {
    control = (
      <select
        {...common}
        value={state.value ?? ''}
        onChange={(e) => send((e.currentTarget as HTMLSelectElement).value)}
      >
        {/* An ARIA listbox may have nothing chosen yet, which a select can only say with an empty option. */}
        {field.type === 'listbox' && !(field.options ?? []).some((o) => o.value === '') && (
          <option value="">{t('readable.select')}</option>
        )}
        {(field.options ?? []).map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label || t('readable.select')}
          </option>
        ))}
      </select>
    );
  } else if (field.sensitive || kind === 'password') {
    // Write-through only: the secret goes to the real field and is never kept by us.
    control = (
      <input
        {...common}
        type={(kind === 'password' ? 'password' : 'text') as 'text'}
        autoComplete="off"
        inputMode={inputModeOf(field)}
        onInput={(e) => send((e.currentTarget as HTMLInputElement).value)}
        onBlur={(e) => send((e.currentTarget as HTMLInputElement).value, true)}
      />
    );
  } else {
    const onInput = (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setText(value);
      send(valueForReal(kind, realType, value));
    };
    const onBlur = () => send(valueForReal(kind, realType, text), true);
    control =
      kind === 'textarea' ? (
        <textarea {...common} value={text} rows={5} onInput={onInput} onBlur={onBlur} />
      ) : (
        <input
          {...common}
          type={(kind === 'date' ? 'text' : kind) as 'text'}
          value={text}
          autoComplete={field.constraints.autocomplete}
          inputMode={inputModeOf(field)}
          min={kind === 'number' ? field.constraints.min : undefined}
          max={kind === 'number' ? field.constraints.max : undefined}
          onInput={onInput}
          onBlur={onBlur}
        />
      );
  }

  return (
    <div class="pp-rv-field" {...own} data-field-key={field.key} data-invalid={invalid ? 'true' : undefined}>
      {/* A real label: the explained-word buttons inside it do not move focus to the field when used. */}
      <label class="pp-rv-label" for={ids.control}>
        {label}
      </label>
      {messages}
      {control}
    </div>
  );
}
