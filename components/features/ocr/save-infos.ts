/**
 * The reading screen's way to « Mes informations » where the panel has the person's storage (the
 * widget's own database, our side panel's background) and shows the « Mes informations » tab, so what
 * is kept can be found again; elsewhere none (the screen offers no save). Each value is checked again
 * by the file.
 */
import type { PanelServices } from '../../app/services';
import type { InfosAccess } from './protocol';

export function infosAccessOf(services: Pick<PanelServices, 'storage' | 'tabs'>): InfosAccess | undefined {
  if (!services.tabs.includes('infos')) return undefined;
  return {
    async entries(kinds) {
      const all = await (await services.storage()).infosList();
      return all.filter((e) => kinds.includes(e.kind));
    },
    async put(input, id) {
      await (await services.storage()).infosPut(input, id);
    },
  };
}
