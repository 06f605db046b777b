/**
 * « Mes informations » carried to another computer: a file sealed with a passphrase (the same
 * encrypted handover as « Mes démarches »), and its import. A wrong passphrase or a damaged file
 * changes nothing: the core opens the whole file before adding anything (utils/infos/handover.ts).
 * Our side panel and the widget only, like the list itself.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../utils/i18n';
import type { ProgressClient } from '../../../utils/progress/types';
import { errorMessage, type T } from './messages';

function fileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pasapas-mes-informations-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.pasapas.json`;
}

type Props = {
  count: number;
  storage: () => Promise<ProgressClient>;
  t: T;
  lang: Lang;
  announce: (m: string) => void;
  onImported: () => void;
};

export function InfosHandover({ count, storage, t, lang, announce, onImported }: Props) {
  const [busy, setBusy] = useState(false);
  const [pass, setPass] = useState('');
  const [exportError, setExportError] = useState('');
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

  const run = async (work: () => Promise<void>, fail: (text: string) => void) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      fail(errorMessage(lang, error));
    } finally {
      setBusy(false);
    }
  };

  const doExport = (e: Event) => {
    e.preventDefault();
    setExportError('');
    void run(async () => {
      const text = await (await storage()).infosExport(pass);
      setPass('');
      const name = fileName(new Date());
      setDownload({ url: URL.createObjectURL(new Blob([text], { type: 'application/json' })), name });
      announce(t('infos.export.done', { file: name }));
    }, setExportError);
  };

  const doImport = (e: Event) => {
    e.preventDefault();
    setImportError('');
    setImported('');
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setImportError(t('infos.import.noFile'));
      return;
    }
    void run(async () => {
      const { imported: n } = await (await storage()).infosImport(await file.text(), importPass);
      setImportPass('');
      const text = t('infos.import.done', { count: n });
      setImported(text);
      announce(text);
      onImported();
    }, setImportError);
  };

  return (
    <section class="pp-stack" aria-labelledby="pp-infos-handover-title" data-testid="infos-handover">
      <h3 class="pp-subtitle" id="pp-infos-handover-title">
        {t('infos.handover.title')}
      </h3>
      <p>{t('infos.handover.intro')}</p>
      {count > 0 && (
        <form class="pp-stack pp-infos-form" onSubmit={doExport} data-testid="infos-export" noValidate>
          <label for="pp-infos-export-pass">{t('infos.export.passphrase')}</label>
          <input
            id="pp-infos-export-pass"
            type="password"
            autoComplete="new-password"
            value={pass}
            onInput={(e) => setPass((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={exportError ? 'true' : undefined}
            aria-describedby={exportError ? 'pp-infos-export-err' : undefined}
          />
          {exportError && (
            <p id="pp-infos-export-err" class="pp-message pp-message--error" role="alert">
              {exportError}
            </p>
          )}
          <button
            type="submit"
            class="pp-button pp-button--primary"
            disabled={busy}
            data-action="infos-export"
          >
            {t('infos.export.create')}
          </button>
          {download && (
            <p role="status">
              <a
                ref={linkRef}
                class="pp-button"
                href={download.url}
                download={download.name}
                data-action="infos-download"
              >
                {t('infos.export.download')}
              </a>
            </p>
          )}
        </form>
      )}
      <form class="pp-stack pp-infos-form" onSubmit={doImport} data-testid="infos-import" noValidate>
        <label for="pp-infos-import-file">{t('infos.import.file')}</label>
        <input id="pp-infos-import-file" ref={fileRef} type="file" accept=".json,application/json" />
        <label for="pp-infos-import-pass">{t('infos.import.passphrase')}</label>
        <input
          id="pp-infos-import-pass"
          type="password"
          autoComplete="off"
          value={importPass}
          onInput={(e) => setImportPass((e.currentTarget as HTMLInputElement).value)}
          aria-invalid={importError ? 'true' : undefined}
          aria-describedby={importError ? 'pp-infos-import-err' : undefined}
        />
        {importError && (
          <p
            id="pp-infos-import-err"
            class="pp-message pp-message--error"
            role="alert"
            data-testid="infos-import-error"
          >
            {importError}
          </p>
        )}
        {imported && (
          <p class="pp-message" role="status" data-testid="infos-import-done">
            {imported}
          </p>
        )}
        <button type="submit" class="pp-button" disabled={busy} data-action="infos-import">
          {t('infos.import.go')}
        </button>
      </form>
    </section>
  );
}
