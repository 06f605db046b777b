/**
 * The reading screen's way to « Mes informations » where the panel has the person's storage (the
 * widget's own database, our side panel's background): each value checked again there by its kind.
 */
import type { InfoInput } from '../../../utils/infos/store';
import type { PanelServices } from '../../app/services';

export function saveInfosWith(
  services: Pick<PanelServices, 'storage'>,
): (items: InfoInput[]) => Promise<void> {
  return async (items) => {
    const client = await services.storage();
    for (const item of items) await client.infosPut(item);
  };
}
