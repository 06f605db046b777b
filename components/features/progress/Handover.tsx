/**
 * Handing procedures over (our extension pages and the widget, never a web page's panel): export
 * one or all with a passphrase, and import such a file.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../utils/i18n';
import type { ProcedureSummary } from '../../../utils/storage';
import { useServices } from '../../app/services';
import { hostOf } from './format';
import { errorMessage, type T } from './messages';

function fileName(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pasapas-demarches-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.pasapas.json`;
}

export function Handover({
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
  const { storage } = useServices();
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
      const client = await storage();
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
      const client = await storage();
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
