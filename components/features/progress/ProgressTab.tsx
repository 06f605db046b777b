/**
 * "Mes démarches": what is in progress, on which site, when it was last saved, what is still
 * missing; resume, delete one or all, export (passphrase) and import; and, on a shared
 * computer, the PIN, the lock and "Terminer ma session".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Guide } from '../../../utils/guides/format';
import type { Lang } from '../../../utils/i18n';
import { ProgressError } from '../../../utils/progress/errors';
import { missingSteps, requirementsByGuide } from '../../../utils/progress/guide';
import type { ProgressMode } from '../../../utils/progress/types';
import type { ProcedureSummary } from '../../../utils/storage';
import { useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { guideSources, guidesBase } from '../guides/config';
import { guidesOnce, hasGuideSources } from '../guides/live';
import { type Agent, currentAgent, onAgent } from './agent';
import { Confirm } from './Confirm';
import { extensionRuntime, fallbackGuidesBase, progressClient } from './client';
import { errorMessage, type T, translatorFor } from './messages';
import { PublicSection, type SessionEvent } from './PublicSection';
import progressCss from './progress.css?inline';
import { SessionFrame } from './SessionFrame';

type Load = { status: 'loading' } | { status: 'ready'; mode: ProgressMode; list: ProcedureSummary[] };

function formatDate(lang: Lang, time: number): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(time);
  } catch {
    return new Date(time).toLocaleString();
  }
}
function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

async function guides(): Promise<Guide[]> {
  const base = guidesBase() ?? fallbackGuidesBase();
  if (!hasGuideSources(base, guideSources())) return [];
  try {
    return (await guidesOnce(base, guideSources())).guides;
  } catch {
    return [];
  }
}

export default function ProgressTab() {
  const services = useServices();
  const { lang, announce, context } = services;
  const t = translatorFor(() => lang.value);
  const rootRef = useRef<HTMLDivElement>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [error, setError] = useState('');
  const [agent, setAgent] = useState<Agent | undefined>(currentAgent());
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((n) => n + 1);

  useAdoptedSheet(progressCss, rootRef);
  useEffect(() => onAgent(setAgent), []);
  // Another tab may have saved or deleted meanwhile: look again when the person comes back here.
  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, []);

  useEffect(() => {
    let alive = true;
    (async () => {
      const client = await progressClient();
      const mode = await client.mode();
      let list: ProcedureSummary[] = [];
      if (mode.kind === 'clear' || mode.kind === 'unlocked') {
        const known = await guides();
        list = await client.list(requirementsByGuide(known, lang.value));
      }
      if (alive) setLoad({ status: 'ready', mode, list });
    })().catch((e: unknown) => alive && setError(errorMessage(lang.value, e)));
    return () => {
      alive = false;
    };
  }, [version, lang.value]);

  // The extension on a web page: this site's procedures only; everything else in our own pages.
  const sessionPage = context === 'page' ? services.sessionPage : undefined;
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

function KeepSite({
  agent,
  t,
  onDone,
  act,
}: {
  agent: Agent;
  t: T;
  onDone: () => void;
  act: (fn: () => Promise<void>) => Promise<void>;
}) {
  if (agent.target.value && agent.procedure.value) {
    const at = agent.savedAt.value;
    return at ? (
      <p class="pp-progress-muted" data-testid="saved-at">
        {t('progress.saved', { time: new Date(at).toLocaleTimeString() })}
      </p>
    ) : null;
  }
  if (agent.target.value) return null;
  return (
    <section class="pp-stack" aria-labelledby="pp-keep-title">
      <h2 id="pp-keep-title">{t('progress.keep.title')}</h2>
      <p>{t('progress.keep.intro')}</p>
      <button
        type="button"
        class="pp-button"
        data-action="keep-site"
        onClick={() =>
          act(async () => {
            await agent.keepThisSite();
            onDone();
          })
        }
      >
        {t('progress.keep.go')}
      </button>
    </section>
  );
}

function ProcedureList({
  list,
  t,
  lang,
  context,
  allSites,
  onChange,
  act,
  announce,
  agent,
}: {
  list: ProcedureSummary[];
  t: T;
  lang: Lang;
  context: string;
  /** False on a web page: this site's procedures only, and no "delete all". */
  allSites: boolean;
  onChange: () => void;
  act: (fn: () => Promise<void>) => Promise<void>;
  announce: (m: string) => void;
  agent: Agent | undefined;
}) {
  const [confirm, setConfirm] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resume = (p: ProcedureSummary) =>
    act(async () => {
      const url = await (await progressClient()).lastPage(p.id);
      if (!url) return;
      if (context === 'sidepanel') window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
    });
  const remove = (id: string | null) =>
    act(async () => {
      const client = await progressClient();
      if (id === null) {
        await client.wipe();
        agent?.forgetTab();
        announce(t('progress.all.deleted'));
      } else {
        await client.deleteProcedure(id);
        announce(t('progress.list.deleted'));
      }
      setConfirm(null);
      onChange();
      queueMicrotask(() => headingRef.current?.focus());
    });
  return (
    <section class="pp-stack" aria-labelledby="pp-list-title">
      <h2 id="pp-list-title" ref={headingRef} tabIndex={-1}>
        {allSites ? t('progress.list.title') : t('progress.list.siteTitle')}
      </h2>
      {list.length === 0 && <p data-testid="progress-empty">{t('progress.list.empty')}</p>}
      {list.length > 0 && (
        <ul class="pp-progress-list" data-testid="progress-list">
          {list.map((p) => {
            const missing = missingSteps(p);
            const headingId = `pp-proc-${p.id}`;
            return (
              <li key={p.id} data-procedure={p.id} aria-labelledby={headingId}>
                <h3 id={headingId}>{p.title}</h3>
                <p>{t('progress.list.site', { site: hostOf(p.origin) })}</p>
                <p>{t('progress.list.saved', { date: formatDate(lang, p.updatedAt) })}</p>
                <p>{t('progress.list.answers', { count: Math.max(0, p.fieldCount - 1) })}</p>
                {missing && missing.length > 0 && (
                  <>
                    <p>{t('progress.list.missingTitle')}</p>
                    <ul class="pp-progress-values" data-testid="missing">
                      {missing.map((m, i) => (
                        <li key={i}>{m}</li>
                      ))}
                    </ul>
                  </>
                )}
                {missing && missing.length === 0 && <p>{t('progress.list.nothingMissing')}</p>}
                {confirm === p.id ? (
                  <Confirm
                    text={t('progress.list.deleteConfirm', { title: p.title })}
                    yes={t('progress.list.yesDelete')}
                    no={t('progress.list.cancel')}
                    onYes={() => remove(p.id)}
                    onNo={() => setConfirm(null)}
                  />
                ) : (
                  <div class="pp-row">
                    <button
                      type="button"
                      class="pp-button pp-button--primary"
                      data-action="resume"
                      aria-label={t('progress.list.resumeLabel', { title: p.title })}
                      onClick={() => resume(p)}
                    >
                      {t('progress.list.resume')}
                    </button>
                    <button
                      type="button"
                      class="pp-button"
                      data-action="delete"
                      aria-label={t('progress.list.deleteLabel', { title: p.title })}
                      onClick={() => setConfirm(p.id)}
                    >
                      {t('progress.list.delete')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {allSites &&
        list.length > 0 &&
        (confirm === '*all*' ? (
          <Confirm
            text={t('progress.all.confirm')}
            yes={t('progress.all.yes')}
            no={t('progress.list.cancel')}
            onYes={() => remove(null)}
            onNo={() => setConfirm(null)}
            testId="delete-all-confirm"
          />
        ) : (
          <button
            type="button"
            class="pp-button"
            data-action="delete-all"
            onClick={() => setConfirm('*all*')}
          >
            {t('progress.all.delete')}
          </button>
        ))}
    </section>
  );
}

/**
 * On a web page: every site's procedures, the export and the import are in our own extension
 * page, which no site can read or drive; this button opens it.
 */
function AllSites({ t, act }: { t: T; act: (fn: () => Promise<void>) => Promise<void> }) {
  return (
    <section class="pp-stack" aria-labelledby="pp-all-sites-title" data-testid="all-sites">
      <h2 id="pp-all-sites-title">{t('progress.allSites.title')}</h2>
      <p>{t('progress.allSites.intro')}</p>
      <button
        type="button"
        class="pp-button"
        data-action="open-demarches"
        onClick={() =>
          act(async () => {
            const answer = await extensionRuntime()?.sendMessage({ type: 'pasapas:open-demarches' });
            if ((answer as { opened?: unknown } | undefined)?.opened !== true)
              throw new ProgressError('unavailable');
          })
        }
      >
        {t('progress.allSites.open')}
      </button>
    </section>
  );
}

function fileName(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pasapas-demarches-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.pasapas.json`;
}

function Handover({
  list,
  t,
  lang,
  onChange,
  announce,
}: {
  list: ProcedureSummary[];
  t: T;
  lang: Lang;
  onChange: () => void;
  announce: (m: string) => void;
}) {
  const [which, setWhich] = useState<string>('*');
  const [passphrase, setPassphrase] = useState('');
  const [exportError, setExportError] = useState('');
  const [busy, setBusy] = useState(false);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const [importPass, setImportPass] = useState('');
  const [importError, setImportError] = useState('');
  const [imported, setImported] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => () => download && URL.revokeObjectURL(download.url), [download]);
  useEffect(() => {
    if (download) linkRef.current?.focus();
  }, [download]);

  const doExport = async (e: Event) => {
    e.preventDefault();
    setExportError('');
    setBusy(true);
    try {
      const client = await progressClient();
      const text = await client.exportFile(passphrase, which === '*' ? undefined : [which]);
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      setPassphrase('');
      const name = fileName();
      setDownload({ url, name });
      announce(t('progress.export.done', { file: name }));
    } catch (err) {
      setExportError(errorMessage(lang, err));
    } finally {
      setBusy(false);
    }
  };

  const doImport = async (e: Event) => {
    e.preventDefault();
    setImportError('');
    setImported('');
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setImportError(t('progress.import.noFile'));
      return;
    }
    setBusy(true);
    try {
      const client = await progressClient();
      const result = await client.importFile(await file.text(), importPass);
      setImportPass('');
      const text = t('progress.import.done', { titles: result.titles.join(', ') });
      setImported(text);
      announce(text);
      onChange();
    } catch (err) {
      setImportError(errorMessage(lang, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {list.length > 0 && (
        <section class="pp-stack" aria-labelledby="pp-export-title">
          <h2 id="pp-export-title">{t('progress.export.title')}</h2>
          <p>{t('progress.export.intro')}</p>
          <form class="pp-stack" onSubmit={doExport} data-testid="export-form" noValidate>
            <label for="pp-export-which">{t('progress.list.exportOne')}</label>
            <select
              id="pp-export-which"
              value={which}
              onChange={(e) => setWhich((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="*">{t('progress.export.all')}</option>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title} — {hostOf(p.origin)}
                </option>
              ))}
            </select>
            <label for="pp-export-pass">{t('progress.export.passphrase')}</label>
            <input
              id="pp-export-pass"
              type="password"
              autoComplete="off"
              value={passphrase}
              onInput={(e) => setPassphrase((e.currentTarget as HTMLInputElement).value)}
              aria-describedby={exportError ? 'pp-export-err' : undefined}
              data-testid="export-passphrase"
            />
            {exportError && (
              <p id="pp-export-err" class="pp-message pp-message--error" role="alert">
                {exportError}
              </p>
            )}
            <button type="submit" class="pp-button pp-button--primary" disabled={busy} data-action="export">
              {t('progress.export.create')}
            </button>
            {download && (
              <p role="status">
                <a
                  ref={linkRef}
                  class="pp-button"
                  href={download.url}
                  download={download.name}
                  data-action="download"
                >
                  {t('progress.export.download')}
                </a>
              </p>
            )}
          </form>
        </section>
      )}
      <section class="pp-stack" aria-labelledby="pp-import-title">
        <h2 id="pp-import-title">{t('progress.import.title')}</h2>
        <form class="pp-stack" onSubmit={doImport} data-testid="import-form" noValidate>
          <label for="pp-import-file">{t('progress.import.file')}</label>
          <input
            id="pp-import-file"
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
          />
          <label for="pp-import-pass">{t('progress.import.passphrase')}</label>
          <input
            id="pp-import-pass"
            type="password"
            autoComplete="off"
            value={importPass}
            onInput={(e) => setImportPass((e.currentTarget as HTMLInputElement).value)}
            aria-describedby={importError ? 'pp-import-err' : undefined}
            data-testid="import-passphrase"
          />
          {importError && (
            <p
              id="pp-import-err"
              class="pp-message pp-message--error"
              role="alert"
              data-testid="import-error"
            >
              {importError}
            </p>
          )}
          {imported && (
            <p class="pp-message" role="status" data-testid="import-done">
              {imported}
            </p>
          )}
          <button type="submit" class="pp-button" disabled={busy} data-action="import">
            {t('progress.import.go')}
          </button>
        </form>
      </section>
    </>
  );
}
