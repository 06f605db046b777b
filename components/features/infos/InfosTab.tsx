/**
 * "Mes informations": the person's file (see, add, edit, delete) and the offer to fill this page's
 * fields that ask for one of its entries. In our side panel and in the widget only: on a web page's
 * panel the file is not shown (the page could read it), only a way to the side panel.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { InfoEntry, InfoKind } from '../../../utils/infos/index';
import { type PanelServices, useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { EntryForm } from './EntryForm';
import { EntryList } from './EntryList';
import { FillOffers, type PageLink } from './FillOffers';
import { InfosHandover } from './InfosHandover';
import infosCss from './infos.css?inline';
import { errorMessage, translatorFor } from './messages';
import { type InfosTargets, pageSide } from './page';
import { useInfos } from './use-infos';

function pageLink(services: PanelServices): PageLink | null {
  const front = services.frontPage;
  if (front) {
    return {
      targets: async () => {
        const answer = (await front.send('infos', { action: 'targets' })) as InfosTargets | null;
        return answer && Array.isArray(answer.targets) ? answer : null;
      },
      fill: async (item) => (await front.send('infos', { action: 'fill', items: [item] })) as never,
    };
  }
  if (services.context === 'widget') {
    const side = pageSide(services);
    return { targets: async () => side.targets(), fill: async (item) => side.fill([item]) };
  }
  return null;
}

export default function InfosTab() {
  const services = useServices();
  const { lang, announce, context } = services;
  const t = translatorFor(() => lang.value);
  const rootRef = useRef<HTMLDivElement>(null);
  useAdoptedSheet(infosCss, rootRef);
  const onPage = context === 'page';
  const { load, refresh } = useInfos(services);
  const link = useMemo(() => pageLink(services), [services]);

  const save = async (kind: InfoKind, value: string, id?: string) => {
    const client = await services.storage();
    await (id === undefined ? client.infosPut({ kind, value }) : client.infosPut({ kind, value }, id));
    announce(t('infos.saved', { kind: t(`infos.kind.${kind}`) }));
    refresh();
  };
  const remove = async (entry: InfoEntry) => {
    const client = await services.storage();
    await client.infosRemove(entry.id);
    announce(t('infos.deleted', { kind: t(`infos.kind.${entry.kind}`) }));
    refresh();
  };

  return (
    <div class="pp-stack pp-infos" data-testid="infos-tab" ref={rootRef}>
      {onPage ? (
        <p class="pp-message">{t('infos.onPage')}</p>
      ) : (
        <>
          <p>{t('infos.intro')}</p>
          {load.status === 'loading' && <p class="pp-loading">{t('infos.loading')}</p>}
          {load.status === 'closed' && (
            <p class="pp-message" data-testid="infos-closed">
              {t(load.why === 'locked' ? 'infos.locked' : 'infos.needsPin')}
            </p>
          )}
          {load.status === 'error' && (
            <p class="pp-message pp-message--error" role="alert">
              {errorMessage(lang.value, load.error)}
            </p>
          )}
          {load.status === 'ready' && (
            <>
              {link && load.entries.length > 0 && (
                <FillOffers entries={load.entries} link={link} t={t} announce={announce} />
              )}
              <section class="pp-stack" aria-labelledby="pp-infos-list-title">
                <h3 class="pp-subtitle" id="pp-infos-list-title">
                  {t('infos.list.title')}
                </h3>
                <EntryList entries={load.entries} t={t} lang={lang.value} save={save} remove={remove} />
              </section>
              <EntryForm editing={null} t={t} lang={lang.value} save={save} />
              <InfosHandover
                count={load.entries.length}
                storage={() => services.storage()}
                t={t}
                lang={lang.value}
                announce={announce}
                onImported={refresh}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
