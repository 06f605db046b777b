import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { DONE_KINDS, type GuideValidatorId, VALIDATOR_IDS } from '../../../utils/guides/format';
import { guideErrorText } from '../../../utils/guides/schema';
import {
  addDocument,
  addStep,
  addTerm,
  addUrlOf,
  checkPlainLanguage,
  confirmedStep,
  type Draft,
  type DraftLang,
  type DraftStep,
  type DraftText,
  type ExportResult,
  exportGuide,
  type GlossaryLike,
  glossaryFromFile,
  moveStep,
  newDraft,
  type PickOutcome,
  proposeStep,
  removeDocument,
  removeStep,
  removeTerm,
  updateDocument,
  updateStep,
  updateTerm,
} from '../../../utils/guides/studio';
import { createTranslator, type Params } from '../../../utils/i18n';
import { useServices } from '../../app/services';
import { studioMessages } from './messages';
import { download, SignPanel } from './SignPanel';

const translate = createTranslator(studioMessages);
type T = (key: string, params?: Params) => string;

type PickAnswer = PickOutcome | { ok: false; reason: 'no-page' };

// The draft survives the side panel being closed: plain data (clues, never a value) in this
// extension page's own storage.
const DRAFT_KEY = 'pasapas.studio.draft';
function loadDraft(): Draft | null {
  try {
    const raw = globalThis.localStorage?.getItem(DRAFT_KEY);
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && Array.isArray(draft.steps) ? draft : null;
  } catch {
    return null;
  }
}
function saveDraft(draft: Draft | null) {
  try {
    if (draft) globalThis.localStorage?.setItem(DRAFT_KEY, JSON.stringify(draft));
    else globalThis.localStorage?.removeItem(DRAFT_KEY);
  } catch {
    // storage full or refused: the draft stays in memory
  }
}

function Advice({
  text,
  lang,
  glossary,
  t,
  onAddTerm,
}: {
  text: string;
  lang: DraftLang;
  glossary: readonly GlossaryLike[];
  t: T;
  onAddTerm(term: string, definition: string): void;
}) {
  const advice = useMemo(() => checkPlainLanguage(text, { lang, glossary }), [text, lang, glossary]);
  if (advice.length === 0) return null;
  return (
    <ul class="pp-stack pp-studio-advice" aria-label={t('studio.advice')}>
      {advice.map((a, i) => (
        <li key={`${a.code}-${i}`}>
          {t(`studio.advice.${a.code}`, a as unknown as Params)}
          {a.code === 'glossary' && (
            <button type="button" class="pp-button" onClick={() => onAddTerm(a.term, a.definition)}>
              {t('studio.addToGlossary', { term: a.term })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function TextInput({
  label,
  value,
  onInput,
  multiline,
  lang,
  name,
}: {
  label: string;
  value: string;
  onInput(value: string): void;
  multiline?: boolean;
  lang?: DraftLang;
  name?: string;
}) {
  const dir = lang === 'ar' ? 'rtl' : undefined;
  const id = useId();
  return (
    <div class="pp-stack">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          lang={lang}
          dir={dir}
          name={name}
          value={value}
          onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          lang={lang}
          dir={dir}
          name={name}
          value={value}
          onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        />
      )}
    </div>
  );
}

function StepEditor({
  step,
  draft,
  lang,
  glossary,
  t,
  change,
  addGlossary,
}: {
  step: DraftStep;
  draft: Draft;
  lang: DraftLang;
  glossary: readonly GlossaryLike[];
  t: T;
  change(patch: Partial<Omit<DraftStep, 'key'>>): void;
  addGlossary(term: string, definition: string): void;
}) {
  const text = (part: 'title' | 'body' | 'describe', value: string) =>
    change({ [part]: { ...step[part], [lang]: value } as DraftText });
  return (
    <div class="pp-stack">
      <TextInput
        label={t('studio.stepTitle')}
        lang={lang}
        value={step.title[lang]}
        onInput={(v) => text('title', v)}
      />
      <Advice text={step.title[lang]} lang={lang} glossary={glossary} t={t} onAddTerm={addGlossary} />
      <TextInput
        label={t('studio.stepBody')}
        lang={lang}
        multiline
        value={step.body[lang]}
        onInput={(v) => text('body', v)}
      />
      <Advice text={step.body[lang]} lang={lang} glossary={glossary} t={t} onAddTerm={addGlossary} />
      {step.target && (
        <>
          <TextInput
            label={t('studio.describe')}
            lang={lang}
            value={step.describe[lang]}
            onInput={(v) => text('describe', v)}
          />
          <TextInput
            label={t('studio.example')}
            value={step.example}
            onInput={(v) => change({ example: v })}
          />
          <label class="pp-stack">
            <span>{t('studio.validator')}</span>
            <select
              value={step.validator ?? ''}
              onChange={(e) => {
                const value = (e.target as HTMLSelectElement).value as GuideValidatorId | '';
                change({ validator: value || null, dateRule: value === 'date' ? step.dateRule : null });
              }}
            >
              <option value="">{t('studio.validator.none')}</option>
              {VALIDATOR_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(`studio.validator.${id}`)}
                </option>
              ))}
            </select>
          </label>
          {step.validator === 'date' && (
            <label class="pp-stack">
              <span>{t('studio.dateRule')}</span>
              <select
                value={step.dateRule ?? 'any'}
                onChange={(e) => {
                  const value = (e.target as HTMLSelectElement).value;
                  change({ dateRule: value === 'past' || value === 'future' ? value : null });
                }}
              >
                {(['any', 'past', 'future'] as const).map((rule) => (
                  <option key={rule} value={rule}>
                    {t(`studio.dateRule.${rule}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {draft.documents.length > 0 && (
            <label class="pp-stack">
              <span>{t('studio.fromDocument')}</span>
              <select
                value={step.fromDocument ?? ''}
                onChange={(e) => change({ fromDocument: (e.target as HTMLSelectElement).value || null })}
              >
                <option value="">{t('studio.fromDocument.none')}</option>
                {draft.documents.map((d) => (
                  <option key={d.key} value={d.id}>
                    {d.name.fr || d.id}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      <label class="pp-stack">
        <span>{t('studio.done')}</span>
        <select
          value={step.done}
          onChange={(e) => change({ done: (e.target as HTMLSelectElement).value as DraftStep['done'] })}
        >
          {DONE_KINDS.filter((kind) => step.target || kind === 'confirmed' || kind === 'page-changed').map(
            (kind) => (
              <option key={kind} value={kind}>
                {t(`studio.done.${kind}`)}
              </option>
            ),
          )}
        </select>
      </label>
      <fieldset class="pp-stack">
        <legend>{t('studio.when')}</legend>
        <TextInput
          label={t('studio.whenUrl')}
          value={step.when?.urlPattern ?? ''}
          onInput={(v) => change({ when: { ...(step.when ?? {}), urlPattern: v || undefined } })}
        />
        <TextInput
          label={t('studio.whenHeading')}
          value={step.when?.headingText ?? ''}
          onInput={(v) => change({ when: { ...(step.when ?? {}), headingText: v || undefined } })}
        />
      </fieldset>
    </div>
  );
}

/** « Créer un guide »: the guide studio, in the side panel. Business rules live in utils/guides/studio. */
export default function StudioTab() {
  const services = useServices();
  const { env, announce } = services;
  const t: T = (key, params) => translate(services.lang.value, key, params);
  // The tab the studio records: the one in front of the side panel (PanelServices.frontPage).
  const front = services.frontPage;
  const [draft, setDraftState] = useState<Draft | null>(loadDraft);
  const [textLang, setTextLang] = useState<DraftLang>('fr');
  const [picking, setPicking] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [exported, setExported] = useState<ExportResult | null>(null);
  const [installMessage, setInstallMessage] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [glossary, setGlossary] = useState<GlossaryLike[]>([]);
  const [startTitle, setStartTitle] = useState('');
  const [startPublisher, setStartPublisher] = useState('');
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const setDraft = (next: Draft | null) => {
    draftRef.current = next;
    setDraftState(next);
    saveDraft(next);
    setExported(null);
  };
  const say = (message: string) => {
    setStatus(message);
    announce(message);
  };

  // The project's glossary (our own file): its words are offered with their definition.
  useEffect(() => {
    let live = true;
    fetch(env.asset('glossary/fr.json'))
      .then((r) => (r.ok ? r.json() : null))
      .then((json) => {
        if (live) setGlossary(glossaryFromFile(json));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [env]);

  const allGlossary = useMemo<GlossaryLike[]>(
    () => [
      ...(draft?.glossary ?? []).map((g) => ({ term: g.term.fr, definition: g.definition.fr })),
      ...glossary,
    ],
    [draft?.glossary, glossary],
  );

  const background = (message: unknown) => env.background?.(message) ?? Promise.resolve(null);

  const pick = async () => {
    const tabId = (await front?.tabId()) ?? null;
    if (tabId === null) {
      say(t('studio.noPage'));
      return;
    }
    setPicking(tabId);
    say(t('studio.picking'));
    const answer = (await background({
      type: 'pasapas:studio-page',
      action: 'pick',
      tabId,
      hint: t('studio.pageHint'),
    }).catch(() => null)) as PickAnswer | null;
    setPicking(null);
    if (!answer?.ok) {
      const reason = answer?.reason ?? 'no-page';
      say(
        reason === 'cancelled'
          ? t('studio.cancelled')
          : reason === 'no-page'
            ? t('studio.noPage')
            : t(`studio.refused.${reason}`),
      );
      return;
    }
    const current = draftRef.current ?? newDraft();
    const proposal = proposeStep(answer.clues, answer.page);
    const next = addStep(addUrlOf(current, answer.page.url), proposal);
    setDraft(next);
    const added = next.steps[next.steps.length - 1];
    if (added) setOpen(added.key);
    say(t('studio.added', { title: proposal.title.fr }));
  };
  const tell = (action: 'move' | 'choose' | 'cancel', delta?: number) => {
    if (picking === null) return;
    void background({ type: 'pasapas:studio-page', action, tabId: picking, delta }).catch(() => {});
  };

  const doExport = () => {
    if (!draft) return;
    const result = exportGuide(draft);
    setExported(result);
    setInstallMessage('');
    if (!result.ok) {
      say(t('studio.exportErrors'));
      return;
    }
    download(result.fileName, result.text, 'application/json');
    say(t('studio.exported', { file: result.fileName }));
  };
  const install = async () => {
    if (!draft) return;
    const result = exportGuide(draft);
    setExported(result);
    if (!result.ok) {
      say(t('studio.exportErrors'));
      return;
    }
    // Signed with the mediator's key when there is one (then « vérifié » here), else as it is.
    const signed = (await background({ type: 'pasapas:studio-sign', text: result.text }).catch(
      () => null,
    )) as {
      ok: boolean;
      text?: string;
    } | null;
    const text = signed?.ok && signed.text ? signed.text : result.text;
    const answer = (await background({ type: 'pasapas:studio-install', text }).catch(() => null)) as {
      ok: boolean;
      code?: string;
    } | null;
    const message = answer?.ok
      ? t('studio.installed')
      : t('studio.installFailed', { code: answer?.code ?? '?' });
    setInstallMessage(message);
    announce(message);
  };

  if (!draft) {
    return (
      <div class="pp-stack" data-testid="studio">
        <p>{t('studio.intro')}</p>
        <TextInput label={t('studio.title')} name="studio-title" value={startTitle} onInput={setStartTitle} />
        <TextInput
          label={t('studio.publisher')}
          name="studio-publisher"
          value={startPublisher}
          onInput={setStartPublisher}
        />
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="studio-start"
          onClick={() => setDraft(newDraft({ title: startTitle.trim(), publisher: startPublisher.trim() }))}
        >
          {t('studio.start')}
        </button>
        {status && (
          <p class="pp-message" role="status">
            {status}
          </p>
        )}
      </div>
    );
  }

  const steps = draft.steps;
  return (
    <div class="pp-stack" data-testid="studio">
      <h2 class="pp-subtitle">{t('studio.guide')}</h2>
      <fieldset class="pp-row">
        <legend>{t('studio.textLang')}</legend>
        {(['fr', 'en', 'ar'] as const).map((l) => (
          <label key={l} class="pp-choice">
            <input
              type="radio"
              name="pp-studio-lang"
              checked={textLang === l}
              onChange={() => setTextLang(l)}
            />
            <span>{t(`studio.lang.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextInput
        label={t('studio.title')}
        lang={textLang}
        value={draft.title[textLang]}
        onInput={(v) => setDraft({ ...draft, title: { ...draft.title, [textLang]: v } })}
      />
      <TextInput
        label={t('studio.publisher')}
        value={draft.publisher}
        onInput={(v) => setDraft({ ...draft, publisher: v })}
      />

      <div class="pp-stack">
        {picking === null ? (
          <div class="pp-row">
            <button
              type="button"
              class="pp-button pp-button--primary"
              data-action="studio-pick"
              onClick={pick}
            >
              {t('studio.pick')}
            </button>
            <button
              type="button"
              class="pp-button"
              data-action="studio-add-confirmed"
              onClick={() => {
                const next = addStep(draft, confirmedStep(t('studio.newStep')));
                setDraft(next);
                setOpen(next.steps[next.steps.length - 1]?.key ?? null);
              }}
            >
              {t('studio.addConfirmed')}
            </button>
          </div>
        ) : (
          <div class="pp-row" data-testid="studio-picking">
            <button type="button" class="pp-button" onClick={() => tell('move', -1)}>
              {t('studio.previous')}
            </button>
            <button type="button" class="pp-button" onClick={() => tell('move', 1)}>
              {t('studio.next')}
            </button>
            <button type="button" class="pp-button pp-button--primary" onClick={() => tell('choose')}>
              {t('studio.choose')}
            </button>
            <button type="button" class="pp-button" onClick={() => tell('cancel')}>
              {t('studio.stop')}
            </button>
          </div>
        )}
        <p class="pp-message" role="status" data-testid="studio-status">
          {status}
        </p>
      </div>

      <h2 class="pp-subtitle">{t('studio.steps', { count: steps.length })}</h2>
      {steps.length === 0 ? (
        <p>{t('studio.noSteps')}</p>
      ) : (
        <ol class="pp-stack" data-testid="studio-steps">
          {steps.map((step, i) => {
            const n = i + 1;
            const title = step.title[textLang] || step.title.fr;
            return (
              <li key={step.key} data-step-id={step.id} class="pp-stack">
                <h3>{t('studio.stepHeading', { n, title })}</h3>
                <p>
                  {step.target
                    ? t('studio.target', {
                        label:
                          step.target.clues.label ??
                          step.target.clues.accessibleName ??
                          step.target.clues.name ??
                          '?',
                      })
                    : t('studio.noTarget')}
                </p>
                <div class="pp-row">
                  <button
                    type="button"
                    class="pp-button"
                    aria-expanded={open === step.key}
                    onClick={() => setOpen(open === step.key ? null : step.key)}
                  >
                    {t('studio.edit', { n })}
                  </button>
                  <button
                    type="button"
                    class="pp-button"
                    disabled={i === 0}
                    onClick={() => {
                      setDraft(moveStep(draft, step.key, -1));
                      say(t('studio.moved', { n: n - 1 }));
                    }}
                  >
                    {t('studio.up', { n })}
                  </button>
                  <button
                    type="button"
                    class="pp-button"
                    disabled={i === steps.length - 1}
                    onClick={() => {
                      setDraft(moveStep(draft, step.key, 1));
                      say(t('studio.moved', { n: n + 1 }));
                    }}
                  >
                    {t('studio.down', { n })}
                  </button>
                  <button
                    type="button"
                    class="pp-button"
                    onClick={() => {
                      setDraft(removeStep(draft, step.key));
                      say(t('studio.deleted'));
                    }}
                  >
                    {t('studio.delete', { n })}
                  </button>
                </div>
                {open === step.key && (
                  <StepEditor
                    step={step}
                    draft={draft}
                    lang={textLang}
                    glossary={allGlossary}
                    t={t}
                    change={(patch) => setDraft(updateStep(draftRef.current ?? draft, step.key, patch))}
                    addGlossary={(term, definition) =>
                      setDraft(addTerm(draftRef.current ?? draft, term, definition))
                    }
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}

      <h2 class="pp-subtitle">{t('studio.documents')}</h2>
      <ul class="pp-stack">
        {draft.documents.map((d) => (
          <li key={d.key} class="pp-stack">
            {(['name', 'why', 'where'] as const).map((part) => (
              <TextInput
                key={part}
                label={t(
                  part === 'name'
                    ? 'studio.documentName'
                    : part === 'why'
                      ? 'studio.documentWhy'
                      : 'studio.documentWhere',
                )}
                lang={textLang}
                value={d[part][textLang]}
                onInput={(v) =>
                  setDraft(updateDocument(draft, d.key, { [part]: { ...d[part], [textLang]: v } }))
                }
              />
            ))}
            <button type="button" class="pp-button" onClick={() => setDraft(removeDocument(draft, d.key))}>
              {t('studio.removeDocument')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="pp-button" onClick={() => setDraft(addDocument(draft, ''))}>
        {t('studio.addDocument')}
      </button>

      <h2 class="pp-subtitle">{t('studio.glossary')}</h2>
      <ul class="pp-stack">
        {draft.glossary.map((g) => (
          <li key={g.key} class="pp-stack">
            <TextInput
              label={t('studio.term')}
              lang={textLang}
              value={g.term[textLang]}
              onInput={(v) => setDraft(updateTerm(draft, g.key, { term: { ...g.term, [textLang]: v } }))}
            />
            <TextInput
              label={t('studio.definition')}
              lang={textLang}
              multiline
              value={g.definition[textLang]}
              onInput={(v) =>
                setDraft(updateTerm(draft, g.key, { definition: { ...g.definition, [textLang]: v } }))
              }
            />
            <button type="button" class="pp-button" onClick={() => setDraft(removeTerm(draft, g.key))}>
              {t('studio.removeTerm')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="pp-button" onClick={() => setDraft(addTerm(draft, ''))}>
        {t('studio.addTerm')}
      </button>

      <div class="pp-row">
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="studio-export"
          onClick={doExport}
        >
          {t('studio.export')}
        </button>
        <button type="button" class="pp-button" data-action="studio-install" onClick={install}>
          {t('studio.install')}
        </button>
      </div>
      {exported && !exported.ok && (
        <div role="alert" class="pp-message pp-message--error">
          <p>{t('studio.exportErrors')}</p>
          <ul>
            {exported.errors.slice(0, 20).map((e) => (
              <li key={`${e.path}-${e.code}`}>
                {e.path} : {guideErrorText(e, services.lang.value)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <SignPanel
        exportNow={() => {
          const result = exportGuide(draftRef.current ?? draft);
          setExported(result);
          if (!result.ok) say(t('studio.exportErrors'));
          return result;
        }}
        background={background}
        publisher={draft.publisher}
        t={t}
        say={say}
      />
      {installMessage && (
        <p class="pp-message" role="status" data-testid="studio-install-status">
          {installMessage}
        </p>
      )}
      {exported?.ok && (
        <label class="pp-stack">
          <span>{t('studio.json')}</span>
          <textarea readOnly rows={8} dir="ltr" data-testid="studio-json" value={exported.text} />
        </label>
      )}
      <button
        type="button"
        class="pp-button"
        onClick={() => {
          if (!confirmDiscard) {
            setConfirmDiscard(true);
            return;
          }
          setConfirmDiscard(false);
          setDraft(null);
        }}
      >
        {confirmDiscard ? t('studio.discardConfirm') : t('studio.discard')}
      </button>
    </div>
  );
}
