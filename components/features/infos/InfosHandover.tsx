/**
 * « Mes informations » carried to another computer: a file sealed with a passphrase (the same
 * encrypted handover and forms as « Mes démarches », components/ui/SealedFile.tsx), and its import.
 * A wrong passphrase or a damaged file changes nothing: the core opens the whole file before adding
 * anything (utils/infos/handover.ts). Our side panel and the widget only, like the list itself.
 */
import type { Lang } from '../../../utils/i18n';
import type { ProgressClient } from '../../../utils/progress/types';
import { SealedExport, SealedImport, sealedFileName } from '../../ui/SealedFile';
import { errorMessage, type T } from './messages';

const PREFIX = { id: 'pp-infos-', test: 'infos-' };

type Props = {
  count: number;
  storage: () => Promise<ProgressClient>;
  t: T;
  lang: Lang;
  announce: (m: string) => void;
  onImported: () => void;
};

export function InfosHandover({ count, storage, t, lang, announce, onImported }: Props) {
  const errorOf = (err: unknown) => errorMessage(lang, err);
  return (
    <section class="pp-stack" aria-labelledby="pp-infos-handover-title" data-testid="infos-handover">
      <h3 class="pp-subtitle" id="pp-infos-handover-title">
        {t('infos.handover.title')}
      </h3>
      <p>{t('infos.handover.intro')}</p>
      {count > 0 && (
        <SealedExport
          prefix={PREFIX}
          formClass="pp-infos-form"
          words={{
            passphrase: t('infos.export.passphrase'),
            create: t('infos.export.create'),
            download: t('infos.export.download'),
          }}
          make={async (passphrase) => ({
            text: await (await storage()).infosExport(passphrase),
            name: sealedFileName('mes-informations'),
          })}
          onMade={(file) => announce(t('infos.export.done', { file }))}
          errorOf={errorOf}
        />
      )}
      <SealedImport
        prefix={PREFIX}
        formClass="pp-infos-form"
        words={{
          file: t('infos.import.file'),
          passphrase: t('infos.import.passphrase'),
          go: t('infos.import.go'),
          noFile: t('infos.import.noFile'),
        }}
        open={async (text, passphrase) => {
          const { imported } = await (await storage()).infosImport(text, passphrase);
          return t('infos.import.done', { count: imported });
        }}
        onOpened={(said) => {
          announce(said);
          onImported();
        }}
        errorOf={errorOf}
      />
    </section>
  );
}
