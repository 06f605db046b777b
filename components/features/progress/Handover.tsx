/**
 * Handing procedures over (our extension pages and the widget, never a web page's panel): export
 * one or all with a passphrase, and import such a file. The forms are the shared sealed-file ones
 * (components/ui/SealedFile.tsx); here: which procedures, and what the import says.
 */
import { useState } from 'preact/hooks';
import type { Lang } from '../../../utils/i18n';
import type { ProcedureSummary } from '../../../utils/storage';
import { useServices } from '../../app/services';
import { SealedExport, SealedImport, sealedFileName } from '../../ui/SealedFile';
import { hostOf } from './format';
import { errorMessage, type T } from './messages';

const PREFIX = { id: 'pp-', test: '' };

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
  const errorOf = (err: unknown) => errorMessage(lang, err);

  return (
    <>
      {list.length > 0 && (
        <section class="pp-stack" aria-labelledby="pp-export-title">
          <h2 id="pp-export-title">{t('progress.export.title')}</h2>
          <p>{t('progress.export.intro')}</p>
          <SealedExport
            prefix={PREFIX}
            words={{
              passphrase: t('progress.export.passphrase'),
              create: t('progress.export.create'),
              download: t('progress.export.download'),
            }}
            make={async (passphrase) => ({
              text: await (await storage()).exportFile(passphrase, which === '*' ? undefined : [which]),
              name: sealedFileName('demarches'),
            })}
            onMade={(file) => announce(t('progress.export.done', { file }))}
            errorOf={errorOf}
          >
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
          </SealedExport>
        </section>
      )}
      <section class="pp-stack" aria-labelledby="pp-import-title">
        <h2 id="pp-import-title">{t('progress.import.title')}</h2>
        <SealedImport
          prefix={PREFIX}
          words={{
            file: t('progress.import.file'),
            passphrase: t('progress.import.passphrase'),
            go: t('progress.import.go'),
            noFile: t('progress.import.noFile'),
          }}
          open={async (text, passphrase) => {
            const result = await (await storage()).importFile(text, passphrase);
            return t('progress.import.done', { titles: result.titles.join(', ') });
          }}
          onOpened={(said) => {
            announce(said);
            onChange();
          }}
          errorOf={errorOf}
        />
      </section>
    </>
  );
}
