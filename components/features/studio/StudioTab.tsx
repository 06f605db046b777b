import { useMemo, useRef, useState } from 'preact/hooks';
import {
  addPicked,
  addStep,
  addTerm,
  adviceGlossary,
  confirmedStep,
  type DraftLang,
  type ExportResult,
  exportGuide,
  moveStep,
  newDraft,
  removeStep,
  textToInstall,
  updateStep,
} from '../../../utils/guides/studio';
import { useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { useFit } from '../../panel/fit';
import { DiscardButton } from './DiscardButton';
import { DocumentsEditor } from './DocumentsEditor';
import { DownloadButton } from './DownloadButton';
import { ExportErrors } from './ExportErrors';
import { FeedbackImport } from './FeedbackImport';
import { GlossaryEditor } from './GlossaryEditor';
import { GuideHeader } from './GuideHeader';
import { PickBar } from './PickBar';
import { frontTabTarget, ownPageTarget } from './pick-target';
import { SignPanel } from './SignPanel';
import { type StartFields, StartForm } from './StartForm';
import { StepEditor } from './StepEditor';
import { StepList } from './StepList';
import studioCss from './studio.css?inline';
import { studioClient } from './studio-client';
import { useStudioT } from './t';
import { useDraft } from './use-draft';
import { usePicking } from './use-picking';
import { useProjectGlossary } from './use-project-glossary';

/**
 * « Créer un guide »: the guide studio, in the side panel. It wires the views to the draft; the
 * rules live in utils/guides/studio.
 */
export default function StudioTab() {
  const services = useServices();
  const { env, announce } = services;
  const t = useStudioT();
  const client = useMemo(
    () => studioClient((message) => env.background?.(message) ?? Promise.resolve(null)),
    [env],
  );
  // The widget records its own page, for the administration's staff: no mediator's key, no install.
  const inWidget = services.context === 'widget';
  const rootRef = useRef<HTMLDivElement>(null);
  useAdoptedSheet(studioCss, rootRef);
  // The widget's panel is on the page it records: it keeps clear of the field shown, and the
  // picking's label is never under it (at 1280 px it was).
  const placing = useFit();
  const target = useMemo(
    () =>
      inWidget
        ? ownPageTarget(document, services.isOurs, {
            shown: (el) => placing?.showing(el),
            lang: () => services.lang.value,
            avoid: () => {
              const root = rootRef.current?.closest('.pp-root');
              return root
                ? [...root.querySelectorAll('[data-pasapas="panel"], [data-pasapas="launcher"]')]
                : [];
            },
          })
        : frontTabTarget(services.frontPage, client),
    [inWidget, client, placing],
  );
  const [textLang, setTextLang] = useState<DraftLang>('fr');
  const [status, setStatus] = useState('');
  const [exported, setExported] = useState<ExportResult | null>(null);
  const [installMessage, setInstallMessage] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [startFields, setStartFields] = useState<StartFields>({ title: '', publisher: '' });
  // Any change makes the last export stale.
  const { draft, draftRef, setDraft } = useDraft(() => setExported(null));
  const projectGlossary = useProjectGlossary(env);
  const glossary = useMemo(() => adviceGlossary(draft, projectGlossary), [draft?.glossary, projectGlossary]);

  const say = (message: string) => {
    setStatus(message);
    announce(message);
  };

  // The page the studio records: the tab in front of the side panel, or the widget's own page.
  const { picking, pick, tell } = usePicking({
    target,
    t,
    say,
    picked(answer) {
      const added = addPicked(draftRef.current, answer);
      setDraft(added.draft);
      setOpen(added.key);
      say(t('studio.added', { title: added.title }));
    },
  });

  if (!draft) {
    return (
      <div class="pp-studio" ref={rootRef}>
        <StartForm
          t={t}
          status={status}
          fields={startFields}
          setFields={setStartFields}
          start={() =>
            setDraft(newDraft({ title: startFields.title.trim(), publisher: startFields.publisher.trim() }))
          }
        />
        <FeedbackImport draft={null} lang={textLang} />
      </div>
    );
  }

  /** The draft as a guide, checked by the format; the errors are shown and said. */
  const exportNow = () => {
    const result = exportGuide(draftRef.current ?? draft);
    setExported(result);
    if (!result.ok) say(t('studio.exportErrors'));
    return result;
  };
  const install = async () => {
    const result = exportNow();
    if (!result.ok) return;
    // Signed with the mediator's key when there is one (then « vérifié » here), else as it is.
    const text = textToInstall(result.text, await client.sign(result.text));
    const answer = await client.install(text);
    const message = answer?.ok
      ? t('studio.installed')
      : t('studio.installFailed', { code: answer?.code ?? '?' });
    setInstallMessage(message);
    announce(message);
  };

  return (
    <div class="pp-stack pp-studio" data-testid="studio" ref={rootRef}>
      <GuideHeader draft={draft} lang={textLang} setLang={setTextLang} t={t} setDraft={setDraft} />
      <PickBar
        picking={picking}
        status={status}
        t={t}
        pick={pick}
        tell={tell}
        addConfirmed={() => {
          const next = addStep(draft, confirmedStep(t('studio.newStep')));
          setDraft(next);
          setOpen(next.steps[next.steps.length - 1]?.key ?? null);
        }}
      />

      <h2 class="pp-subtitle">{t('studio.steps', { count: draft.steps.length })}</h2>
      <StepList
        steps={draft.steps}
        lang={textLang}
        open={open}
        t={t}
        toggle={(key) => setOpen(open === key ? null : key)}
        move={(key, delta, to) => {
          setDraft(moveStep(draft, key, delta));
          say(t('studio.moved', { n: to }));
        }}
        remove={(key) => {
          setDraft(removeStep(draft, key));
          say(t('studio.deleted'));
        }}
        editor={(step) => (
          <StepEditor
            step={step}
            draft={draft}
            lang={textLang}
            glossary={glossary}
            t={t}
            change={(patch) => setDraft(updateStep(draftRef.current ?? draft, step.key, patch))}
            addGlossary={(term, definition) => setDraft(addTerm(draftRef.current ?? draft, term, definition))}
          />
        )}
      />
      <DocumentsEditor draft={draft} lang={textLang} t={t} setDraft={setDraft} />
      <GlossaryEditor draft={draft} lang={textLang} t={t} setDraft={setDraft} />

      <div class="pp-row">
        <DownloadButton
          primary
          action="studio-export"
          file={() => {
            setInstallMessage('');
            const result = exportNow();
            return result.ok
              ? { fileName: result.fileName, data: result.text, type: 'application/json' }
              : null;
          }}
          saved={(file) => t('studio.exported', { file })}
          say={say}
        >
          {t('studio.export')}
        </DownloadButton>
        {!inWidget && (
          <button type="button" class="pp-button" data-action="studio-install" onClick={install}>
            {t('studio.install')}
          </button>
        )}
      </div>
      <ExportErrors exported={exported} lang={services.lang.value} t={t} />
      {inWidget ? (
        // A key kept in the site's own storage could sign for any script of the page: none here.
        <p class="pp-message" data-testid="studio-widget-note">
          {t('studio.widgetNote')}
        </p>
      ) : (
        <SignPanel exportNow={exportNow} client={client} publisher={draft.publisher} t={t} say={say} />
      )}
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
      <FeedbackImport draft={draft} lang={textLang} />
      <DiscardButton t={t} discard={() => setDraft(null)} />
    </div>
  );
}
